"""Round 12, late (branch left12b): exam words cut short or misspelt as real words, an AAPC
membership let go, the fee covering a second try, the cost of joining AAPC, what is paid to NHA,
a vendor's revenue, duties asked with a vendor named, and someone else's years with their pay."""

from __future__ import annotations

import pytest

from knowledge.qa.corpus import knowledge_engine
from knowledge.qa.ladder import stage_by_years, trains_others
from tests.qa_answers import answered_by


@pytest.mark.parametrize(("question", "entry_id", "fact"), [
    ("cehrs tst pas mark", "certification:CEHRS:exam", "390"),
    ("firs time pas rate cca exm", "certification:CCA:exam", "70%"),
    ("forgot to pay my aapc dues, is my cpc still valid", "certification:CPC:renewal_fee",
     "90 days"),
    ("does the cpc fee cover a second try", "certification:CPC:fee", "two attempts"),
    ("how much does it cost to join aapc", "certification:CPC:renewal_fee", "$125"),
    ("what do you pay nha for the exam", None, ""),
    ("which ehr vendor is number one by revenue", None, ""),
    ("do i fix epic when it breaks", "topic:duties", "troubleshoots"),
])
def test_the_part_asked_is_answered(question: str, entry_id: str | None, fact: str) -> None:
    assert answered_by(question) == entry_id
    if entry_id is not None:
        answer = knowledge_engine().answer(question)
        assert answer.entry is not None and fact in answer.entry.answer


def test_someone_elses_years_place_them_on_the_ladder() -> None:
    answer = knowledge_engine().answer("my brother has his rhia and 10 years in, whats he worth")
    assert answer.entry is not None and answer.entry.id == "stage:certified"
    assert answer.entry.answer.startswith("With 10 years in the field")
    assert stage_by_years(1).id == "entry" and stage_by_years(4).id == "specialist"


@pytest.mark.parametrize(("text", "expected"), [
    ("if meditech crashes is that on me to fix", True),
    ("what do they input into the ehr", True),
    ("how do i fix my resume", False),
    ("what is epic", False),
])
def test_system_duties_are_read(text: str, expected: bool) -> None:
    assert trains_others(text) is expected
