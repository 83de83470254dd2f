"""The part of a card a question asks about leads its answer: the kind of skill ("soft skills",
"personal qualities employers want", "need to be good w microsoft office?") on the skills card,
the supervision ("what's your first job like, do you work alone") on the first job's."""

from __future__ import annotations

import re

# For each card, its parts: a phrase of the sentence that holds the part, and the words that
# ask for it (on the folded question); the first part whose words match leads.
_PARTS: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {
    card: tuple((phrase, re.compile(pattern)) for phrase, pattern in parts)
    for card, parts in {
        "topic:skills": (
            ("Personal qualities:", r"\b(?:qualit(?:y|ies)|traits?|personality|character|"
                                    r"kind of person|type of person)\b"),
            ("Soft:", r"\b(?:soft|people|interpersonal|communication|social)\b"),
            ("Technical:", r"\b(?:technical|computers?|software|microsoft|ms office|"
                           r"office software|excel|ms word|typing|typist|keyboarding|"
                           r"spreadsheets?|powerpoint|word processing|savvy|literacy|literate|"
                           r"hard skills?)\b"),
        ),
        "topic:first_job": (
            ("Newcomers rarely work alone", r"\b(?:alone|supervis\w*|on (?:my|your|their) own|"
                                            r"solo|by (?:myself|yourself)|watching over|"
                                            r"show me the ropes|in charge of|report to)\b"),
        ),
    }.items()
}
_SENTENCE = re.compile(r"(?<=\.) (?=[A-Z])")


def part_first(card: str, answer: str, folded: str) -> str:
    """`answer` (of card `card`) with the sentence on the part the folded question asks about
    first; `answer` as it is when it asks about none of its parts (or several)."""
    asked = [phrase for phrase, pattern in _PARTS.get(card, ()) if pattern.search(folded)]
    if len(asked) != 1:
        return answer
    sentences = _SENTENCE.split(answer)
    found = next((sentence for sentence in sentences if asked[0] in sentence), None)
    if found is None or found == sentences[0]:
        return answer
    return " ".join([found, *(sentence for sentence in sentences if sentence != found)])
