"""Free-text answers (issue 12, round 7, branch left7b): head counts of the occupation, pay asked
of "they" alone, the need for the workers, coders' pay beside EHR specialists', the future past
the projections, short misspellings of a body's name, a skill's weight, a stage's work, ages."""

from __future__ import annotations

import pytest

from knowledge.qa.occupation import without_occupation
from tests.qa_answers import answered_by


@pytest.mark.parametrize("question", [
    "how many medical records specialists are there",
    "how many ppl work in this field",
    "how many health records specialists r there in the us",
])
def test_a_head_count_of_the_occupation_gets_the_jobs_held(question: str) -> None:
    assert answered_by(question) == "topic:employment"


@pytest.mark.parametrize("question", [
    "how many people does the va employ as records techs",
    "how many medical records specialists work for the va",
    "how many people work at the bls",
    "how many members does himss have",
])
def test_a_head_count_the_knowledge_lacks_is_declined(question: str) -> None:
    assert answered_by(question) is None


def test_a_head_count_reads_as_jobs() -> None:
    assert without_occupation("how many medical records specialists are there") == \
        "how many jobs"


@pytest.mark.parametrize("question", [
    "what do they make", "how much do they get", "what do ehr specialists make",
])
def test_pay_asked_of_they_alone_is_the_national_pay(question: str) -> None:
    assert answered_by(question) == "topic:salary_national"


@pytest.mark.parametrize("question", [
    "is there a need for ehr people", "is the need for records specialists going up",
])
def test_the_need_for_the_workers_is_the_outlook(question: str) -> None:
    assert answered_by(question) == "topic:outlook"


def test_what_do_i_need_for_a_certification_is_no_outlook() -> None:
    assert answered_by("what do i need for the rhit") == "certification:RHIT"


@pytest.mark.parametrize("question", [
    "Medical Coder Or EHR Specialist: Which Pays More?",
    "who makes more, a medical coder or an ehr specialist",
])
def test_coders_pay_beside_the_specialists(question: str) -> None:
    assert answered_by(question) == "topic:coder_pay"


def test_coders_and_specialists_compared_otherwise_get_the_difference() -> None:
    assert answered_by("is an ehr specialist the same as a coder") == "topic:ehr_vs_coder"


@pytest.mark.parametrize("question", [
    "what will the outlook be in 20 years", "will this job still exist in 30 years",
    "what's the demand 20 years from now", "will ehr be around in a few decades",
])
def test_the_future_past_the_projections_is_declined(question: str) -> None:
    assert answered_by(question) is None


@pytest.mark.parametrize("question", [
    "what will the outlook be in 10 years", "are ehr jobs going to grow over the next decade",
])
def test_the_next_ten_years_are_the_outlook(question: str) -> None:
    assert answered_by(question) == "topic:outlook"


@pytest.mark.parametrize(("question", "entry"), [
    ("wat is himms", "topic:org_himss"),
    ("what is ahina", "topic:org_ahima"),
    ("whats ahmia", "topic:org_ahima"),
])
def test_a_body_misspelled_by_one_letter_is_the_body(question: str, entry: str) -> None:
    assert answered_by(question) == entry


def test_a_skill_asked_as_a_big_part_of_it_is_the_skills() -> None:
    assert answered_by("is problem solving a big part of it") == "topic:skills"


@pytest.mark.parametrize(("question", "entry"), [
    ("what does a senior specialist do", "stage:certified"),
    ("what does an entry level specialist do", "stage:entry"),
])
def test_a_stages_work_is_its_card_not_its_pay(question: str, entry: str) -> None:
    assert answered_by(question) == entry


def test_a_stages_pay_is_still_pay_by_stage() -> None:
    assert answered_by("what does a senior specialist make") == "topic:salary_by_stage"


@pytest.mark.parametrize("question", [
    "how old is the typical ehr specialist", "whats the average age of ehr specialists",
])
def test_the_workers_ages_are_declined(question: str) -> None:
    assert answered_by(question) is None
