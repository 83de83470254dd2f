"""Certification questions of round 8 (branch certs8): pass rates, retakes, pass marks and
testing before graduating asked in other words (knowledge/qa/certwords.py), who runs an exam,
two certifications compared by a beginner."""

from __future__ import annotations

import pytest

from knowledge.qa.certwords import cert_wordings
from tests.qa_answers import answered_by, knowledge_engine


@pytest.mark.parametrize(("text", "expected"), [
    ("what share of cehrs candidates pass", "cehrs pass rate"),
    ("what percent of first-timers passed the ccs in 2025", "pass rate the ccs in 2025"),
    ("how many people fail the cehrs", "pass rate the cehrs"),
    ("cehrs success rate?", "cehrs pass rate?"),
    ("failed my cca by a few points, when can i sit again", "failed my cca  , when can i retake"),
    ("bombed the rhit, can i take it again soon", "bombed the rhit, can i retake it soon"),
    ("do i have to wait to sit the ccs again", "do i have to wait to retake the ccs"),
    ("what are the odds i pass the cehrs", "what are the i pass rate the cehrs"),
    ("failed the cca twice, when can i try a third time", "failed the cca, when can i retake"),
    ("when am i allowed to sit the chda again", "when am i retake the chda"),
    ("can i redo the cehrs right away", "can i retake the cehrs right away"),
    ("rhit scaled score needed?", "rhit passing score?"),
    ("how many do i have to get right on the cpc", "how many do i passing score on the cpc"),
    ("can i write the rhit exam before my graduation", "can i write the rhit exam final term"),
    ("ccs cutoff score?", "ccs passing score?"),
    ("passing threshold for the ccs", "passing score for the ccs"),
    ("minimum score to pass the cehrs", "passing score the cehrs"),
    ("what do u need to get on the rhit to pass", "what do u passing score on the rhit"),
    ("still in my last semester, can i test early", "still in my final term, can i test early"),
])
def test_certification_questions_in_other_words_read_in_the_knowledges(text: str,
                                                                       expected: str) -> None:
    assert cert_wordings(text) == expected


@pytest.mark.parametrize("text", [
    "how many questions are on the cca",  # a count of questions, not of people passing
    "what percent of the cehrs exam is revenue cycle",  # a share of the exam
    "took a pay cut to switch careers",
    "what did they make last year",
    "how do i pass the rhit",
    "can i get a job before i graduate",
])
def test_other_questions_are_left_as_written(text: str) -> None:
    assert cert_wordings(text) == text


@pytest.mark.parametrize(("question", "entry_id"), [
    ("what share of cehrs candidates pass", "certification:CEHRS:exam"),
    ("how many people fail the cehrs", "certification:CEHRS:exam"),
    ("what percent of first-timers passed the ccs in 2025", "certification:CCS:exam"),
    ("failed my cca by a few points, when can i sit again", "certification:CCA:retake"),
    ("minimum score to pass the cehrs", "certification:CEHRS:exam"),
    ("what do u need to get on the rhit to pass", "certification:RHIT:exam"),
    ("failed the cca twice, when can i try a third time", "certification:CCA:retake"),
    ("when am i allowed to sit the chda again", "certification:CHDA:retake"),
])
def test_pass_rates_retakes_and_pass_marks_in_other_words_get_their_part(question: str,
                                                                         entry_id: str) -> None:
    assert answered_by(question) == entry_id


@pytest.mark.parametrize(("question", "gap"), [
    ("what share of rhit candidates pass", "certification:RHIT:pass_rate"),
    ("failed the cpc, when can i sit again", "certification:CPC:retake"),
    ("can i redo the cehrs right away", "certification:CEHRS:retake"),
])
def test_a_missing_pass_rate_or_retake_in_other_words_names_the_missing_fact(question: str,
                                                                             gap: str) -> None:
    answer = knowledge_engine().answer(question)
    assert not answer.answered and answer.gap is not None and answer.gap.id == gap


def test_a_pass_mark_the_sources_lack_is_declined() -> None:
    assert answered_by("minimum score to pass the cphims") is None
