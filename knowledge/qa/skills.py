"""The kind of skill a question asks about ("soft skills", "personal qualities employers want",
"need to be good w microsoft office?") leads the skills card's answer."""

from __future__ import annotations

import re

SKILLS_CARD = "topic:skills"
# Each kind's label in the skills card's text, and the words that ask for it (on the folded
# question); the first kind whose words match leads.
_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (label, re.compile(pattern)) for label, pattern in (
        ("Personal qualities:", r"\b(?:qualit(?:y|ies)|traits?|personality|character|"
                                r"kind of person|type of person)\b"),
        ("Soft:", r"\b(?:soft|people|interpersonal|communication|social)\b"),
        ("Technical:", r"\b(?:technical|computers?|software|microsoft|ms office|office software|"
                       r"excel|ms word|typing|savvy|literacy|literate|hard skills?)\b"),
    ))
_SENTENCE = re.compile(r"(?<=\.) (?=[A-Z])")


def kind_first(answer: str, folded: str) -> str:
    """The skills card's `answer` with the sentence on the kind of skill the folded question
    asks about first; `answer` as it is when it asks about none (or several)."""
    asked = [label for label, pattern in _KINDS if pattern.search(folded)]
    if len(asked) != 1:
        return answer
    sentences = _SENTENCE.split(answer)
    found = next((sentence for sentence in sentences if sentence.startswith(asked[0])), None)
    if found is None or found == sentences[0]:
        return answer
    return " ".join([found, *(sentence for sentence in sentences if sentence != found)])
