"""Declines for facts the knowledge lacks (branch declines2): a certification's missing part,
another GS series or the grade one is hired at, another occupation's figure for a follow-up."""

from __future__ import annotations

import pytest

from knowledge.cards import cards
from knowledge.qa.corpus import knowledge_engine
from knowledge.qa.engine import Outcome
from knowledge.store import load_knowledge

ENGINE = knowledge_engine()
# How a user asks for each part a certification may lack (its card's id suffix).
PART_QUESTIONS = {
    "exam": "how many questions are on the {x} exam and how long is it",
    "fee": "how much does the {x} exam cost",
    "retake": "if i fail the {x} how long do i have to wait to retake it",
    "pass_rate": "whats the pass rate for the {x}",
    "renewal_fee": "how much does it cost to renew the {x}",
}


def _missing() -> list[tuple[str, str]]:
    """(code, part) of every part of every certification that stands for a missing fact."""
    return [(card.id.split(":")[1], card.id.split(":")[2]) for card in cards()
            if card.gap and card.id.split(":")[-1] in PART_QUESTIONS]


def test_every_certification_has_a_card_for_each_part_it_lacks() -> None:
    codes = {cert.code.value for cert in load_knowledge().certifications}
    missing = set(_missing())
    assert {("RHIA", "exam"), ("RHIA", "fee"), ("CEHRS", "retake"), ("CPC", "retake"),
            ("RHIT", "pass_rate"), ("CAHIMS", "fee")} <= missing
    assert {code for code, _ in missing} <= codes
    assert ("CEHRS", "pass_rate") not in missing and ("RHIT", "retake") not in missing


@pytest.mark.parametrize(("code", "part"), _missing())
def test_a_missing_part_gets_the_honest_decline_naming_it(code: str, part: str) -> None:
    answer = ENGINE.answer(PART_QUESTIONS[part].format(x=code.lower()))
    assert answer.outcome is Outcome.UNKNOWN and answer.entry is None
    assert answer.gap is not None and answer.gap.id.startswith(f"certification:{code}:")


@pytest.mark.parametrize(("question", "entry_id", "fact"), [
    ("failed the rhit by a few points, how long till i can retest",
     "certification:RHIT:retake", "90 days"),
    ("cehrs first time pass rate", "certification:CEHRS:exam", "68.81%"),
    ("ccs pass rate", "certification:CCS:exam", "84%"),
])
def test_a_known_part_still_answers(question: str, entry_id: str, fact: str) -> None:
    answer = ENGINE.answer(question)
    assert answer.entry is not None and answer.entry.id == entry_id
    assert fact in answer.entry.answer


@pytest.mark.parametrize("question", [
    "RHIA exam how many qs and how long is it",
    "RHIA exam how many questions and how long",
    "is the rhia hard? like whats the pass rate",
])
def test_a_later_part_is_read_with_an_earlier_one_asking_a_missing_fact(question: str) -> None:
    answer = ENGINE.answer(question)
    assert answer.outcome is Outcome.UNKNOWN and answer.gap is not None
    assert answer.gap.id.startswith("certification:RHIA:")


@pytest.mark.parametrize("question", [
    "GS-0669 pay",
    "what does a gs 0679 medical support assistant make",
    "what GS grade are VA records techs usually hired at",
    "what grade do they bring u in at for a va medical records job",
])
def test_another_series_or_the_grade_hired_at_is_declined(question: str) -> None:
    assert ENGINE.answer(question).outcome is Outcome.UNKNOWN


@pytest.mark.parametrize("question", [
    "what does the gs-0675 series pay",
    "what grade is a medical records technician in the federal government",
    "gs 7 pay",
])
def test_the_known_series_and_grades_are_answered(question: str) -> None:
    answer = ENGINE.answer(question)
    assert answer.entry is not None and answer.entry.id.startswith("federal:")


@pytest.mark.parametrize(("previous", "question", "entry_id"), [
    ("how much do ehr specialists make", "and 2022?", None),
    ("what do medical records specialists earn", "what about 2019", None),
    ("how much do health information technologists make", "and 2022?",
     "figure:hit_median_2022"),
    ("how much do ehr specialists make", "what about 2021", "figure:mrs_median_2021"),
])
def test_a_follow_up_year_needs_a_figure_of_the_occupation_asked(
        previous: str, question: str, entry_id: str | None) -> None:
    answer = ENGINE.answer(question, previous=previous)
    assert (answer.entry.id if answer.entry else None) == entry_id


def test_another_occupations_figure_answers_only_a_question_naming_it() -> None:
    answer = ENGINE.answer("health services manager job growth")
    assert answer.entry is not None and answer.entry.id == "figure:mhsm_growth_2023_2033"
    named_none = ENGINE.answer("median pay in 2022")
    assert named_none.entry is None or not named_none.entry.id.startswith("figure:hit_")


def test_the_agency_whose_range_tops_leads_as_the_articles_claim() -> None:
    answer = ENGINE.answer("which federal agency pays best")
    assert answer.entry is not None and answer.entry.id == "federal:top_agency"
    assert answer.entry.answer.startswith("The Department of Veterans Affairs (VA)'s range")
    assert "$107,000" in answer.entry.answer and "article's claim" in answer.entry.answer


@pytest.mark.parametrize("question", [
    "how much is the AHIMA renewal fee",
    "what does it cost to recertify rhit",
])
def test_the_ahima_recertification_fee_is_reached(question: str) -> None:
    answer = ENGINE.answer(question)
    assert answer.entry is not None and "$218" in answer.entry.answer


def test_a_bare_measure_asks_it_of_the_previous_question() -> None:
    answer = ENGINE.answer("how long?", previous="tell me about the cca")
    assert answer.entry is not None and answer.entry.id == "certification:CCA:exam"
