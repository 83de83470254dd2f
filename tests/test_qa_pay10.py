"""Free-text answers on pay asked in other words (round 10, branch pay10): a GS grade named is
that grade's card (two grades or two agencies: each side), San Antonio's locality table answers
GS pay there while other places' locality pay is declined, Lincoln's hourly median is shown,
and paychecks, the top of the ladder, pay over time and the best or worst state are read as
the pay questions they are."""

from __future__ import annotations

import pytest

from knowledge.qa.corpus import knowledge_engine
from knowledge.qa.personal import PersonalKind, personal_kind
from tests.qa_answers import answered_by, mentions


def reply(question: str) -> str:
    """The answer's text: its card, then the other sides' cards."""
    answer = knowledge_engine().answer(question)
    assert answer.answered and answer.entry is not None, question
    return " ".join(entry.answer for entry in (answer.entry, *answer.also))


@pytest.mark.parametrize(("question", "entry"), [
    ("GS-7 range in 2024", "federal:gs7"),
    ("gs 8 pay range 2024 please", "federal:gs8"),
    ("GS-9 step 10 for 2025", "federal:gs9"),
])
def test_a_grade_named_is_answered_by_its_card(question: str, entry: str) -> None:
    assert answered_by(question) == entry


def test_a_grade_is_a_subject() -> None:
    assert {"gs7", "government"} <= mentions("what's gs-7 pay").subjects


@pytest.mark.parametrize(("question", "figures"), [
    ("gs-5 vs gs-7 pay in 2025", ("$34,454", "$42,679")),
    ("VA and HHS pay ranges both please", ("$42,000–$107,000", "$40,000–$85,000")),
    ("ssa and va - what do they each pay?", ("$50,000–$100,000", "$42,000–$107,000")),
])
def test_two_grades_or_agencies_get_each_side(question: str, figures: tuple[str, ...]) -> None:
    text = reply(question)
    assert all(figure in text for figure in figures)


def test_two_grades_lead_with_the_first_grade() -> None:
    answer = knowledge_engine().answer("difference between gs 6 and gs 8 salary")
    assert answer.entry is not None and answer.entry.id == "federal:gs6"
    assert [entry.id for entry in answer.also] == ["federal:gs8"]


@pytest.mark.parametrize(("question", "figure"), [
    ("gs-5 step 1 in san antonio with locality", "$40,925"),
    ("what does a gs 7 step 1 make in san antonio", "$50,693"),
    ("san antonio locality rate for federal jobs", "18.78%"),
])
def test_san_antonio_locality_table_answers(question: str, figure: str) -> None:
    assert answered_by(question) == "federal:locality_san_antonio"
    assert figure in reply(question)


@pytest.mark.parametrize("question", [
    "locality pay in dallas",
    "gs-7 locality pay in chicago",
    "gs 11 in san antonio",
    "gs-7 step 5 in san antonio",
])
def test_locality_pay_the_sources_lack_is_declined(question: str) -> None:
    assert answered_by(question) is None


def test_a_city_pay_question_still_gets_its_state() -> None:
    assert answered_by("what do records techs make in san antonio") == "state:TX"


def test_lincoln_shows_its_hourly_median() -> None:
    assert "$22.27" in reply("lincoln ne hourly median")


@pytest.mark.parametrize(("question", "entry"), [
    ("whats the usual yearly paycheck for a records specialist", "topic:salary_national"),
    ("where in the US do they earn the most", "topic:salary_by_state"),
    ("what do first year records specialists get paid", "topic:salary_by_stage"),
])
def test_pay_in_other_words(question: str, entry: str) -> None:
    assert answered_by(question) == entry


@pytest.mark.parametrize(("question", "entry"), [
    ("are wages rising in this field", "figure:pay_over_time"),
    ("are salaries keeping up with inflation", "figure:pay_over_time"),
    ("is pay trending up or down for records techs", "figure:pay_over_time"),
    ("does pay go up with experience", "topic:salary_by_stage"),
])
def test_pay_rising_is_pay_over_the_years(question: str, entry: str) -> None:
    assert answered_by(question) == entry


@pytest.mark.parametrize("question", [
    "what could i earn at the top",
    "whats the most i could ever make",
    "how much could i make at the top of this career",
])
def test_the_top_for_oneself_is_the_top_stage_pay(question: str) -> None:
    assert personal_kind(question, mentions(question)) is PersonalKind.STAGE_PAY


def test_the_max_at_a_grade_is_no_top_stage() -> None:
    question = "whats the max i can make at gs-11"
    assert personal_kind(question, mentions(question)) is not PersonalKind.STAGE_PAY
