"""Free-text answers, round 5 (issue 12): an organisation's acronym asked about by name, idioms
whose words mean something else, real words that are no other form of a knowledge word, and the
question sentence of a forum post."""

from __future__ import annotations

import pytest

from knowledge.qa.corpus import knowledge_engine
from knowledge.qa.parts import question_parts
from knowledge.qa.text import Vocabulary
from tests.qa_answers import answered_by

ENGINE = knowledge_engine()


@pytest.mark.parametrize(("question", "entry_id"), [
    ("what does nha stand for", "topic:org_nha"),
    ("who's the nha", "topic:org_nha"),
    ("what does the aapc stand for", "topic:org_aapc"),
    ("what does cahiim stand for", "topic:org_cahiim"),
    ("what is opm short for", "topic:org_opm"),
    ("what does the abbreviation rhit mean", "certification:RHIT"),
])
def test_an_acronym_asked_about_gets_its_own_card(question: str, entry_id: str) -> None:
    assert answered_by(question) == entry_id


def test_an_acronym_the_knowledge_lacks_is_not_answered_with_another() -> None:
    assert not ENGINE.answer("what does the aama stand for").answered
    # "mean" is framing only at the end of "what does ... mean", not in "mean pay".
    assert ENGINE.answer("whats the mean pay").answered


def test_an_idiom_stands_for_its_meaning_not_its_words() -> None:
    vocabulary = Vocabulary({"take home": ["=salary"], "people skills": ["communication"]},
                            ["salary", "home", "communication", "skills"])
    take_home, = vocabulary.expand("take home")
    assert take_home.terms == ("salari",)
    people_skills, = vocabulary.expand("people skills")
    assert "skill" in people_skills.terms  # not an idiom: its own words count


def test_a_real_word_sharing_a_start_is_no_form_of_a_knowledge_word() -> None:
    vocabulary = Vocabulary({}, ["wait", "factor", "driven", "cheapest", "nurse"])
    assert vocabulary.correct("waiter") is None
    assert vocabulary.correct("factory") is None
    assert vocabulary.correct("driver") is None
    assert vocabulary.correct("cheaper") == "cheapest"


@pytest.mark.parametrize(("question", "entry_id"), [
    ("how much dough do records people pull in", "topic:salary_national"),
    ("what's the yearly take home for this line of work", "topic:salary_national"),
    ("is the money decent or nah", "topic:salary_national"),
    ("who employs ehr folks", "topic:work_settings"),
    ("r there enough openings out there", "topic:outlook"),
])
def test_everyday_words_for_pay_openings_and_employers(question: str, entry_id: str) -> None:
    assert answered_by(question) == entry_id


def test_a_posts_question_sentence_picks_the_card_not_its_chit_chat() -> None:
    answer = ENGINE.answer("so my aunt works in billing and she thinks i'd like this. anyway. "
                           "can i work from home doing this?")
    assert answer.entry is not None and answer.entry.id == "topic:remote_work"
    # A state named in another sentence still counts.
    stated = ENGINE.answer("i live in texas. what do records techs make?")
    assert stated.entry is not None and stated.entry.id == "state:TX"


def test_two_alternatives_asked_as_two_questions_are_two_parts() -> None:
    assert question_parts("do i need a degree or can i get hired with a certificate") == [
        "do i need a degree", "can i get hired with a certificate"]
    assert question_parts("cehrs or rhit") == ["cehrs or rhit"]


def test_a_plural_takes_the_synonyms_of_its_own_word_not_of_a_longer_one() -> None:
    vocabulary = Vocabulary({"clinic": ["physician"], "clinicals": ["practicum"]},
                            ["clinic", "physician", "practicum"])
    clinics, = vocabulary.expand("clinics")
    assert "physician" in clinics.terms and "practicum" not in clinics.terms


@pytest.mark.parametrize("question", ["how much do records techs make out west",
                                      "what's the pay like in the south",
                                      "do they earn more on the east coast"])
def test_a_region_is_no_state_whose_name_shares_a_word(question: str) -> None:
    assert answered_by(question) == "topic:salary_by_state"


@pytest.mark.parametrize("question", ["salary in washington dc", "medical records pay in dc",
                                      "pay in the district of columbia"])
def test_the_district_of_columbia_is_not_washington_state_and_has_no_figure(
        question: str) -> None:
    assert not ENGINE.answer(question).answered


def test_judging_ones_own_pay_without_a_figure_asks_for_the_estimate() -> None:
    answer = ENGINE.answer("am i underpaid")
    assert answer.personal_pay and answer.wants_estimate
