"""Round 13 (branch path13): the steps counted and walked through, a step asked whether it is
one, a credential's time from scratch, moving up once hired, side paths side by side and a move
into coding, and a rung follow-up ("what about senior level")."""

from __future__ import annotations

import pytest

from knowledge.qa.corpus import knowledge_engine
from knowledge.qa.followup import followup_text
from knowledge.qa.steps import COUNT, ORDER, AskedStep, asked_step
from knowledge.qa.text import words


def _answer_text(question: str, previous: str | None = None) -> str:
    answer = knowledge_engine().answer(question, previous=previous)
    assert answer.answered and answer.entry is not None, question
    return answer.entry.answer


@pytest.mark.parametrize(("question", "asked"), [
    ("how many steps r there to become one", AskedStep(COUNT)),
    ("walk me through becoming an ehr specialist from start to finish", AskedStep(ORDER)),
    ("is an externship part of the process", AskedStep(6)),
    ("how many rungs does the ladder have", None),
    ("how many weeks does step 4 take", None),
])
def test_steps_counted_walked_and_asked_whether_one(question: str, asked: AskedStep | None) -> None:
    assert asked_step(" ".join(words(question))) == asked


@pytest.mark.parametrize(("question", "part"), [
    ("how many steps does the guide list", "There are 10 steps."),
    ("how long would it take to get my rhit starting from nothing", "about two years"),
    ("once i get hired what should i keep doing to move up", "webinars"),
    ("ehr analyst vs ehr trainer, whats the difference", "spot trends"),
    ("can i switch from ehr work into medical coding", "diagnoses and procedures"),
    ("i'm a health information specialist now, whats the next rung", "CEHRS"),
])
def test_the_reply_holds_the_fact_asked(question: str, part: str) -> None:
    assert part in _answer_text(question)


def test_the_rhit_exam_length_is_still_the_exam() -> None:
    assert "3.5 hours" in _answer_text("how long is the rhit exam")


def test_a_rung_follow_up_swaps_the_rung() -> None:
    previous = "what do entry level ehr specialists make"
    assert followup_text(previous, "what about senior level") == \
        "what do senior ehr specialists make"
    assert "$65,000" in _answer_text("what about senior level", previous)
