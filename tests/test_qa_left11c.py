"""Round 11 (branch left11c): where an exam is taken, read as its test centre and declined by
name where the sources lack it; a renewal's units when one adds a credential; a vendor's size,
a school ranked and a pass rate in a state declined; a state asked about off the field."""

from __future__ import annotations

import pytest

from knowledge.qa.certwords import cert_wordings
from knowledge.qa.corpus import knowledge_engine
from knowledge.qa.engine import Outcome
from tests.qa_answers import answered_by, mentions


@pytest.mark.parametrize(("text", "expected"), [
    ("where can I take the CPHIMS", "test centre to take the CPHIMS"),
    ("where do i go to take the rhit exam", "test centre to take the rhit exam"),
    ("where is the ccs exam held", "test centre of the ccs exam"),
    ("cca testing site?", "cca test centre?"),
])
def test_where_an_exam_is_taken_is_its_test_centre(text: str, expected: str) -> None:
    assert cert_wordings(text) == expected


@pytest.mark.parametrize("text", [
    "where can i take a cehrs prep class",  # a course, not the exam
    "where is the cehrs training offered",
    "where do cehrs holders work",  # no exam taken
])
def test_a_course_or_a_workplace_is_no_test_centre(text: str) -> None:
    assert cert_wordings(text) == text


@pytest.mark.parametrize(("question", "entry_id", "fact"), [
    ("where do i go to take the rhit exam", "certification:RHIT:exam", "Pearson VUE"),
    ("where is the ccs exam held", "certification:CCS:exam", "Pearson VUE"),
    ("is the cehrs given at a testing center or online", "certification:CEHRS:exam", "PSI"),
    ("is the cpc exam offered online", "certification:CPC:exam", "Virtual exam"),
])
def test_a_known_place_of_testing_is_answered(question: str, entry_id: str, fact: str) -> None:
    answer = knowledge_engine().answer(question)
    assert answered_by(question) == entry_id
    assert answer.entry is not None and fact in answer.entry.answer


@pytest.mark.parametrize(("question", "gap"), [
    ("where can I take the CPHIMS", "certification:CPHIMS:venue"),
    ("what testing site do u use for the cca", "certification:CCA:venue"),
])
def test_a_missing_place_of_testing_is_declined_by_name(question: str, gap: str) -> None:
    answer = knowledge_engine().answer(question)
    assert not answer.answered
    assert answer.gap is not None and answer.gap.id == gap


def test_adding_a_credential_beside_its_units_asks_no_pay() -> None:
    assert not mentions("if i add the cpc how many ce credits do i need").asks_amount
    assert mentions("what would the cpc add for me").asks_amount


@pytest.mark.parametrize(("question", "said"), [
    ("is epic bigger than cerner", "sizes the EHR vendors"),
    ("which ehr vendor is in the most hospitals", "sizes the EHR vendors"),
    ("best ehr school in ohio", "ranks schools"),
    ("cehrs pass rate in california", "pass rates by state"),
])
def test_what_no_source_gives_is_declined_by_kind(question: str, said: str) -> None:
    answer = knowledge_engine().answer(question)
    assert not answer.answered
    assert answer.gap is not None and said in answer.gap.gap


@pytest.mark.parametrize("question", ["whats the weather in ohio", "is ohio nice"])
def test_a_state_asked_off_the_field_is_off_topic(question: str) -> None:
    assert knowledge_engine().answer(question).outcome is Outcome.OFF_TOPIC


@pytest.mark.parametrize(("question", "entry_id"), [
    ("ohio?", "state:OH"),
    ("moving to ohio soon", "state:OH"),
    ("cehrs pass rate", "certification:CEHRS:exam"),
    ("best program to learn for ehr", "topic:ehr_systems"),
])
def test_neighbours_are_still_answered(question: str, entry_id: str) -> None:
    assert answered_by(question) == entry_id
