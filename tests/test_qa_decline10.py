"""Free-text answers on facts the sources lack (round 10, branch decline10): a head count of a
credential's holders (only the CCA's and the CCS's are counted), a percentile of a year the
data lacks, places below a state ranked, an EHR vendor's shares, revenue or software price,
next year's figures and credentials of the field with no card are declined; the counts,
percentiles, GS tables, fees and vendors the sources do give are answered."""

from __future__ import annotations

import pytest

from knowledge.qa.corpus import knowledge_engine
from knowledge.qa.specifics import Specifics
from tests.qa_answers import answered_by


@pytest.mark.parametrize("question", [
    "how many people hold the rhit",
    "how many rhits are there",
    "number of rhia holders?",
    "how many people are certified in medical coding",
    "national 90th percentile wage for 2024",
    "what does the upper quartile make in 2024",
    "which metros pay the most for ehr",
    "top 5 cities for medical records pay",
    "best paying county in texas",
    "cpehr exam fee",
    "chts exam cost",
    "will epic stock go up",
    "how much revenue does cerner make",
    "is meditech a good investment",
    "how much does meditech cost a small practice",
    "whats the price of an emr for a small office",
    "how much does athenahealth cost",
    "what will gs-5 pay next year",
])
def test_a_fact_the_sources_lack_is_declined(question: str) -> None:
    assert answered_by(question) is None


@pytest.mark.parametrize(("question", "entry", "text"), [
    ("how many people hold the cca", "certification:CCA", "7,972 people held the CCA"),
    ("how many ccs are out there", "certification:CCS", "36,925 people held an active CCS"),
    ("how many medical records specialists are there", "topic:employment", "194,800"),
    ("90th percentile in 2011", "figure:oes2011_pct90", "$55,170"),
    ("lincoln ne 75th percentile", "figure:lincoln_pct75_2023", "$56,620"),
    ("what do the top 10% make nationally", "figure:mrs_range_high_2023", "$77,810"),
    ("what is cpehr", "topic:advanced_credentials", "Certified Professional in Electronic"),
    ("what is epic", "topic:vendor_epic", "customisable"),
    ("how much is the CCA exam", "certification:CCA:fee", "$199"),
])
def test_what_the_sources_give_is_still_answered(question: str, entry: str, text: str) -> None:
    answer = knowledge_engine().answer(question)
    assert answer.entry is not None and answer.entry.id == entry
    assert text in answer.entry.answer


@pytest.mark.parametrize("question", ["how many questions does the rhit have",
                                      "what are the cehrs domain shares",
                                      "is the cehrs a good investment",
                                      "how much will i make next year"])
def test_near_words_ask_no_missing_fact(question: str) -> None:
    assert answered_by(question) is not None


def test_a_percentile_of_a_year_must_be_near_that_year() -> None:
    specifics = Specifics({"90th percentile": ["high end"]})
    named = specifics.named("90th percentile for 2024")
    assert specifics.answers(named, "the high end was 77 810 a year probably may 2024")
    assert not specifics.answers(named, "the median was 50 250 in may 2024 " + "x " * 20
                                 + "the high end was 77 810 probably may 2023")


def test_a_missing_exam_fee_is_declined_by_name() -> None:
    answer = knowledge_engine().answer("whats the cehrs exam fee")
    assert answer.gap is not None and "CEHRS exam fee" in answer.gap.gap


@pytest.mark.parametrize(("question", "named"), [
    ("how many people hold the rhit", "counts that credential's holders"),
    ("national 90th percentile wage for 2024", "That year's percentile"),
    ("top paying metro areas", "ranks metro areas"),
    ("will epic stock go up", "shares, revenue or software prices"),
    ("what will gs-5 pay next year", "Next year's figures"),
])
def test_a_missing_kind_is_declined_by_name(question: str, named: str) -> None:
    answer = knowledge_engine().answer(question)
    assert not answer.answered and answer.gap is not None and named in answer.gap.gap
