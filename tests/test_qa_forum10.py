"""Forum posts and questions of several parts (round 10, branch forum10): numbered lists,
asks joined by "also"/"oh and", a short half that asks about the first ("how many and how
often"), questions about what the story before them told (a credential, a state), the story's
first person making no pay question personal, and both sides of two agencies or two rungs."""

from __future__ import annotations

import pytest

from knowledge.qa.corpus import knowledge_engine
from knowledge.qa.ladder import named_stages
from knowledge.qa.parts import question_parts
from tests.qa_answers import answered_by


def _shown(question: str) -> list[str]:
    """The ids of every card the reply shows: the answer's, then the other parts' and sides'."""
    answer = knowledge_engine().answer(question)
    assert answer.answered and answer.entry is not None
    return [answer.entry.id, *(entry.id for entry in answer.also)]


@pytest.mark.parametrize(("text", "expected"), [
    ("two questions: 1) how long does it take 2) what does it pay",
     ["how long does it take", "what does it pay"]),
    ("1. what do they do all day 2. is it stressful", ["what do they do all day",
                                                        "is it stressful"]),
    ("what's the pay in ohio? also is it remote?", ["what's the pay in ohio", "is it remote"]),
    ("how much is it? oh and how long is it", ["how much is it", "how long is it"]),
    ("how many units and how often?", ["how many units and how often"]),
    ("1) what's the median pay 2) how many jobs are there",
     ["what's the median pay", "how many jobs are there"]),
])
def test_lists_connectors_and_short_halves(text: str, expected: list[str]) -> None:
    assert question_parts(text) == expected


@pytest.mark.parametrize("text", ["it takes 2 years", "gs 7 step 1 pay", "i have 2 kids"])
def test_numbers_that_number_no_list_split_nothing(text: str) -> None:
    assert question_parts(text) == [text]


@pytest.mark.parametrize(("question", "entry"), [
    ("I got my RHIT last year and work at a clinic in Ohio. My boss says I need continuing ed. "
     "How many units and how often?", "certification:RHIT:renewal"),
    ("been a medical assistant 4 years and my back is killing me. would the pay be better or "
     "worse? im in florida", "state:FL"),
    ("been an MA for 3 years, my wrists hurt. what would a records job pay in georgia?",
     "state:GA"),
    ("I'm nervous about the CPC exam. how many questions are on it?", "certification:CPC:exam"),
])
def test_a_post_is_asked_about_what_its_story_told(question: str, entry: str) -> None:
    assert answered_by(question) == entry


def test_a_story_in_the_first_person_asks_no_estimate() -> None:
    answer = knowledge_engine().answer("been an MA 3 years. what would a records job pay in ohio?")
    assert not answer.wants_estimate


def test_an_ask_in_the_first_person_keeps_the_estimate() -> None:
    assert knowledge_engine().answer("would i make more or less? i'm in texas").wants_estimate


def test_a_later_question_is_not_read_with_the_story() -> None:
    shown = _shown("ok dumb question but do ehr specialists and coders do the same thing? my "
                   "friend says yes. also which one pays better?")
    assert shown[0] == "topic:ehr_vs_coder" and "topic:coder_pay" in shown


def test_a_state_is_not_carried_to_a_question_on_something_else() -> None:
    assert "topic:first_job" in _shown("what's the pay in california? also is it mostly "
                                       "hospitals that hire?")


def test_two_agencies_get_both_ranges() -> None:
    shown = _shown("VA and HHS pay ranges both please")
    assert {"federal:agency_va", "federal:agency_hhs"} <= set(shown)


def test_two_rungs_get_both_cards() -> None:
    shown = _shown("whats the diff between an entry level tech and a specialist")
    assert {"stage:entry", "stage:specialist"} <= set(shown)


@pytest.mark.parametrize(("folded", "expected"), [
    ("diff between an entry level tech and a specialist", ["entry", "specialist"]),
    ("what does an ehr specialist make", []),
    ("senior vs junior", ["entry", "certified"]),
])
def test_named_stages(folded: str, expected: list[str]) -> None:
    assert [stage.id for stage in named_stages(folded)] == expected


def test_range_ends_set_against_each_other_are_the_range() -> None:
    assert answered_by("lowest vs highest pay you'd see doing this") == "topic:salary_national"


def test_one_credential_named_gets_its_own_renewal() -> None:
    assert answered_by("how many units and how often for the rhit") == \
        "certification:RHIT:renewal"
