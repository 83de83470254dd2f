"""Renewal fees, a part asking a missing fact, a bachelor's length (branch left7a)."""

from __future__ import annotations

import pytest

from knowledge.qa.corpus import knowledge_engine
from knowledge.qa.engine import Outcome
from tests.qa_answers import answered_after, answered_by

ENGINE = knowledge_engine()


@pytest.mark.parametrize(("question", "entry_id", "fee"), [
    ("how much to renew my rhit", "certification:RHIT:renewal_fee", "$218"),
    ("what does it cost to recertify my ccs", "certification:CCS:renewal_fee", "$218"),
    ("cpc renewal fee", "certification:CPC:renewal_fee", "$125"),
])
def test_a_renewal_fee_question_leads_with_the_fee_then_the_rule(question: str, entry_id: str,
                                                                 fee: str) -> None:
    # (certs9: the renewal fee leads its own card, the renewal rule follows on it.)
    answer = ENGINE.answer(question)
    assert answer.entry is not None and answer.entry.id == entry_id
    assert fee in answer.entry.answer.split(". ")[0]
    assert "Renewal: " in answer.entry.answer


def test_a_renewal_fee_question_naming_no_credential_gets_the_fees_card() -> None:
    assert answered_by("what's the fee to renew an ahima credential") == "topic:renewal_fees"
    assert answered_by("how do i renew my certification") == "topic:cert_renewal"


def test_the_exam_fee_card_still_leads_with_the_exam_fee() -> None:
    assert answered_by("how much is the rhit exam") == "certification:RHIT:fee"


@pytest.mark.parametrize("question", ["how much is it to renew the cehrs",
                                      "cphims renewal fee??"])
def test_a_missing_renewal_fee_is_declined_by_name(question: str) -> None:
    answer = ENGINE.answer(question)
    assert answer.outcome is Outcome.UNKNOWN and answer.gap is not None
    assert answer.gap.id.endswith(":renewal_fee")


@pytest.mark.parametrize(("question", "code"), [
    ("what is the cehrs and how much is its exam fee", "CEHRS"),
    ("tell me about the rhia and whats the exam fee", "RHIA"),
])
def test_a_part_asking_a_missing_fact_adds_its_line(question: str, code: str) -> None:
    answer = ENGINE.answer(question)
    assert answer.answered
    gaps = [entry for entry in answer.also if entry.gap]
    assert [entry.id for entry in gaps] == [f"certification:{code}:fee"]
    assert gaps[0].answer == gaps[0].gap


@pytest.mark.parametrize(("previous", "question"), [
    ("how long is a certificate program", "and a bachelor's?"),
    ("how long does an associate degree take", "what about a bachelors"),
    ("", "how long does a bachelors in him take"),
])
def test_a_bachelors_length_names_the_missing_fact(previous: str, question: str) -> None:
    answer = ENGINE.answer(question, previous=previous or None)
    assert answer.outcome is Outcome.UNKNOWN
    assert answer.gap is not None and answer.gap.id == "topic:bachelor_length"


def test_other_lengths_and_degree_questions_keep_their_answers() -> None:
    assert answered_after("how long is a certificate program", "and an associate degree?") \
        == "topic:how_long"
    assert answered_by("do i need a degree, e.g. a bachelors, to get hired") == "topic:education"
    assert answered_by("i have a bachelor's, how many years of experience does cphims want") \
        == "certification:CPHIMS:eligibility"
