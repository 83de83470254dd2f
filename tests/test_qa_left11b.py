"""Pay and career-path questions in other words (round 11, branch left11b): a choice of units,
entry pay after school, the best-paid rung, typing, the end of the roadmap, the rung after the
records technician's job, office software."""

from __future__ import annotations

import pytest

from knowledge.qa.followup import slot_followup
from knowledge.qa.ladder import best_paid, moved_stage
from knowledge.qa.steps import AskedStep, asked_step
from knowledge.qa.text import words
from tests.qa_answers import answered_after, answered_by


def _folded(question: str) -> str:
    return " ".join(words(question))


@pytest.mark.parametrize(("previous", "question"), [
    ("what do medical records specialists earn", "hourly or annual?"),
    ("median pay for ehr specialists", "is it per year or per hour"),
])
def test_a_choice_of_units_reads_as_the_previous_question(previous: str, question: str) -> None:
    assert slot_followup(previous, question) == " ".join(words(previous))


@pytest.mark.parametrize("question", ["hourly or yearly median", "is the pay per year or hourly"])
def test_a_choice_of_units_gets_both(question: str) -> None:
    assert answered_by(question) == "topic:salary_national"


def test_a_choice_of_units_after_entry_pay_keeps_entry_pay() -> None:
    assert answered_after("pay for beginners", "hourly or yearly?") == "topic:salary_by_stage"


@pytest.mark.parametrize(("question", "many"), [
    ("which role pays the best", "one"),
    ("what level pays the most", "one"),
    ("top paying jobs in this career", "many"),
    ("where does the pay top out", "one"),
    ("what's the max salary in this field", "one"),
    ("whats the earning potential long term", "many"),
])
def test_the_best_paid_rung_is_asked(question: str, many: str) -> None:
    assert best_paid(_folded(question)) == many


@pytest.mark.parametrize("question", [
    "where are the highest paying jobs",  # a place
    "highest paying job for a coder",  # another role
    "which state pays the most",
    "highest pay for an entry level tech",  # that rung's own band
])
def test_best_paid_among_other_things_is_no_rung(question: str) -> None:
    assert best_paid(_folded(question)) is None


def test_the_best_paid_rung_is_the_director() -> None:
    assert answered_by("whats the best paid position") == "stage:director"


@pytest.mark.parametrize("question", [
    "how much will i earn after i graduate",
    "what can a recent grad expect to earn",
])
def test_pay_after_school_is_entry_pay(question: str) -> None:
    assert answered_by(question) == "topic:salary_by_stage"


@pytest.mark.parametrize("question", [
    "how fast should i be able to type",
    "is 40 wpm enough",
    "how much does a him manager make an hour",
    "entry level hourly wage",  # the rungs' bands are yearly
])
def test_what_no_source_gives_is_declined(question: str) -> None:
    assert answered_by(question) is None


@pytest.mark.parametrize("question", [
    "do you type a lot in this job",
    "do i need to know word and excel",
    "do i need powerpoint",
])
def test_typing_and_office_software_are_skills(question: str) -> None:
    assert answered_by(question) == "topic:skills"


@pytest.mark.parametrize("question", [
    "what's the final stage of becoming an ehr specialist",
    "whats at the end of the roadmap",
    "what do you do last to become one",
])
def test_the_end_of_the_roadmap_is_its_last_step(question: str) -> None:
    assert asked_step(_folded(question)) == AskedStep(10)


def test_the_final_stage_of_the_ladder_is_no_step() -> None:
    assert asked_step(_folded("whats the final stage of the career ladder")) is None


@pytest.mark.parametrize("question", [
    "next step up from a medical records clerk",
    "whats the rung after records tech",
])
def test_the_rung_after_the_records_job_is_the_specialist(question: str) -> None:
    found = moved_stage(_folded(question))
    assert found is not None and found.id == "specialist"


def test_a_rungs_hourly_rate_after_its_pay_is_declined() -> None:
    assert answered_after("entry level salary", "what's that hourly") is None


@pytest.mark.parametrize("previous", ["what does a medical records technician do",
                                      "entry level salary"])
def test_the_next_job_up_after_the_first_rung_is_the_specialist(previous: str) -> None:
    assert answered_after(previous, "whats the next job up from that") == "stage:specialist"
