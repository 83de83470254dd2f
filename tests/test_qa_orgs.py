"""Free-text answers (issue 12, round 7): an organisation or credential asked by its name alone
or in a casual "what is that" shape, what a body does besides certifying, AHIMA's principles
and EHR vendors one at a time, job aliases, and counts or facts about bodies no source gives."""

from __future__ import annotations

import pytest

from knowledge.qa.corpus import knowledge_engine
from knowledge.qa.specifics import Specifics

ENGINE = knowledge_engine()


@pytest.mark.parametrize(("question", "entry"), [
    ("nha whats that org", "topic:org_nha"),
    ("ahima - what kind of group is it?", "topic:org_ahima"),
    ("opm, what kind of outfit is that", "topic:org_opm"),
    ("who even is himss lol", "topic:org_himss"),
    ("cahiim??", "topic:org_cahiim"),
    ("what does ahima do besides certifications", "topic:org_ahima"),
    ("apart from the exams what else is ahima involved in", "topic:org_ahima"),
    ("cehrs?", "certification:CEHRS"),
])
def test_a_name_asked_alone_gets_the_entry_it_heads(question: str, entry: str) -> None:
    answer = ENGINE.answer(question)
    assert answer.answered and answer.entry.id == entry


def test_a_name_with_something_else_asked_is_read_as_usual() -> None:
    assert ENGINE._name_alone(ENGINE.vocabulary.expand("ahima membership cost"),
                              "ahima membership cost") is None
    assert ENGINE.answer("rhit exam fee").entry.id != "certification:RHIT"
    assert ENGINE._name_alone(ENGINE.vocabulary.expand("how many members does ahima have"),
                              "how many members does ahima have") is None


@pytest.mark.parametrize(("question", "entry"), [
    ("what does patient record accessibility mean in plain english", "topic:ahima_access"),
    ("what does standardizing formats mean", "topic:ahima_formats"),
    ("how do we keep records safe from hackers and tampering", "topic:ahima_security"),
    ("tell me about cerner", "topic:vendor_cerner"),
    ("whats in nextgen", "topic:vendor_nextgen"),
    ("what is epic known for", "topic:vendor_epic"),
    ("is health information technician just another name for this job",
     "topic:what_is_ehr_specialist"),
    ("what does an him manager actually do", "stage:manager"),
])
def test_one_principle_vendor_or_role_leads_with_its_own_card(question: str, entry: str) -> None:
    assert ENGINE.answer(question).entry.id == entry


def test_the_principle_cards_lead_with_the_principle_asked() -> None:
    assert ENGINE.by_id["topic:ahima_access"].answer.startswith("Patient record accessibility")
    assert ENGINE.by_id["topic:ahima_security"].answer.startswith("The privacy and security")


@pytest.mark.parametrize("question", [
    "how many members does ahima have",
    "how many people work at the bls",
    "how many hospitals use cerner",
    "when was nha founded",
    "who's the ceo of himss",
])
def test_counts_and_facts_about_a_body_no_source_gives_are_declined(question: str) -> None:
    assert not ENGINE.answer(question).answered


def test_counts_no_source_gives_match_no_answer_while_job_counts_need_a_count() -> None:
    specifics = Specifics({})
    nowhere = "(?!)"
    assert specifics.named("how many members does ahima have")[0][0].pattern == nowhere
    assert specifics.named("how many people work for the va")[0][0].pattern == nowhere
    assert specifics.named("how many openings are there")[0][0].pattern != nowhere


def test_a_follow_up_naming_another_body_asks_about_that_body() -> None:
    assert ENGINE.answer("and nha?", previous="what does ahima do").entry.id == "topic:org_nha"
    assert ENGINE.answer("and what about cerner's?", previous="what is epic known for") \
        .entry.id == "topic:vendor_cerner"
    assert ENGINE.answer("and rhit?", previous="cehrs exam fee").entry.id \
        == "certification:RHIT:fee"


@pytest.mark.parametrize(("question", "entry"), [
    ("besides the rhit and rhia what does ahima do", "topic:org_ahima"),
    ("is a health information technician the same as an ehr specialist",
     "topic:what_is_ehr_specialist"),
])
def test_longer_exceptions_and_same_as_are_read_for_what_is_asked(question: str,
                                                                  entry: str) -> None:
    assert ENGINE.answer(question).entry.id == entry


def test_which_group_hands_out_a_credential_gets_its_card_naming_the_body() -> None:
    answer = ENGINE.answer("which group hands out the rhit")
    assert answer.entry.id == "certification:RHIT" and "AHIMA" in answer.entry.answer


@pytest.mark.parametrize(("question", "entry"), [
    ("what does an ehr trainer do all day", "side_path:trainer"),
    ("what does a director of health information management handle", "stage:director"),
    ("what does a him manager oversee", "stage:manager"),
])
def test_what_a_named_role_does_all_day_or_handles_is_that_roles_card(question: str,
                                                                      entry: str) -> None:
    assert ENGINE.answer(question).entry.id == entry


def test_a_membership_price_needs_that_bodys_membership_with_a_figure() -> None:
    assert not ENGINE.answer("how much is the ahima membership fee").answered
    assert not ENGINE.answer("what does himss membership cost").answered
    assert ENGINE.answer("how much is aapc membership").entry.id == "topic:org_aapc"
    assert not Specifics({}).named("is aapc membership needed")


def test_a_name_asked_with_what_kind_of_body_it_is_needs_no_other_specific() -> None:
    assert ENGINE.answer("is ahima like a union or a school or what").entry.id \
        == "topic:org_ahima"
    assert not ENGINE.answer("how many ppl use epic").answered
