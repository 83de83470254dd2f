"""Round 9 (talk9): the work in everyday voice - the clinicians one works with, scenarios at
work, career changers of other occupations, schedules, negotiating and staying current, a
choice whose one side the knowledge lacks, and other occupations' markets declined."""

from __future__ import annotations

import pytest

from knowledge.qa.corpus import knowledge_engine
from knowledge.qa.personal import target_stage
from knowledge.qa.text import without_role, words
from tests.qa_answers import answered_by


@pytest.mark.parametrize(("question", "entry"), [
    ("who else do they talk to besides doctors", "topic:work_settings"),
    ("would my manager expect me to teach nurses the ehr", "topic:duties"),
    ("if a doctor cant find a test result is that my problem", "topic:duties"),
    ("when the nurses cant log in am i the one helping them", "topic:duties"),
])
def test_doctors_and_nurses_at_work_are_the_clinicians(question: str, entry: str) -> None:
    assert answered_by(question) == entry


@pytest.mark.parametrize("question", ["what do nurses make",
                                      "whats the 10 year outlook for nurses",
                                      "if a nurse wants to switch to ehr what should she do",
                                      "is the market for plumbers oversaturated",
                                      "do electricians have to work weekends"])
def test_another_occupation_asked_about_is_still_declined(question: str) -> None:
    assert answered_by(question) is None


def test_another_occupation_switching_in_is_the_askers_background() -> None:
    assert "teacher" not in without_role("can a teacher become an ehr specialist").split()
    assert answered_by("could a plumber get into this field") == "topic:how_to_become"


def test_right_now_in_a_self_description_is_no_nurse() -> None:
    assert "rn" not in without_role("im a cashier rn, what do i need to learn").split()


@pytest.mark.parametrize(("question", "entry"), [
    ("can i do this job from my couch", "topic:remote_work"),
    ("is it mostly monday to friday", "topic:work_settings"),
    ("how do i stay sharp on new technology", "topic:staying_current"),
    ("do va jobs come with dental coverage", "topic:government_benefits"),
    ("career changer in my 40s, how long til i can work", "topic:how_long"),
    ("stay at home mom here, how do i get into ehr", "topic:how_to_become"),
    ("who supervises new records specialists", "topic:first_job"),
    ("10 years from now will this job exist", "topic:outlook"),
])
def test_everyday_words_reach_the_card_that_holds_the_facts(question: str, entry: str) -> None:
    assert answered_by(question) == entry


def test_negotiating_is_answered_by_the_card_that_names_it() -> None:
    answer = knowledge_engine().answer("when do i have the upper hand negotiating my salary")
    assert answer.answered and answer.entry is not None
    assert "leverage" in answer.entry.answer
    assert answered_by("how do i negotiate rent with my landlord") is None


def test_a_growth_number_heard_from_aapc_is_aapcs_figure() -> None:
    answer = knowledge_engine().answer("the aapc site gave a growth number, is it right")
    assert answer.answered and answer.entry is not None
    assert "9%" in answer.entry.answer


def test_a_choice_with_a_side_the_sources_lack_is_declined() -> None:
    assert answered_by("is it an open plan office or do you get a cubicle") is None
    assert answered_by("do ehr specialists work in a cubicle") == "topic:work_settings"


def test_someone_elses_role_is_no_stage_worked_towards() -> None:
    assert target_stage(" ".join(words("who will be my supervisor as a newbie"))) is None
    assert target_stage(" ".join(words("how do i become a manager"))) is not None


@pytest.mark.parametrize(("question", "entry"), [
    ("who would i report to in my first records job", "topic:first_job"),
    ("do they work with the billing dept much", "topic:duties"),
    ("am i sitting at a computer all day", "topic:duties"),
    ("is this job bad for your mental health", "topic:stress"),
])
def test_more_everyday_words_for_the_work(question: str, entry: str) -> None:
    assert answered_by(question) == entry


@pytest.mark.parametrize("question", ["is remote work bad for your mental health",
                                      "when should i bring up salary in an interview",
                                      "is the job market for paralegals saturated"])
def test_general_advice_and_other_jobs_are_declined(question: str) -> None:
    assert answered_by(question) is None
