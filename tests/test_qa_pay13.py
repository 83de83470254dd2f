"""Round 13 (branch pay13): pay asked by the wrong handle - a work setting, the rung moved up to,
an experienced CEHRS holder, the nation's yearly figure, the state moved to."""

from __future__ import annotations

import pytest

from knowledge.qa.corpus import knowledge_engine
from knowledge.qa.ladder import promoted_to
from knowledge.qa.text import words
from tests.qa_answers import answered_by, mentions


@pytest.mark.parametrize("question", [
    "what do hospitals pay on average",
    "hospital vs doctor's office, who pays better",
    "does employer type change pay",
    "do home health agencies pay ok for records people",
])
def test_a_pay_question_naming_a_setting_gets_each_settings_pay(question: str) -> None:
    assert answered_by(question) == "figure:spread_settings"


@pytest.mark.parametrize("question", [
    "what did hospitals pay records clerks in 2023",  # a year the settings table lacks
    "do hospitals make them work shifts",  # no pay asked
])
def test_a_setting_without_its_pay_asked_is_not_the_settings_card(question: str) -> None:
    assert answered_by(question) != "figure:spread_settings"


@pytest.mark.parametrize(("question", "stage"), [
    ("if i move up to health information manager what might i earn", "manager"),
    ("once im promoted to manager whats the pay like", "manager"),
    ("what does it pay to become a director", "director"),
])
def test_the_rung_moved_up_to_is_the_one_paid(question: str, stage: str) -> None:
    found = promoted_to(" ".join(words(question)))
    assert found is not None and found.id == stage
    assert answered_by(question) == f"stage:{stage}"


def test_the_manager_rung_shows_the_official_median_too() -> None:
    text = knowledge_engine().by_id["stage:manager"].answer
    assert "$80,000" in text and "$110,680" in text


def test_experienced_cehrs_holders_get_the_cehrs_guides_bands() -> None:
    assert answered_by("what do experienced CEHRS holders pull in") == "topic:cert_pay"
    assert "$55,000-$70,000+" in knowledge_engine().by_id["topic:cert_pay"].answer


@pytest.mark.parametrize(("question", "entry"), [
    ("whats the median wage nationally", "topic:salary_national"),
    ("what is the hourly wage", "figure:mrs_median_hourly_2024"),
])
def test_the_hourly_figure_answers_only_pay_by_the_hour(question: str, entry: str) -> None:
    assert answered_by(question) == entry


@pytest.mark.parametrize(("question", "first"), [
    ("relocating from Ohio to Colorado, will I make more", "CO"),
    ("moving from texas to new jersey, would i earn more", "NJ"),
    ("texas or florida, which pays more", "TX"),  # no move: the order written
])
def test_a_move_names_the_state_moved_to_first(question: str, first: str) -> None:
    assert mentions(question).state == first


def test_the_national_figure_asked_in_a_story_is_no_own_estimate() -> None:
    answer = knowledge_engine().answer(
        "I've been a CNA for six years. A friend does records at a clinic. Before I commit, "
        "what is the national average salary for this job?")
    assert not answer.personal_pay
    mine = knowledge_engine().answer("how does my pay stack up against the national median")
    assert mine.mentions.first_person
