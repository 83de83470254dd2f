"""Specifics the sources lack, round 13 (branch decline13): a city asked as itself, a state's
head count the data lacks, a starting GS grade, a pass mark or domain weights not given, a prep
course's price, the workforce's share in a setting and another occupation's schooling are
declined, saying what is missing; their answerable neighbours stay answered."""

from __future__ import annotations

import pytest

from knowledge.qa.corpus import knowledge_engine


@pytest.mark.parametrize(("question", "missing"), [
    ("pay in dallas specifically, not texas overall", "no figures for a city on its own"),
    ("number of medical records jobs in georgia", "five Great Lakes states"),
    ("which gs do new hires at the va start at", "which GS grade an agency hires at"),
    ("whats the minimum passing score for the cca", "pass mark"),
    ("how is the rhit exam weighted by domain", "domain weights"),
    ("how much is a cpc prep class", "prep course"),
    ("how long is pt school", "not another occupation's schooling"),
])
def test_a_specific_the_sources_lack_is_declined_by_name(question: str, missing: str) -> None:
    answer = knowledge_engine().answer(question)
    assert not answer.answered
    assert answer.gap is not None and missing in answer.gap.answer


@pytest.mark.parametrize(("question", "entry", "text"), [
    ("ehr pay in dallas", "state:TX", "statewide"),
    ("how many ehr specialists are employed in ohio", "state:OH", "7,990"),
    ("rough count of people with the ccs", "certification:CCS", "36,925"),
    ("cehrs exam content breakdown by percent", "certification:CEHRS:exam", "32%"),
    ("passing score for the cehrs?", "certification:CEHRS:exam", "390"),
    ("what do records techs make in lincoln specifically", None, "Lincoln"),
])
def test_the_answerable_neighbours_stay_answered(question: str, entry: str | None,
                                                 text: str) -> None:
    answer = knowledge_engine().answer(question)
    assert answer.answered and answer.entry is not None
    assert entry is None or answer.entry.id == entry
    assert text in answer.entry.answer or text in answer.entry.title
