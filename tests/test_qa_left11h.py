"""Round 11 (branch left11h): search-engine queries and article headings - both ends of a
search's "salary range low high", a year of the present tacked on a credential's standing rules,
a heading's "top skills", "a good career" as the outlook, a credential's holders' pay, two rungs
compared, a side path's duties."""

from __future__ import annotations

import pytest

from knowledge.qa.certwords import cert_wordings
from tests.qa_answers import answered_by


@pytest.mark.parametrize(("text", "expected"), [
    ("cehrs certification requirements 2025", "cehrs certification requirements"),
    ("ccs renewal requirements (2026)", "ccs renewal requirements"),
    ("rhia eligibility 2024 ?", "rhia eligibility ?"),
])
def test_a_present_year_on_standing_rules_is_left_out(text: str, expected: str) -> None:
    assert cert_wordings(text) == expected


@pytest.mark.parametrize("text", [
    "rhit exam cost 2025",  # a fee is a year's own
    "cehrs pass rate 2025",
    "rhit exam dates 2026",
    "rhit requirements 2030",  # past the present
    "ehr specialist salary 2025",  # no credential's rules
])
def test_a_dated_ask_keeps_its_year(text: str) -> None:
    assert cert_wordings(text) == text


@pytest.mark.parametrize(("question", "entry_id"), [
    ("ehr specialist salary range low high", "topic:salary_national"),
    ("cehrs certification requirements 2025", "certification:CEHRS:eligibility"),
    ("ccs renewal requirements 2026", "certification:CCS:renewal"),
    ("Top Skills For EHR Specialists", "topic:skills"),
    ("is medical records a good career", "topic:outlook"),
    ("what is a good career move after ehr specialist", "topic:career_ladder"),
    ("is an ehr certification worth it", "topic:cehrs_worth_it"),
    ("rhit salary", "topic:cert_pay"),
    ("cca salary", "topic:cert_pay"),
    ("him manager vs director", "stage:manager"),
    ("manager vs director salary", "topic:salary_by_stage"),
    ("ehr implementation specialist job description", "side_path:implementation"),
    ("ehr analyst duties", "side_path:analyst"),
    ("him director job description", "stage:director"),
])
def test_search_queries_are_answered(question: str, entry_id: str) -> None:
    assert answered_by(question) == entry_id


@pytest.mark.parametrize("question", [
    "rhit requirements 2030",
    "is medical records a good career 2025",  # the outlook names 2024-2034, not 2025
])
def test_a_year_the_answer_lacks_is_declined(question: str) -> None:
    assert answered_by(question) is None


@pytest.mark.parametrize("question", [
    "rhit salary texas",  # a place named: that place's pay
    "rhit exam fee",  # a price, not pay
    "what would i make with an rhit",  # the asker's own: the estimate
])
def test_a_credential_with_more_named_is_no_holders_pay(question: str) -> None:
    assert answered_by(question) != "topic:cert_pay"
