"""Round 12, branch left12a: a figure wanted for a report or slide, a bare number quoted back,
a second ask added by "and also" / "plus" / "as well as", the next GS grade as a follow-up, a
parent going back to work, "hourly or salary", another job's pay asked after one's own job."""

from __future__ import annotations

import pytest

from knowledge.pay_check import check_pay, judged_pay
from knowledge.qa.corpus import knowledge_engine
from knowledge.qa.followup import grade_followup
from knowledge.qa.parts import question_parts
from knowledge.qa.specifics import without_purpose
from knowledge.qa.text import words_asked
from tests.qa_answers import answered_by


@pytest.mark.parametrize(("text", "kept"), [
    ("latest median i can put in my report", "latest median"),
    ("newest median wage for a powerpoint slide", "newest median wage"),
    ("what median should i use in my essay", "what median"),
])
def test_what_a_figure_is_wanted_for_is_dropped(text: str, kept: str) -> None:
    assert without_purpose(text) == kept


def test_a_use_is_kept_when_no_measure_is_named() -> None:
    assert without_purpose("what should i put in my cover letter") \
        == "what should i put in my cover letter"


@pytest.mark.parametrize(("text", "figure"), [
    ("website says avg salary 51090, trustworthy?", "mrs_average_undated"),
    ("is 48310 the right average salary or is it old", "mrs_mean_2021"),
    ("a site says median pay is 40350, is that reliable?", "ooh_median_2018"),
])
def test_a_bare_number_beside_a_measure_is_a_quoted_figure(text: str, figure: str) -> None:
    stated = judged_pay(text)
    assert stated is not None and stated.quoted and stated.per == "year"
    matched = check_pay(stated).matches
    assert matched is not None and matched.id == figure


def test_a_bare_number_without_a_measure_is_no_pay() -> None:
    assert judged_pay("my zip is 44090, is that right") is None


@pytest.mark.parametrize(("text", "parts"), [
    ("tell me the median pay and also the projected growth",
     ["tell me the median pay", "the projected growth"]),
    ("how much do they make as well as how many openings per year",
     ["how much do they make", "how many openings per year"]),
])
def test_an_added_ask_is_a_part_of_its_own(text: str, parts: list[str]) -> None:
    assert question_parts(text) == parts


@pytest.mark.parametrize(("previous", "question", "read"), [
    ("gs-7 pay range", "what's the range at the next grade up", "gs-8 pay range"),
    ("how much does a gs-5 make", "and one grade higher?", "gs-6 pay range"),
    ("gs-9 salary", "and a grade below?", "gs-8 pay range"),
])
def test_the_next_grade_is_read_from_the_previous_one(previous: str, question: str,
                                                      read: str) -> None:
    assert grade_followup(previous, question) == read


def test_a_grade_move_needs_a_grade_before() -> None:
    assert grade_followup("how much do ehr specialists make", "and one grade higher?") is None


@pytest.mark.parametrize(("question", "entry"), [
    ("mom of two going back to work, can i do medical records from home", "topic:remote_work"),
    ("hourly or salary?", "topic:salary_national"),
])
def test_everyday_leftovers(question: str, entry: str) -> None:
    assert answered_by(question) == entry


def test_another_jobs_pay_after_ones_own_job_is_no_estimate() -> None:
    assert words_asked("im a cna in ohio, how much do cnas make here")[:2] == ["how", "much"]
    answer = knowledge_engine().answer("im a cna in ohio, how much do cnas make here")
    assert not answer.answered and not answer.wants_estimate
