"""Getting in and moving up (branch steps9): the steps in order, schooling and accreditation,
the ladder's rungs and stages, skills asked as an amount; and what the sources never give - a
programme's cost, a share of workers, the years or the age at which one becomes a manager, a
school picked by rank."""

from __future__ import annotations

import pytest

from tests.qa_answers import answered_by


@pytest.mark.parametrize(("question", "entry"), [
    ("ok so whats the actual order of steps to become a medical records specialist",
     "topic:how_to_become"),
    ("does my online school need to be cahiim accredited to sit for the rhit",
     "certification:RHIT:eligibility"),
    ("do employers care if my program is accredited", "topic:org_cahiim"),
    ("high school junior here, what classes should i load up on", "topic:school_subjects"),
    ("do i have to find my own internship or does the program set it up", "topic:internships"),
    ("what are the rungs of the career ladder in ehr", "topic:career_ladder"),
    ("how long before i'm considered senior", "stage:certified"),
    ("what skills do him managers need", "stage:manager"),
    ("how much coding knowledge do records ppl need", "topic:skills"),
    ("what should i put in the skills section of my resume", "topic:skills"),
    ("certificate vs associates vs bachelors - which one should i do??", "topic:education"),
    ("what does a senior ehr specialist do diff from a junior", "stage:certified"),
])
def test_getting_in_and_moving_up_reach_their_cards(question: str, entry: str) -> None:
    assert answered_by(question) == entry


@pytest.mark.parametrize("question", [
    "how much does an associate degree in hit cost",
    "what percent of ehr specialists get promoted to manager",
    "at what age do most people become him managers",
    "exactly how many years does it take to make director of him",
    "how long until i can be a him manager",
    "which online hit program is ranked number 1",
    "what is the highest ranked him school",
])
def test_what_the_sources_never_give_is_declined(question: str) -> None:
    assert answered_by(question) is None


@pytest.mark.parametrize(("question", "entry"), [
    ("how much does the rhit cost", "certification:RHIT:fee"),
    ("what percent of first-timers passed the ccs in 2025", "certification:CCS:exam"),
    ("what does a director of him do", "stage:director"),
    ("how long does it take to become an ehr specialist", "topic:how_long"),
    ("Education Requirements - Degree Or No Degree?", "topic:education"),
    ("what will i study in a certificate program", "topic:program_content"),
    ("how long does a certificate program run", "topic:how_long"),
])
def test_their_neighbours_are_still_answered(question: str, entry: str) -> None:
    assert answered_by(question) == entry
