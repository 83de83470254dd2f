"""Specific things a question may name that only an entry naming them too can answer.

"How much do EHR specialists make in Chicago?" is not answered by the national median, nor "what
does Kaiser pay?", "what do registered nurses make?", "the median in 2035?" or "the RHIA pass
rate?" by the RHIA card: the place, employer, other occupation, year or detail asked for must be
in the answer, or the honest reply is "I don't know".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from knowledge.qa.text import words

# A year named in a question ("in 2030") must be in the answer too.
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _pattern(phrase: str) -> re.Pattern[str]:
    """A phrase on word boundaries, each word also in its plural ("nurse" finds "nurses")."""
    return re.compile(r"\b" + r" ".join(rf"{re.escape(word)}(?:s|es)?" for word in
                                       words(phrase)) + r"\b")


class Specifics:
    """`specifics` maps a phrase as typed to the forms an answer may name it by (none: itself)."""

    def __init__(self, specifics: Mapping[str, Iterable[str]]) -> None:
        self._rules = [(_pattern(phrase), [_pattern(form) for form in (*forms, phrase)])
                       for phrase, forms in specifics.items()]

    def named(self, question: str) -> list[list[re.Pattern[str]]]:
        """For each specific thing `question` names, the forms an answer may name it by."""
        folded = " ".join(words(question))
        found = [forms for pattern, forms in self._rules if pattern.search(folded)]
        found += [[re.compile(rf"\b{year}\b")] for year in _YEAR.findall(folded)]
        return found

    @staticmethod
    def answers(named: list[list[re.Pattern[str]]], folded_answer: str) -> bool:
        """Whether an answer (its folded words, one space) names every specific thing of
        `named` (from `named()`)."""
        return all(any(form.search(folded_answer) for form in forms) for forms in named)
