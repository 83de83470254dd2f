"""Certification parts asked in other words, round 10 (branch certs10): an exam's time, layout,
content and shares, taking it from home or in parts, renewal as maintaining or staying
certified, the exam window and the CEUs each extra AHIMA credential adds; parts the sources lack
declined, by name where a part card stands for them."""

from __future__ import annotations

import pytest

from knowledge.qa.certwords import cert_wordings
from knowledge.qa.corpus import knowledge_engine
from tests.qa_answers import answered_by


@pytest.mark.parametrize(("text", "expected"), [
    ("how much time do u get on the cehrs test", "how long is the exam on the cehrs test"),
    ("cehrs time limit?", "cehrs how long is the exam?"),
    ("ccs exam layout", "ccs exam format"),
    ("How is the CCA test structured?", "CCA exam format?"),
    ("rhit subject areas tested?", "rhit exam domains?"),
    ("whats on the cehrs exam", "what are the cehrs exam domains"),
    ("how much of the cehrs is clinical operations",
     "how much of the cehrs exam is clinical operations"),
    ("can i do the cehrs exam at home", "can i do the cehrs exam with home proctoring"),
    ("cca exam from home", "cca exam with home proctoring"),
    ("virtual cpc split into parts?", "virtual cpc in exam parts?"),
    ("how do i maintain my cehrs", "how do i renew my cehrs"),
    ("how long is the cca good for", "how often to renew cca"),
    ("when must i take the cca after approval", "when must i exam window the cca"),
    ("rhia continuing ed requirements", "rhia continuing education renewal"),
    ("how many extra ceus for a second ahima credential",
     "how many extra ceus for extra ahima credential"),
])
def test_exam_parts_in_other_words_read_in_the_knowledges(text: str, expected: str) -> None:
    assert cert_wordings(text) == expected


@pytest.mark.parametrize("text", [
    "can i work from home with a cehrs",  # remote work, not the exam
    "is the cehrs program online",  # a programme
    "how long does the training last",  # no credential
    "what is the pay structure",  # no exam
])
def test_other_wordings_are_left_as_written(text: str) -> None:
    assert cert_wordings(text) == text


@pytest.mark.parametrize(("question", "entry_id", "fact"), [
    ("how much time do u get on the cehrs test", "certification:CEHRS:exam", "125 minutes"),
    ("what content areas does the rhit cover", "certification:RHIT:exam",
     "information governance"),
    ("can i do the cehrs exam at home", "certification:CEHRS:exam", "remote proctoring"),
    ("virtual cpc split into parts?", "certification:CPC:exam", "two parts of 2 hours"),
    ("how do i maintain my cehrs", "certification:CEHRS:renewal",
     "10 continuing-education credits"),
    ("how many days do i get to schedule my ccs after being approved",
     "certification:CCS:exam", "120 days"),
    ("extra ahima credential, how many more ceus", "topic:cert_renewal", "adds 10"),
    ("personal qualities employers want in a cehrs", "topic:skills", "integrity"),
    ("rhia continuing ed requirements", "certification:RHIA:renewal",
     "30 continuing-education units"),
])
def test_the_part_asked_is_answered(question: str, entry_id: str, fact: str) -> None:
    answer = knowledge_engine().answer(question)
    assert answered_by(question) == entry_id
    assert answer.entry is not None and fact in answer.entry.answer


@pytest.mark.parametrize(("question", "gap"), [
    ("ccs exam domains?", "certification:CCS:domains"),
    ("what does the cphims exam cover", "certification:CPHIMS:domains"),
    ("how long do i have to schedule the cehrs", "certification:CEHRS:window"),
])
def test_a_missing_part_is_declined_by_name(question: str, gap: str) -> None:
    answer = knowledge_engine().answer(question)
    assert not answer.answered
    assert answer.gap is not None and answer.gap.id == gap
    assert "was not found in the sources" in answer.gap.gap


@pytest.mark.parametrize("question", [
    "can i take the rhit from home",  # its exam is on computer at Pearson VUE: remote not said
    "can i take the cahims from home",
    "are code books allowed on the cca",
    "is the cehrs done in one sitting",
    "can i bring my books to the cehrs",
])
def test_a_detail_the_sources_lack_is_declined(question: str) -> None:
    assert not knowledge_engine().answer(question).answered
