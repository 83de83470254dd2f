"""Steps into the job, the ladder and skills in other words (round 10, branch paths10): one step
of the roadmap asked by its number, its place or the step before it; the rung above or below a
named rung; the side paths besides climbing; several EHR systems; the part asked leading its
card (the kind of skill, the first job's supervision)."""

from __future__ import annotations

import pytest

from knowledge.qa.corpus import knowledge_engine
from knowledge.qa.ladder import besides_ladder, moved_stage
from knowledge.qa.steps import ORDER, AskedStep, asked_step
from knowledge.qa.text import words
from tests.qa_answers import answered_by


def _folded(question: str) -> str:
    return " ".join(words(question))


def _answer_text(question: str) -> str:
    answer = knowledge_engine().answer(question)
    assert answer.answered and answer.entry is not None, question
    return answer.entry.answer


@pytest.mark.parametrize(("question", "asked"), [
    ("whats the very last step on the roadmap", AskedStep(10)),
    ("what's step 8?", AskedStep(8)),
    ("whats the 3rd step", AskedStep(3)),
    ("first thing to do if i want this career?", AskedStep(1)),
    ("what comes after the internship step", AskedStep(7, 6)),
    ("ok im certified now... whats next", AskedStep(8, 7)),
    ("what do i do after high school", AskedStep(3, 2)),
    ("whats the step before getting certified", AskedStep(6, 7)),
    ("what order do the steps go in", AskedStep(ORDER)),
    ("whats the 2nd to last step", AskedStep(9)),
    ("which step is the internship", AskedStep(6)),
    ("what's step 12 of becoming an ehr specialist", AskedStep(12)),
])
def test_a_step_is_read_by_its_number_or_its_place(question: str, asked: AskedStep) -> None:
    assert asked_step(_folded(question)) == asked


@pytest.mark.parametrize("question", [
    "whats my next step to be certified",  # the way to certification, not what follows it
    "just got my rhit, whats next cert wise",  # the next credential
    "how many weeks does step 4 take",  # no source times a step
    "first rung of the career ladder",
    "what are the steps",
])
def test_no_single_step_is_asked(question: str) -> None:
    assert asked_step(_folded(question)) is None


@pytest.mark.parametrize(("question", "lead"), [
    ("roadmap's final step pls", "Step 10 of 10 - Grow"),
    ("got certified last week lol, what now?", "After “Get certified” (step 7) comes: Step 8"),
    ("what's the very first step if i want to do this job", "Step 1 of 10"),
    ("what order should i do school, the internship and the certification in", "In order: 1."),
])
def test_the_steps_card_leads_with_the_step_asked(question: str, lead: str) -> None:
    assert _answer_text(question).startswith(lead)


@pytest.mark.parametrize("question", ["what's step 15 on the roadmap",
                                      "what's step 12 of becoming an ehr specialist"])
def test_a_step_the_roadmap_lacks_is_not_known(question: str) -> None:
    assert answered_by(question) is None


@pytest.mark.parametrize(("question", "stage"), [
    ("what comes after health information specialist on the ladder", "certified"),
    ("Q: What is the next position after Health Information Manager?", "director"),
    ("what position is right below director", "manager"),
    ("how do i get promoted past certified specialist", "manager"),
    ("im entry level rn, whats the next rung", "specialist"),
    ("how do you go from specialist to manager", "manager"),
    ("whats above director", "director"),  # the top: its card says so
])
def test_the_rung_next_to_a_named_one(question: str, stage: str) -> None:
    found = moved_stage(_folded(question))
    assert found is not None and found.id == stage
    assert answered_by(question) == f"stage:{stage}"


@pytest.mark.parametrize("question", [
    "how long after entry level until senior",  # years no source gives
    "what does a senior specialist do",
    "top qualities hiring managers want",
])
def test_no_move_along_the_ladder(question: str) -> None:
    assert moved_stage(_folded(question)) is None


@pytest.mark.parametrize("question", [
    "side paths besides climbing to manager",
    "what can i move into other than management",
    "i dont wanna be a manager, what else is there for me",
    "alternatives to the management track?",
    "what are some other career directions that dont involve managing people",
])
def test_ways_besides_the_ladder_get_the_side_paths(question: str) -> None:
    assert besides_ladder(_folded(question))
    assert answered_by(question) == "topic:side_paths"


@pytest.mark.parametrize("question", ["should i learn multiple ehr systems",
                                      "do i need to know several ehr programs or is one enough"])
def test_several_ehr_systems_lead_with_more_than_one(question: str) -> None:
    assert _answer_text(question).startswith("Learn more than one if you can")


@pytest.mark.parametrize(("question", "lead"), [
    ("soft skills", "Soft:"),
    ("personal qualities employers want?", "Personal qualities:"),
    ("need to be good w microsoft office?", "Technical:"),
    ("what skills do i need", "Attention to detail"),
    ("hard skills vs soft skills for ehr specialists?", "Attention to detail"),
    ("what's your first job like, do you work alone", "Newcomers rarely work alone"),
    ("how do i get my first job", "Start by looking at job postings"),
])
def test_the_part_asked_leads(question: str, lead: str) -> None:
    assert _answer_text(question).startswith(lead)
