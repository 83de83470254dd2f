"""Certification questions of round 9 (branch certs9): the part a question asks leads, a
renewal's price leads its own card, the total renewal load of several credentials named, which
of two credentials first, and more wordings (a grade needed, keeping a credential active, "how
much is the CCA", never having worked in healthcare, "is a certificate enough")."""

from __future__ import annotations

import pytest

from handlers.ask import pick_text, renewal_total_text
from knowledge.certify import MAIN_PATH, which_first
from knowledge.profile import Certification
from knowledge.qa.certwords import cert_wordings
from knowledge.qa.corpus import knowledge_engine
from tests.qa_answers import answered_by


@pytest.mark.parametrize(("text", "expected"), [
    ("what grade do u need on the cphims", "what passing score on the cphims"),
    ("what score do i need to pass the cphims", "what passing score the cphims"),
    ("how much to keep my rhia and rhit active", "how much to renew my rhia and rhit"),
    ("keep the cca current?", "renew the cca?"),
    ("do a lot of people fail the cehrs", "pass rate the cehrs"),
    ("how much is the cca if im an ahima member",
     "how much is the cca exam fee if im an ahima member"),
    ("cca or cpc first if i never worked in healthcare", "cca or cpc first if no experience"),
    ("ccs with zero coding experience, possible??", "ccs with no coding experience, possible??"),
])
def test_round_9_wordings_read_in_the_knowledges(text: str, expected: str) -> None:
    assert cert_wordings(text) == expected


@pytest.mark.parametrize("text", [
    "keep my skills current",  # no credential: not a renewal
    "how much is the ccs-p exam",  # another credential's price
    "how much is the cpc worth",
    "how do i keep up to date with new tech",
])
def test_other_wordings_are_left_as_written(text: str) -> None:
    assert cert_wordings(text) == text


@pytest.mark.parametrize(("question", "entry_id"), [
    ("if i hold rhit and ccs how many ceus do i need in total", "certification:CCS:renewal"),
    ("rhit + cpc, how many ceus all together every 2 yrs", "certification:RHIT:renewal"),
    ("does having the ccs-p count toward ccs eligibility", "certification:CCS:eligibility"),
    ("how much is the cca if im an ahima member", "certification:CCA:fee"),
    ("how do i keep my cehrs active", "certification:CEHRS:renewal"),
    ("is a certificate enough", "topic:education"),
])
def test_the_part_asked_leads(question: str, entry_id: str) -> None:
    assert answered_by(question) == entry_id


@pytest.mark.parametrize("question", ["what grade do u need on the cphims",
                                      "cphims retake policy", "do a lot of people fail the cehrs"])
def test_a_part_the_sources_lack_is_declined_or_another_part_known(question: str) -> None:
    answer = knowledge_engine().answer(question)
    if question.endswith("cehrs"):
        assert answer.entry is not None and answer.entry.id == "certification:CEHRS:exam"
    else:
        assert not answer.answered


def test_a_renewal_price_leads_its_card_and_an_exam_fee_its_own() -> None:
    renewal = knowledge_engine().answer("how much does it cost to renew the cca").entry
    assert renewal is not None and renewal.answer.startswith("Recertification fee: $218")
    exam = knowledge_engine().answer("cca exam fee").entry
    assert exam is not None and exam.answer.startswith("Fee: $199")


def test_a_price_is_no_pay() -> None:
    assert not knowledge_engine().answer("how much is the cca if im an ahima member").personal_pay
    assert knowledge_engine().answer("how much would i make with the cca").personal_pay


@pytest.mark.parametrize(("question", "total"), [
    ("if i hold rhit and ccs how many ceus do i need in total",
     "<b>30 continuing-education units every 2 years</b> for CCS and RHIT"),
    ("rhit + cpc, how many ceus all together every 2 yrs",
     "<b>About 56 continuing-education units every 2 years in all</b> for CPC and RHIT"),
])
def test_several_credentials_renewal_leads_with_their_total(question: str, total: str) -> None:
    assert renewal_total_text(knowledge_engine().answer(question)).startswith(total)


def test_no_total_over_two_cycle_lengths_or_for_one_credential() -> None:
    assert renewal_total_text(knowledge_engine().answer("ce hours for cphims and rhit combined?")) \
        == ""
    assert renewal_total_text(knowledge_engine().answer("how many ceus for the rhit")) == ""


def test_which_first_follows_the_recommended_paths() -> None:
    order = which_first(Certification.CPC, Certification.CCA)
    assert order is not None and (order.first, order.then) == (Certification.CCA,
                                                               Certification.CPC)
    both = which_first(Certification.RHIT, Certification.CEHRS)
    assert both is not None and both.first is Certification.CEHRS and MAIN_PATH in both.paths
    # The analyst's path takes CHDA first, the director's CPHIMS: no order.
    assert which_first(Certification.CHDA, Certification.CPHIMS) is None
    assert which_first(Certification.CPC, Certification.CEHRS) is None  # no path holds both


@pytest.mark.parametrize(("question", "lead"), [
    ("cca or cpc first if i never worked in healthcare", "<b>CCA first, then CPC</b>"),
    ("rhit vs cehrs for a brand new grad", "<b>CEHRS first, then RHIT</b>"),
])
def test_a_pick_of_two_leads_with_the_order(question: str, lead: str) -> None:
    assert pick_text(knowledge_engine().answer(question)).startswith(lead)


def test_no_pick_for_a_part_or_without_asking_one() -> None:
    assert pick_text(knowledge_engine().answer("cca or cpc fee")) == ""
    assert pick_text(knowledge_engine().answer("tell me about the cca and the cpc")) == ""
