"""Round 13 (branch work13): the work, skills, schooling and systems asked for one fact - a
records technician's duties, skills asked with a credential named, a programme's content, which
system to learn first, what reports are for, a vendor's revenue-cycle tools, billing insurers,
checks of the records, what an employer expects of a new hire, typo'd credential names."""

from __future__ import annotations

import pytest

from knowledge.qa.corpus import knowledge_engine
from knowledge.qa.specifics import system_to_learn
from knowledge.qa.steps import asks_program_content
from tests.qa_answers import answered_by


@pytest.mark.parametrize(("question", "entry_id"), [
    ("Medical Records Technician Job Duties", "topic:duties"),
    ("what hard skills should someone with the rhit have", "topic:skills"),
    ("what courses are in the hit associate degree", "topic:program_content"),
    ("which ehr should a newbie practice on first", "topic:ehr_systems"),
    ("what purpose do ehr reports serve", "topic:reports"),
    ("does cerner do revenue cycle stuff", "topic:vendor_cerner"),
    ("does an ehr specialist bill insurance companies", "topic:duties"),
    ("what do employers expect from a new hire", "topic:duties"),
])
def test_the_work_asked_for_one_fact(question: str, entry_id: str) -> None:
    assert answered_by(question) == entry_id


def test_a_records_technicians_duties_lead_with_the_paper_records() -> None:
    answer = knowledge_engine().answer("what are a medical records tech's main duties")
    assert answer.entry is not None
    assert answer.entry.answer.startswith("Medical records technician: ")
    assert "paper" in answer.entry.answer.split("\n\n")[0]


def test_an_exams_skills_stay_the_exams() -> None:
    assert answered_by("what skills are tested on the cehrs exam") == "certification:CEHRS:exam"


@pytest.mark.parametrize(("folded", "asked"), [
    ("what classes are in a health information technology certificate", True),
    ("hit certificate curriculum what topics will i cover", True),
    ("what do you learn in a medical terminology course", False),
    ("what classes should i take in high school", False),
    ("how long is the certificate program", False),
])
def test_a_programmes_content(folded: str, asked: bool) -> None:
    assert asks_program_content(folded) is asked


@pytest.mark.parametrize(("folded", "asked"), [
    ("which emr should i get hands on training in before anything else", True),
    ("what skills do ehr trainers need", False),
    ("epic vs cerner which one should i learn", False),
])
def test_which_system_to_learn(folded: str, asked: bool) -> None:
    assert system_to_learn(folded) is asked


def test_a_credential_named_with_a_letter_missing() -> None:
    answer = knowledge_engine().answer("prerequisits for the certifed coding asociate")
    assert [cert.value for cert in answer.mentions.certs] == ["CCA"]
    assert answer.entry is not None and answer.entry.id == "certification:CCA:eligibility"
