"""Round 11 (left11g): career changers and returners telling their story first - the job they
come from, its years and their age are background, not what is asked; who pays for training
and being hired at an age are not in the sources."""

from __future__ import annotations

import pytest

from knowledge.qa.mentions import find_mentions
from knowledge.qa.text import words, years_elsewhere
from tests.qa_answers import answered_by


@pytest.mark.parametrize(("question", "entry"), [
    ("was a waitress for 12 years, how long does the training take", "topic:how_long"),
    ("caregiver thinking about switching, do i need a degree for medical records",
     "topic:education"),
    ("medical assistant for 3 yrs - can i work from home doing records?", "topic:remote_work"),
    ("im 48 and worked in a warehouse, is records work stressful compared to working nights",
     "topic:stress"),
    ("been a bank teller 20 years. are records jobs growing", "topic:outlook"),
])
def test_the_story_before_the_question_is_background(question: str, entry: str) -> None:
    assert answered_by(question) == entry


@pytest.mark.parametrize("question", [
    "pharmacy tech for 6 years, what do pharmacy techs make",
    "cna in ohio thinking about switching, how much do cnas make",
    "does my hospital pay for employees to get the rhit",
    "can i use financial aid for a coding certificate",
    "am i too old to start at 57",
])
def test_what_the_sources_lack_is_still_declined(question: str) -> None:
    assert answered_by(question) is None


@pytest.mark.parametrize(("text", "elsewhere"), [
    ("worked as a phlebotomist for 6 yrs", True),
    ("pharmacy tech for 6 years, which cert first", True),
    ("15 years as a cashier", True),
    ("been an ehr specialist for 3 years", False),
    ("i have 5 years experience", False),
])
def test_years_of_another_job_are_no_experience(text: str, elsewhere: bool) -> None:
    assert years_elsewhere(text) is elsewhere
    assert (find_mentions(text, words(text)).years is None) is elsewhere
