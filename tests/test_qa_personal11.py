"""Personal questions and other people's situations of round 11 (branch left11d): someone of
the asker's ("my aunt is a nurse ... how much would she make") is not the asker; their job is
their past only when the question is about coming into this work; ten years said as a decade;
what someone can expect to make or is worth is pay; a self-description with a state and nothing
stored is answered with the state's card."""

from __future__ import annotations

import pytest

from handlers.ask import _place_only
from knowledge.profile import Profile
from knowledge.qa.mentions import speaks_of_self
from knowledge.qa.occupation import without_occupation
from knowledge.qa.personal import personal_estimate
from knowledge.qa.specifics import Specifics
from knowledge.qa.text import situation_words, without_role, words
from tests.qa_answers import answered_by, mentions


def _folded(text: str) -> str:
    return " ".join(words(text))


@pytest.mark.parametrize(("text", "expected"), [
    ("my aunt is a nurse and wants to switch, how much would she make", False),
    ("how much would my mom make as a records clerk", False),
    ("a friend of mine has 5 years, what should she be making", False),
    ("what would i make with the rhia, my mom wants to know", True),
    ("my boss says im underpaid", True),
    ("what do people in my state make", True),
])
def test_someone_of_the_askers_is_not_the_asker(text: str, expected: bool) -> None:
    assert speaks_of_self(_folded(text)) is expected


def test_their_job_is_their_past_only_when_coming_into_this_work() -> None:
    assert "nurse" not in without_role("my aunt is a nurse and wants to switch to medical records")
    assert "pharmacist" in without_role("my dad is a pharmacist, how much does he make")
    assert {"my", "dad", "is"} <= situation_words("my dad is a pharmacist, how much does he make")


@pytest.mark.parametrize(("text", "years"), [
    ("a decade in as a records clerk, what am i worth", 10),
    ("been doing this 6 yrs", 6),
    ("over 99 years in", None),
])
def test_years_said_in_the_askers_words(text: str, years: int | None) -> None:
    assert mentions(text).years == years


@pytest.mark.parametrize("text", [
    "my son has an associates, what can he expect to make",
    "she just got her cehrs, how much will she make",
    "whats she gonna make",
    "my brother has 10 years in, whats he worth",
])
def test_what_someone_can_expect_or_is_worth_is_pay(text: str) -> None:
    assert Specifics.asks_pay(_folded(text))


def test_is_it_worth_it_is_no_pay() -> None:
    assert not Specifics.asks_pay(_folded("is the cehrs worth it"))


@pytest.mark.parametrize("question", [
    "my aunt is a nurse and wants to switch to medical records, how much would she make",
    "what do medical records specialists make nationally",
])
def test_other_peoples_pay_gets_the_pay_card(question: str) -> None:
    assert answered_by(question) == "topic:salary_national"


def test_another_occupations_pay_stays_declined() -> None:
    assert answered_by("my cousin is a nurse practitioner, what does she make") is None


def test_a_state_and_nothing_stored_is_the_states_card() -> None:
    asked = mentions("im a medical biller in ohio what would i make as an ehr specialist")
    stored = personal_estimate(None, asked)
    assert stored is not None and _place_only(stored)
    more = personal_estimate(Profile(years=3), asked)
    assert more is not None and not _place_only(more)


@pytest.mark.parametrize("folded", [
    "my aunt wants to switch to medical records how much would she make",
    "hes thinking about switching to records hows the pay",
    "how much would she make in medical records",
])
def test_pay_in_the_field_is_pay_as_one(folded: str) -> None:
    assert "records" not in without_occupation(folded)


def test_wanting_to_switch_is_a_career_change_not_a_side_path() -> None:
    assert answered_by("my aunt is a nurse and wants to switch, how much would she make") in {
        "topic:salary_national", "topic:salary_by_stage"}
