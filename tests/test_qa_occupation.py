"""The occupation's own names carry no topic (knowledge/qa/occupation.py)."""

from __future__ import annotations

import pytest

from knowledge.qa.corpus import knowledge_engine
from knowledge.qa.occupation import without_occupation


@pytest.mark.parametrize(("folded", "read"), [
    ("is being a medical records specialist stressful", "is being stressful"),
    ("what do electronic health records specialists earn", "what do earn"),
    ("what does an ehr specialist do", "duties"),
    ("what do medical records techs actually do all day", "duties all day"),
    ("what is an ehr specialist", "duties"),
    ("where do medical records techs usually work", "where do they work"),
])
def test_the_occupations_name_is_dropped(folded: str, read: str) -> None:
    assert without_occupation(folded) == read


@pytest.mark.parametrize("folded", [
    "what is a certified electronic health records specialist",  # the CEHRS
    "what is a registered health information technician",  # the RHIT
    "are coders and ehr specialists the same",  # a comparison needs both names
    "ehr specialist vs medical coder",
    "medical records specialist",  # nothing else asked
    "what does a health information specialist do",  # a career stage
])
def test_names_that_are_what_is_asked_stay(folded: str) -> None:
    assert without_occupation(folded) == folded


@pytest.mark.parametrize(("question", "title"), [
    ("What Does an Electronic Health Records Specialist Do?", "What does an EHR specialist do?"),
    ("Do I need to be certified as an Electronic Health Records Specialist?",
     "Do I need a certification?"),
    ("What is the job outlook for Electronic Health Records Specialists?", "Job outlook"),
])
def test_a_faq_heading_spelling_out_the_occupation_gets_its_card(question: str,
                                                                  title: str) -> None:
    answer = knowledge_engine().answer(question)
    assert answer.entry is not None and answer.entry.title == title


def test_a_question_naming_only_the_occupation_is_about_the_field() -> None:
    answer = knowledge_engine().answer("is there a union for records people")
    assert answer.outcome.value == "unknown"
    assert knowledge_engine().answer("is there a union for bus drivers").outcome.value \
        == "off_topic"
