"""Round 8 (topics8): duties as a day or a scenario, skills brought along, settings and
supervision, outlook and pay factors in other words, certificate vs associate, vendors, the
federal job series, and a vowel heard alike in a short typo."""

from __future__ import annotations

import pytest

from knowledge.qa.corpus import knowledge_engine
from tests.qa_answers import answered_by


@pytest.mark.parametrize(("question", "entry"), [
    ("what does a regular work day look like in this job", "topic:duties"),
    ("if someone comes into the er with a drug allergy what does the ehr specialist do",
     "topic:duties"),
    ("is project management useful for ehr implementation work", "topic:skills"),
    ("how much stress is there day to day", "topic:stress"),
    ("will anybody be supervising me in my first ehr job", "topic:first_job"),
    ("will ehr specialists still be needed in the long run", "topic:outlook"),
    ("whats the 10 yr projection numbers", "topic:outlook"),
    ("what pushes pay higher for ehr specialists", "topic:salary_factors"),
    ("pros and cons of a certificate program vs an associate degree", "topic:how_long"),
    ("why is epic used by so many hospitals", "topic:vendor_epic"),
    ("which ehr software should i learn first to get hired", "topic:ehr_systems"),
])
def test_users_words_reach_the_card_that_holds_the_facts(question: str, entry: str) -> None:
    assert answered_by(question) == entry


@pytest.mark.parametrize(("question", "shown"), [
    ("are medical registrar jobs growing", "16%"),
    ("what gs occupational series is a medical records technician", "0675"),
])
def test_the_figure_asked_is_on_the_card_that_answers(question: str, shown: str) -> None:
    answer = knowledge_engine().answer(question)
    assert answer.answered and answer.entry is not None
    assert shown in answer.entry.answer


def test_a_short_typo_with_a_vowel_heard_alike_is_corrected() -> None:
    assert knowledge_engine().vocabulary.correct("yeers") == "years"
    assert answered_by("how meny yeers of scool do i need for this") == "topic:how_long"


def test_an_entry_tied_in_meaning_with_its_own_part_keeps_its_relief() -> None:
    # The CHDA card and its eligibility part share their closest example: the tie is broken by
    # order (stable), so the whole card is the closest in meaning and answers.
    assert answered_by("what does the chda cover") == "certification:CHDA"


@pytest.mark.parametrize("question", ["what does cerner pay its developers",
                                      "how many years of school does a nurse need",
                                      "how stressful is the job compared to being a pharmacist"])
def test_other_employers_and_occupations_are_still_declined(question: str) -> None:
    assert answered_by(question) is None
