"""The free-text engine on a tiny corpus: synonyms, typos, paraphrases, intents, refusals."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from knowledge.qa import Intent, Outcome
from knowledge.qa.text import normalized_question
from tests.qa_fixture import fixture_engine

ENGINE = fixture_engine()


@pytest.mark.parametrize(("question", "entry_id"), [
    ("cehrs exam requirements??", "cert_cehrs"),
    ("CEHRS", "cert_cehrs"),
    ("what do i need to sit the cehrs", "cert_cehrs"),
    ("who gives the cehrs certificaton", "cert_cehrs"),
    ("rhit fee", "cert_rhit"),
    ("how much does a coder make at the VA?", "pay_federal"),
    ("veterans affairs salary", "pay_federal"),
    ("specilist salary", "pay_national"),
    ("pay in texas", "state_tx"),
    ("how to get promoted to manager", "stage_manager"),
    ("how do i become an ehr specialist", "steps"),
    ("can i work from home", "remote"),
])
def test_questions_find_their_entry(question: str, entry_id: str) -> None:
    answer = ENGINE.answer(question)
    assert answer.outcome is Outcome.ANSWERED, answer
    assert answer.entry is not None and answer.entry.id == entry_id


@pytest.mark.parametrize("question", ["weather in Paris", "tell me a joke", "", "!!!",
                                      "x" * 5000])
def test_off_topic_is_declined(question: str) -> None:
    answer = ENGINE.answer(question)
    assert answer.outcome is Outcome.OFF_TOPIC and answer.entry is None


def test_a_question_about_the_field_that_nothing_answers_is_unknown() -> None:
    answer = ENGINE.answer("best pizza place near the hospital in texas")
    assert answer.outcome is Outcome.UNKNOWN and answer.entry is None


def test_intent_and_mentions() -> None:
    answer = ENGINE.answer("what would I earn with RHIT in Texas with 3 years?")
    assert answer.intent is Intent.PAY and answer.personal_pay
    assert answer.mentions.certs == ("RHIT",) and answer.mentions.state == "TX"
    assert answer.mentions.profile_changes() == {"state": "TX", "years": 3}
    assert ENGINE.answer("in which state do I earn most").mentions.state is None


def test_related_entries_and_command() -> None:
    answer = ENGINE.answer("cehrs eligibility")
    assert [entry.id for entry in answer.related][:2] == ["cert_rhit", "steps"]
    assert answer.command == "certify CEHRS"


def test_typos_are_corrected_only_when_close() -> None:
    vocabulary = ENGINE.vocabulary
    assert vocabulary.correct("hosptial") == "hospital"
    assert vocabulary.correct("specilist") == "specialist"
    assert vocabulary.correct("paris") is None
    assert vocabulary.correct("ok") is None


def test_normalized_question_folds_case_accents_punctuation_and_masks_numbers() -> None:
    assert normalized_question("  Café SALARY??  in   TX! ") == "cafe salary in tx"
    assert normalized_question("call me 5551234567 re GS-7") == "call me # re gs 7"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gets_one_of_the_three_outcomes(text: str) -> None:
    answer = ENGINE.answer(text)
    assert answer.outcome in set(Outcome)
    assert (answer.entry is not None) == answer.answered
    assert answer.entry is None or answer.entry.id in ENGINE.by_id
    assert 0.0 <= answer.coverage <= 1.0
    assert len(answer.question) <= 200
