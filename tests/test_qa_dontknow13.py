"""Round 13 (branch dontknow13): plain in-domain questions that got "I don't know" - a voice
assistant's wake words and punctuation said aloud, where a second-language asker comes from, an
acronym's "letters", chat spellings, the sector that employs the most, who reports to a manager,
yearly openings asked "every year", a degree people "hold", a state's percentile only a city in
it has, the stored goal's needs."""

from __future__ import annotations

import pytest

from knowledge.qa.personal import PersonalKind, personal_kind
from knowledge.qa.spoken import respoken, undictated
from tests.qa_answers import answered_by, mentions


@pytest.mark.parametrize(("said", "meant"), [
    ("ok google how much do ehr specialists make period", "how much do ehr specialists make"),
    ("hey siri what skills do i need question mark", "what skills do i need"),
    ("Alexa, what is the rhit comma and what does it cost",
     "what is the rhit and what does it cost"),
    # "period" is dictation only in a dictated question
    ("how long is the cca grace period", "how long is the cca grace period"),
])
def test_dictation_is_no_part_of_the_question(said: str, meant: str) -> None:
    assert " ".join(undictated(said).split()) == meant


def test_where_the_asker_comes_from_is_no_place_asked() -> None:
    assert "india" not in respoken("what is salary in usa, i am from india").lower()
    assert "nigeria" not in respoken("coming from nigeria, what do records techs make").lower()


@pytest.mark.parametrize(("question", "entry"), [
    ("dumb q but what do the letters in ahima mean", "topic:org_ahima"),
    ("cehrs - what do those letters even mean lol", "certification:CEHRS"),
    ("wat skils shud i hav for a ehr job", "topic:skills"),
    ("how do i becum a ehr specalist", "topic:how_to_become"),
    ("ok google how much do ehr specialists make period", "topic:salary_national"),
    ("hello sir please tell what is salary of ehr specialist in usa, i am from india",
     "topic:salary_national"),
    ("which sector hires the most medical records techs", "figure:spread_settings"),
    ("as an HIM manager, who would report to me?", "stage:manager"),
    ("roughly how many ehr job openings pop up nationwide every year", "topic:outlook"),
    ("what degree do health information technologists usually hold", "topic:salary_related"),
    ("whats on the cehrs exam, broken down by percent", "certification:CEHRS:exam"),
    ("what do the top 10 percent earn in nebraska", "figure:spread_lincoln"),
    ("what talents do i need for this line of work", "topic:skills"),
    ("is the workload in medical records soul crushing", "topic:stress"),
])
def test_plain_questions_are_answered(question: str, entry: str) -> None:
    assert answered_by(question) == entry


@pytest.mark.parametrize(("question", "previous", "entry"), [
    ("how about with a decade in", "what's the median salary", "topic:salary_by_stage"),
    ("will there still be jobs in a decade", None, "topic:outlook"),
    ("which state pays the most in the 2021 figures", None, "figure:recent_states"),
])
def test_a_decade_of_work_and_the_newer_state_table(question: str, previous: str | None,
                                                    entry: str) -> None:
    assert answered_by(question, previous) == entry


def test_a_state_without_the_detail_still_gets_no_answer() -> None:
    assert answered_by("what do the top 10 percent earn in ohio") is None


def test_what_the_stored_goal_takes_is_the_next_step() -> None:
    asked = "what do i need for my goal"
    assert personal_kind(asked, mentions(asked)) is PersonalKind.NEXT_STEP
    asked = "what will i make when i reach my goal"
    assert personal_kind(asked, mentions(asked)) is not PersonalKind.NEXT_STEP
