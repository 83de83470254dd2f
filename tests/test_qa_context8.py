"""Free-text answers in context, branch `context8`: follow-ups opening with chat fillers, a
count announcing the questions of a message, the next credential for oneself, the pay of the
top of the ladder, the path to a stage, the asker's number and the pay "here" in the state the
asker says they live in."""

from __future__ import annotations

import pytest

from knowledge.profile import Certification, Goal, Profile
from knowledge.qa.followup import followup_text, without_fillers
from knowledge.qa.parts import announced, question_parts
from knowledge.qa.personal import (
    PersonalKind,
    aimed_stage,
    applies,
    general_cards,
    next_credential,
    personal_kind,
)
from knowledge.qa.text import words
from tests.qa_answers import answered_after, mentions


def folded(question: str) -> str:
    return " ".join(words(question))


@pytest.mark.parametrize(("question", "rest"), [
    ("k, indiana next", "indiana next"),
    ("k so what would that exam set me back", "what would that exam set me back"),
    ("ok cool whats it cost if im not a member", "whats it cost if im not a member"),
    ("hmm and per hour?", "and per hour?"),
    ("ok", "ok"),  # only fillers: the question itself
    ("so how long is the test", "how long is the test"),
])
def test_chat_fillers_opening_a_followup_are_left_out(question: str, rest: str) -> None:
    assert without_fillers(question) == rest


@pytest.mark.parametrize(("previous", "question", "entry_id"), [
    ("what do ehr specialists make in ohio", "k, indiana next", "state:IN"),
    ("tell me about the cca", "k so what would that exam set me back", "certification:CCA:fee"),
    ("how much is the ccs exam", "and if i skip the membership?", "certification:CCS:fee"),
    ("whats the national median salary for ehr specialists",
     "can u give me that as an hourly number", "figure:mrs_median_hourly_2024"),
    ("how much is the cca exam", "cool, and the rhit?", "certification:RHIT:fee"),
    ("cca exam price", "ok cool whats it cost if im not a member", "certification:CCA:fee"),
])
def test_a_followup_opening_with_fillers_is_read_in_context(
        previous: str, question: str, entry_id: str) -> None:
    assert answered_after(previous, question) == entry_id


def test_skipping_the_membership_asks_the_non_member_price() -> None:
    assert followup_text("how much is the ccs exam", "and if i skip the membership?") \
        == "how much is the ccs exam non members"


@pytest.mark.parametrize(("text", "parts"), [
    ("two things: the national median and the projected growth",
     ["the national median", "the projected growth"]),
    ("3 questions: whats the pay, is it growing, do i need a cert",
     ["whats the pay", "is it growing", "do i need a cert"]),
    ("2 qs. median pay and how long the cca exam is", ["median pay", "how long the cca exam is"]),
    ("a couple of questions: pay and outlook", ["pay", "outlook"]),
    # Without a count, two topics are one question ("cehrs and rhit").
    ("pay and outlook", ["pay and outlook"]),
])
def test_a_count_announces_a_list_of_questions(text: str, parts: list[str]) -> None:
    assert question_parts(text) == parts


def test_a_count_alone_is_no_announcement() -> None:
    assert announced("two things") == ("two things", False)
    assert announced("quick q's - pay?") == ("pay?", True)


@pytest.mark.parametrize(("question", "kind"), [
    ("got my cehrs, what credential do i chase now", PersonalKind.NEXT_CERT),
    ("with my degree and RHIT what's the logical next cert", PersonalKind.NEXT_CERT),
    ("i want to move into coding, which credential fits me", PersonalKind.NEXT_CERT),
    ("i passed the cca two years ago, what should come next for me", PersonalKind.NEXT_CERT),
    ("long term what could i make if i reach the top job", PersonalKind.STAGE_PAY),
    ("whats the most i could make if i climb all the way up", PersonalKind.STAGE_PAY),
    ("what's my path to management from here", PersonalKind.BECOME),
    ("gimme my number", PersonalKind.ESTIMATE),
    ("what's my number", PersonalKind.ESTIMATE),
    ("i live in ohio, whats the avg pay for ehr specialists here", PersonalKind.STATE_PAY),
    ("I live in LA (california not louisiana) - average salary here", PersonalKind.STATE_PAY),
])
def test_personal_kinds_of_context8(question: str, kind: PersonalKind) -> None:
    assert personal_kind(question, mentions(question)) is kind


@pytest.mark.parametrize("question", [
    "im a him manager, whats next for me",  # no credential held named: the next rung
    "do i need a certificate to get a job now",
    "is a certification worth it for me",
    "i live in paris, what's the pay here",  # no state: declined as a city abroad
    "i live in ohio, how does the pay here compare to texas",  # a comparison
    "how is my number estimated",
])
def test_not_those_personal_kinds(question: str) -> None:
    assert personal_kind(question, mentions(question)) not in (
        PersonalKind.NEXT_CERT, PersonalKind.STAGE_PAY, PersonalKind.STATE_PAY,
        PersonalKind.ESTIMATE)


@pytest.mark.parametrize(("question", "profile", "code"), [
    ("got my cehrs, what credential do i chase now", None, Certification.RHIT),
    ("just got my rhit, whats next cert wise", None, Certification.RHIA),
    # On the coder's path, the steps before the CPC count as passed: not the CCA.
    ("i have the cpc already, which cert should i go for after that", None, Certification.CCS),
    ("i want to move into coding, which credential fits me",
     Profile(years=1, education="high_school"), Certification.CCA),
    ("what cert should i get next", Profile(years=3, education="associate",
                                            certs=frozenset({"CEHRS"})), Certification.RHIT),
])
def test_the_next_credential_after_the_held_ones(question: str, profile: Profile | None,
                                                 code: Certification) -> None:
    found = next_credential(question, profile, mentions(question))
    assert found is not None and found.advice.certification.code is code


def test_a_credential_to_get_is_not_held() -> None:
    question = "should i go for the rhia next cert wise"
    found = next_credential(question, None, mentions(question))
    assert found is not None and Certification.RHIA not in found.held


def test_the_stage_a_pay_question_aims_at() -> None:
    top = aimed_stage(folded("what could i make if i reach the top job"), None)
    assert top is not None and top.id == "director"
    aimed = aimed_stage(folded("the top job i'm aiming for, what does it pay"),
                        Profile(goal=Goal.MANAGER))
    assert aimed is not None and aimed.id == "manager"


def test_the_pay_here_in_a_named_state_needs_no_profile() -> None:
    question = "i live in georgia what's the mean salary here"
    assert applies(PersonalKind.STATE_PAY, None, mentions(question))
    assert general_cards(PersonalKind.STATE_PAY, mentions(question)) == ("state:GA",)
