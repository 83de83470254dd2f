"""Certification questions of round 7 (branch certs7): long names read as codes, membership
dues, pass rates and attempts asked in other words, exam details, eligibility by degree, the
first certification for a beginner, comparisons of two certifications."""

from __future__ import annotations

import pytest

from knowledge.cards import cards
from knowledge.profile import Education
from knowledge.qa.corpus import knowledge_engine
from knowledge.qa.engine import Entry, Outcome, degree_first
from knowledge.qa.mentions import with_codes
from knowledge.qa.specifics import Specifics
from knowledge.qa.text import reframed

ENGINE = knowledge_engine()


@pytest.mark.parametrize(("text", "expected"), [
    ("how much is the coding associate exam", "how much is the CCA exam"),
    ("Certified Professional Coder test", "CPC test"),
    ("professional coder cert", "CPC cert"),
    ("registered health info tech requirements", "RHIT requirements"),
    ("health data analyst renewal", "CHDA renewal"),
    ("certified coding specialist pass rate", "CCS pass rate"),
    ("certified electronic health records specialist", "CEHRS"),
    ("how much is the coding specialist exam", "how much is the CCS exam"),
    ("coding associate or coding specialist", "CCA or CCS"),
])
def test_a_long_or_partial_long_name_reads_as_its_code(text: str, expected: str) -> None:
    assert with_codes(text) == expected


@pytest.mark.parametrize("text", [
    "billing and coding specialist exam fee",  # the CBCS, not the CCS
    "what do electronic health records specialists make",  # the occupation
    "what does a health information technician do",  # a career stage
    "health information administrator salary",  # a job's title, no credential asked about
    "what does a coding specialist do",
])
def test_other_names_are_left_as_written(text: str) -> None:
    assert with_codes(text) == text


def test_a_job_like_partial_name_in_a_follow_up_reads_as_its_code() -> None:
    assert with_codes("and for the professional coder?", "how many questions on the CCS exam") \
        == "and for the CPC?"
    answer = ENGINE.answer("and for the professional coder?",
                           previous="how many questions on the ccs exam")
    assert answer.entry is not None and answer.entry.id == "certification:CPC:exam"


def test_a_long_name_gets_its_own_certifications_card() -> None:
    answer = ENGINE.answer("how much is the coding associate exam??")
    assert answer.entry is not None and answer.entry.id == "certification:CCA:fee"
    assert [cert.value for cert in answer.mentions.certs] == ["CCA"]


@pytest.mark.parametrize("question", [
    "cbcs exam cost?", "billing and coding specialist exam fee",
    "certified documentation integrity practitioner requirements",
])
def test_a_credential_the_knowledge_lacks_is_declined(question: str) -> None:
    answer = ENGINE.answer(question)
    assert answer.outcome is Outcome.UNKNOWN and answer.gap is None


def test_membership_dues_need_the_named_bodys_amount() -> None:
    specifics = Specifics({})
    aapc = specifics.named("how much is aapc membership a year")
    assert specifics.answers(aapc, "aapcs older page listed yearly individual membership "
                                   "renewal at 125")
    ahima = specifics.named("how much is ahima membership")
    assert not specifics.answers(ahima, "aapc membership renewed every year 125")
    assert specifics.named("cca cost if i join ahima first") == []
    assert specifics.named("is the ccs cheaper with an ahima membership") == []


@pytest.mark.parametrize(("question", "declined"), [
    ("yearly aapc dues", False), ("how much is ahima membership", True),
    ("how much does it cost to join ahima", True),
])
def test_dues_are_answered_only_where_the_sources_give_them(question: str,
                                                          declined: bool) -> None:
    answer = ENGINE.answer(question)
    assert (answer.outcome is Outcome.UNKNOWN) is declined
    if not declined:
        assert answer.entry is not None and "$125" in answer.entry.answer


@pytest.mark.parametrize(("question", "declined"), [
    ("do most ppl pass the cca on the first go", False),
    ("any numbers on how many pass the rhit", True),
    ("what are the pass numbers for cpc", True),  # 70% to pass is a pass mark, not a rate
    ("how many times can i retake the rhit", True),
    ("when is the cca exam offered", True),
])
def test_pass_rates_attempts_and_dates_need_an_answer_giving_them(question: str,
                                                                 declined: bool) -> None:
    assert (ENGINE.answer(question).outcome is Outcome.UNKNOWN) is declined


@pytest.mark.parametrize(("text", "reading"), [
    ("what score do i need to pass the cehrs", "passing score"),
    ("how much of the cehrs exam is revenue cycle", "domains of the cehrs exam"),
    ("what code books are allowed in the cpc exam", "books are open"),
    ("with a masters how much experience do i need", "masters experience"),
])
def test_exam_and_experience_wordings_are_read_for_what_they_ask(text: str,
                                                                reading: str) -> None:
    assert reading in reframed(text)


@pytest.mark.parametrize(("question", "entry_id", "fact"), [
    ("what score do i need to pass the cehrs", "certification:CEHRS:exam", "390"),
    ("how much of the cehrs exam is revenue cycle", "certification:CEHRS:exam",
     "revenue cycle 15%"),
    ("what code books are allowed in the cpc exam", "certification:CPC:exam", "HCPCS"),
    ("how long before i can retake the chda", "certification:CHDA:retake", "90 days"),
    ("how many ceus every two years for rhit", "certification:RHIT:renewal", "20"),
    ("what share of my ahima ceus must be in HIIM domains", "topic:cert_renewal", "80%"),
])
def test_an_exam_or_renewal_detail_gets_the_part_giving_it(question: str, entry_id: str,
                                                           fact: str) -> None:
    answer = ENGINE.answer(question)
    assert answer.entry is not None and answer.entry.id == entry_id
    assert fact in answer.entry.answer


def test_an_eligibility_card_leads_with_the_degree_named() -> None:
    entry = Entry("certification:X:eligibility", "X - eligibility",
                  "Eligibility: A bachelor's degree plus 5 years, or a graduate degree plus 3 "
                  "years, or 10 years of experience. More.")
    led = degree_first(entry, Education.MASTER)
    assert led.answer.startswith("With a master's degree: a graduate degree plus 3 years.")
    assert degree_first(entry, Education.BACHELOR) == entry  # already first
    assert degree_first(entry, None) == entry
    answer = ENGINE.answer("with a masters how much experience do i need for cphims")
    assert answer.entry is not None and answer.entry.id == "certification:CPHIMS:eligibility"
    assert answer.entry.answer.startswith("With a master's degree: a graduate degree")


def test_the_first_certification_card_lists_the_entry_path() -> None:
    card = next(card for card in cards() if card.id == "advice:first_certification")
    assert all(code in card.text for code in ("CEHRS", "CCA", "RHIT"))
    answer = ENGINE.answer("which certification should i get first as a beginner")
    assert answer.entry is not None and answer.entry.id == "advice:first_certification"


@pytest.mark.parametrize("question", ["rhit or rhia whats the diff", "diff between cca and ccs",
                                      "difference between rhit and rhia"])
def test_two_certifications_compared_get_both_cards(question: str) -> None:
    answer = ENGINE.answer(question)
    shown = {entry.id for entry in (answer.entry, *answer.also) if entry is not None}
    codes = {cert.value for cert in answer.mentions.certs}
    assert answer.answered and {f"certification:{code}" for code in codes} <= shown


@pytest.mark.parametrize(("question", "personal"), [
    ("if i get my masters how much experience does cphims need", False),
    ("if i get cphims how much would i make", True),
])
def test_how_much_experience_asks_no_pay(question: str, personal: bool) -> None:
    answer = ENGINE.answer(question)
    assert answer.mentions.asks_amount is personal
    assert answer.personal_pay is personal


def test_the_pass_rates_card_lists_known_rates_and_the_missing_ones() -> None:
    card = next(card for card in cards() if card.id == "overview:pass_rates")
    assert "CEHRS 68.81%" in card.text and "CCS 84%" in card.text and "CCA 70%" in card.text
    assert "RHIT" in card.text.split("None was found for")[1]
    answer = ENGINE.answer("what are the pass rates for these exams")
    assert answer.entry is not None and answer.entry.id == "overview:pass_rates"


@pytest.mark.parametrize(("question", "gap"), [
    ("what percentage of people pass the cpc on their first try", "certification:CPC:pass_rate"),
    ("rhit pass rate first try?", "certification:RHIT:pass_rate"),
])
def test_a_missing_pass_rate_asked_first_try_names_the_missing_fact(question: str,
                                                                    gap: str) -> None:
    answer = ENGINE.answer(question)
    assert answer.outcome is Outcome.UNKNOWN and answer.gap is not None and answer.gap.id == gap
