"""Chat framing and posts of several parts of round 11 (branch left11a): kin asking, last with no
mark ("... my mom wants to know"); labels before a colon ("Noob question:", "Question first:");
lettered parts ("a) ... b) ..."); the reason a post's question gives ("... because my town
seems dead") and "like" before a listed question; pay asked as one's becoming ("what would I
get as an ehr specialist", "if i became a records specialist")."""

from __future__ import annotations

import pytest

from knowledge.qa.corpus import knowledge_engine
from knowledge.qa.framing import unframed
from knowledge.qa.occupation import without_occupation
from knowledge.qa.parts import question_parts
from tests.qa_answers import answered_by


@pytest.mark.parametrize(("text", "expected"), [
    ("how much does the rhit exam cost my mom wants to know", "how much does the rhit exam cost"),
    ("can you do this job from home my wife keeps asking", "can you do this job from home"),
    ("whats the cehrs passing score my classmate asked", "whats the cehrs passing score"),
    ("Noob question: what does rhia stand for", "what does rhia stand for"),
    ("Quick question before my interview: what is ahima", "what is ahima"),
    ("Interview prep question: what do they do", "what do they do"),
    ("Question first, backstory after: is it remote?", "is it remote?"),
    ("whats the median pay for my mother-in-law", "whats the median pay"),
    ("Asking for my cousin who is a cna: what does this pay in ohio", "what does this pay in ohio"),
])
def test_kin_last_and_question_labels_are_cut_off(text: str, expected: str) -> None:
    assert unframed(text) == expected


@pytest.mark.parametrize("text", [
    "what does my boss want to know",
    "what would my mom need to know",
    "what do i need to know",
])
def test_kin_as_the_subject_stays(text: str) -> None:
    assert unframed(text) == text


def test_an_exam_before_the_colon_stays() -> None:
    assert "exam" in unframed("quick question before the exam: how many questions")


@pytest.mark.parametrize(("text", "expected"), [
    ("a) median pay b) job outlook", ["median pay", "job outlook"]),
    ("(a) rhit fee (b) cca fee", ["rhit fee", "cca fee"]),
    ("what i want to know is how many openings there are because my town seems dead",
     ["what i want to know is how many openings there are"]),
    ("How many people work in this field, like is it a big field",
     ["How many people work in this field", "is it a big field"]),
    ("Context: new grad. Question: how many ceus for the rhit",
     ["Context: new grad", "how many ceus for the rhit"]),
    ("Part 1: median pay. Part 2: job outlook", ["median pay", "job outlook"]),
    ("First, what is the cca fee. Second, how many questions",
     ["what is the cca fee", "how many questions"]),
])
def test_parts_of_a_post(text: str, expected: list[str]) -> None:
    assert question_parts(text) == expected


def test_a_reason_that_leaves_no_question_stays() -> None:
    assert question_parts("do it because my mom said so") == ["do it because my mom said so"]


@pytest.mark.parametrize(("folded", "expected"), [
    ("what would i get as an ehr specialist", "what would i earn as"),
    ("how much would i make if i became a medical records specialist", "how much would i make as"),
    ("what would i earn if i switched to medical records", "what would i earn as"),
    ("if i was a records tech what would i make", "as what would i make"),
])
def test_becoming_one_is_pay_as_one(folded: str, expected: str) -> None:
    assert without_occupation(folded) == expected


def test_a_what_if_about_another_job_gets_the_pay() -> None:
    assert answered_by("I'm a phlebotomist, what would I get as an ehr specialist") == \
        "topic:salary_national"
    assert answered_by("im a cna, how much would i make if i became a medical records "
                       "specialist") == "topic:salary_national"


def test_a_framed_missing_fact_stays_declined() -> None:
    answer = knowledge_engine().answer("how much is the cehrs exam my mom wants to know")
    assert not answer.answered
