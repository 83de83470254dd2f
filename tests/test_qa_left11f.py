"""Round 11 (branch left11f): questions dictated, autocorrected or written in a second
language - "her right" for the RHIT, "corner" for Cerner, glued words, "how many time", "more
big" - read back as meant, and plain English left as it is."""

from __future__ import annotations

import pytest

from knowledge.qa.corpus import knowledge_engine
from knowledge.qa.spoken import respoken


@pytest.mark.parametrize(("text", "expected"), [
    ("what is the fee for her right exam", "what is the fee for RHIT exam"),
    ("the right test how long", "the RHIT test how long"),
    ("her right renew how many ceu", "RHIT renew how many ceus"),
    ("how much does her specialist make", "how much does EHR specialist make"),
    ("need to know epic or corner", "need to know epic or Cerner"),
    ("is corner software hard", "is Cerner software hard"),
    ("how many time it take", "how long it take"),
    ("how much time to finish school", "how long to finish school"),
    ("which state pay most high", "which state pay highest"),
    ("epic is more big than cerner", "epic is bigger than cerner"),
    ("whatis the salary inohio", "what is the salary in ohio"),
    ("pay in california forehr", "pay in california for ehr"),
    ("where ehr people is working", "where do ehr people work"),
    ("how many question on the cca", "how many questions on the cca"),
    ("ehr specialist doing what", "what does ehr specialist do"),
    ("cehrs is what", "what is cehrs"),
    ("what is the job of an ehr specialist", "what does ehr specialist do"),
    ("job of coder is what", "what does coder do"),
    ("cca renew every how many year", "cca renew how often"),
    ("who is making cehrs exam", "who gives cehrs exam"),
    ("when i can give the rhit exam", "when i can take the rhit exam"),
    ("i have degree from india", "i have degree from a foreign country"),
    ("rhea exam need what", "RHIA exam need what"),
])
def test_misheard_and_glued_words_are_read_as_meant(text: str, expected: str) -> None:
    assert respoken(text) == expected


@pytest.mark.parametrize("text", [
    "which is the right exam for me",  # the adjective
    "is the rhit the right cert to get",
    "she knows her right to see her records",
    "how many times can i retake the cca",
    "is the corner store hiring",
    "becom a specialist",  # a typo, not two words
    "intership in texas",
    "certifcation renewel",
    "backstory after: can you do this from home",  # two words glued into a word of its own
    "where is the best place to work",
    "that is what i want",
    "job of a coder pay",
    "how many people pass",
    "who gives the cehrs exam",  # who runs it, not sitting it
    "my friend rhea works in records",
])
def test_plain_english_and_typos_are_left_alone(text: str) -> None:
    assert respoken(text) == text


@pytest.mark.parametrize(("question", "entry_id"), [
    ("what is the fee for her right exam", "certification:RHIT:fee"),
    ("this job is possible to do from house", "topic:remote_work"),
    ("whatis the salary inohio for ehr", "state:OH"),
    ("what is the job of a health information technician", "side_path:hit"),
    ("the role of a him manager", "stage:manager"),
    ("manager salary", "topic:salary_managers"),
])
def test_second_language_questions_get_their_cards(question: str, entry_id: str) -> None:
    answer = knowledge_engine().answer(question)
    assert answer.entry is not None and answer.entry.id == entry_id
