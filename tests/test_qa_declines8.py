"""Free-text answers on specific things (round 8, branch decline8): a source of hearsay named as
background does not stop an answer; places outside the 50 states and DC, credentials without a
card, exam facts the cards lack and requests for legal, medical or HR advice are declined."""

from __future__ import annotations

import pytest

from knowledge.qa.specifics import Specifics, without_hearsay
from tests.qa_answers import answered_by


@pytest.mark.parametrize(("question", "entry"), [
    ("my old textbook says the median is like 40k, whats it now", "topic:salary_national"),
    ("an article i saw quoted the 2021 median pay, what was it", "figure:mrs_median_2021"),
    ("a blog post said the cca costs 300 bucks, how much is it really",
     "certification:CCA:fee"),
    ("according to my textbook the outlook is good, whats the growth projection",
     "topic:outlook"),
    ("saw on a forum the ccs pass rate is like 80, whats the real number",
     "certification:CCS:exam"),
    ("someone on reddit said rhit is 150 questions, how many is it", "certification:RHIT:exam"),
    ("my teacher mentioned a 2018 median, what was it", "figure:ooh_median_2018"),
])
def test_a_source_of_hearsay_does_not_stop_an_answer(question: str, entry: str) -> None:
    assert answered_by(question) == entry


def test_the_series_is_answered_whatever_site_it_was_seen_on() -> None:
    found = answered_by("on the usajobs site which gs series are medical records techs under")
    assert found is not None and found.startswith("federal:")


@pytest.mark.parametrize("question", [
    "what does the textbook cost",
    "best textbook for the rhit exam?",
    "which website has the best rhit practice tests",
])
def test_a_source_asked_about_is_still_declined(question: str) -> None:
    assert answered_by(question) is None


def test_only_the_sources_noun_and_verb_are_left_out() -> None:
    assert without_hearsay("the aapc page gave a growth number") == "the aapc a growth number"
    assert without_hearsay("a youtube video said rhit needs 20 ceus") == "a rhit needs 20 ceus"
    assert without_hearsay("what does the textbook cost") == "what does the textbook cost"


@pytest.mark.parametrize("question", [
    "what do ehr specialists make in mexico city",
    "ehr pay in mexico",
    "medical records salary in the us virgin islands",
    "how much do ehr specialists make in san juan",
    "health records jobs pay in american samoa",
    "records tech pay in montreal",
])
def test_a_place_outside_the_states_is_declined(question: str) -> None:
    assert answered_by(question) is None


@pytest.mark.parametrize(("question", "entry"), [
    ("what do ehr specialists make in new mexico", "state:NM"),
    ("ehr pay in west virginia?", "state:WV"),
])
def test_a_state_named_is_still_answered(question: str, entry: str) -> None:
    assert answered_by(question) == entry


@pytest.mark.parametrize("question", [
    "how much is the ccs-p exam",
    "ccs-p fee for ahima members?",
    "how long is the ccs-p test",
    "what is the cdip exam like",
    "how many questions on the cdip",
    "what is the cbcs",
    "what do himss members pay for the cphims",
])
def test_a_credential_without_a_card_or_a_price_is_declined(question: str) -> None:
    assert answered_by(question) is None


def test_a_credential_without_a_card_beside_one_with_a_card_is_answered() -> None:
    assert answered_by("does having the ccs-p count toward ccs eligibility") == \
        "certification:CCS:eligibility"  # (certs9: the part asked, not the whole card)
    assert answered_by("how many ceus does the cdip need") == "topic:cert_renewal"


def test_uncarded_names_need_a_title() -> None:
    assert Specifics.uncarded("how much is the ccs p") != []
    assert Specifics.uncarded("cdip renewal ceus") == []
    assert Specifics.uncarded("can the ccs p count for the ccs") == []


def test_paying_for_a_thing_is_no_pay_question() -> None:
    assert not Specifics.asks_pay("what do himss members pay for the cphims")
    assert Specifics.asks_pay("what do hospitals pay coders")


@pytest.mark.parametrize(("question", "entry"), [
    ("how many hrs is the ccs exam", "certification:CCS:exam"),
    ("how many hours long is the rhit test", "certification:RHIT:exam"),
])
def test_exam_lengths_on_a_card_are_answered(question: str, entry: str) -> None:
    assert answered_by(question) == entry


@pytest.mark.parametrize("question", [
    "how many hours long is the rhia test",
    "cahims test length in hours?",
    "how many items is the rhia exam",
])
def test_exam_facts_a_card_lacks_are_declined(question: str) -> None:
    assert answered_by(question) is None


@pytest.mark.parametrize("question", [
    "can my boss legally fire me over a hipaa slip, need legal advice",
    "i think i was wrongfully terminated from my records job, can i sue",
    "my manager at the clinic keeps harassing me, what should i do",
    "my wrists hurt from typing all day at my ehr job, what meds should i take",
    "is it legal for my employer to read my medical chart",
    "can i get sued for a hipaa breach",
    "should i report my boss for hipaa violations, will i get in trouble",
    "my supervisor wrote me up for a coding error, is that fair",
    "does my boss have to pay for my cert",
])
def test_legal_medical_and_hr_advice_is_declined(question: str) -> None:
    assert answered_by(question) is None


def test_hipaa_itself_is_still_answered() -> None:
    assert answered_by("what is hipaa") == "topic:hipaa"
