"""Certification questions in other words, round 12 (branch certs12): a misspelled pass rate, the
wait before a retake as a cooldown, an exam bought with a retake, what one pays to sit it,
applying for a credential, holders counted, a harder exam, a lapsed AAPC membership and a
member-price follow-up naming the body."""

from __future__ import annotations

import pytest

from knowledge.qa.certwords import cert_wordings
from knowledge.qa.corpus import knowledge_engine
from knowledge.qa.followup import slot_followup
from tests.qa_answers import answered_after, answered_by


@pytest.mark.parametrize(("text", "expected"), [
    ("rhit pas rate?", "rhit pass rate?"),
    ("passrate of the cehrs", "pass rate of the cehrs"),
    ("ccs pass rates for frist timers", "ccs pass rate"),
    ("rhia cooldown after failing", "rhia retake waiting period after failing"),
    ("cpc with a free retake price", "cpc with two attempts fee price"),
    ("how much do i pay for the rhit", "how much is the rhit exam fee"),
    ("how much to take the cca exam", "how much is the cca exam fee"),
    ("how much is the ccs test", "how much is the ccs exam fee"),
    ("can i apply for the rhit yet", "can i eligibility for the rhit yet"),
])
def test_wordings_read_in_the_knowledges(text: str, expected: str) -> None:
    assert cert_wordings(text) == expected


@pytest.mark.parametrize("text", [
    "how much is the cca exam fee",  # already the fee
    "how much do i make with the ccs",  # pay, not a price
    "applying for jobs with a cehrs",  # a job, not the credential
])
def test_other_wordings_are_left_as_written(text: str) -> None:
    assert cert_wordings(text) == text


@pytest.mark.parametrize(("question", "entry_id", "fact"), [
    ("the rhit, whats the damage", "certification:RHIT:fee", "$299"),
    ("cca price tag for members", "certification:CCA:fee", "$199"),
    ("cpc bundle price", "certification:CPC:fee", "two attempts"),
    ("ccs cooldown after a fail", "certification:CCS:retake", "30 days"),
    ("rhit pas rate", None, ""),
    ("ccs pas rate", "certification:CCS:exam", "84%"),
    ("cca holders total", "certification:CCA", "7,972"),
    ("what happens if my aapc dues go unpaid, do i lose my credential",
     "certification:CPC:renewal_fee", "revoked 90 days"),
])
def test_the_part_asked_is_answered(question: str, entry_id: str | None, fact: str) -> None:
    assert answered_by(question) == entry_id
    if entry_id is not None:
        answer = knowledge_engine().answer(question)
        assert answer.entry is not None and fact in answer.entry.answer


def test_a_harder_exam_gets_both_exams() -> None:
    answer = knowledge_engine().answer("is the rhit harder than the cca")
    assert answer.entry is not None and answer.entry.id == "certification:RHIT:exam"
    assert any(entry.id == "certification:CCA:exam" for entry in answer.also)


def test_a_member_price_follow_up_may_name_the_body() -> None:
    assert answered_after("what does the rhit exam cost", "and after joining ahima?") \
        == "certification:RHIT:fee"
    assert slot_followup("rhit exam fee", "with the aapc membership discount?") \
        == "rhit exam fee members"
    # after a pay question, a body's members are asked of, not a member price
    assert slot_followup("how much do ehr specialists make", "how many members does ahima "
                         "have") is None
