"""Round 13 (branch numbers13): precise numbers asked as searches - an exam's unscored items, a
head count with the count word away from "jobs", a state's head count or pay in a year the
sources lack for that state."""

from __future__ import annotations

import pytest

from knowledge.qa.corpus import knowledge_engine
from knowledge.qa.text import reframed
from tests.qa_answers import answered_by


def test_a_head_count_typed_as_a_search_asks_the_jobs_held() -> None:
    assert reframed("health services managers jobs 2023 number").endswith(" employment")
    assert not reframed("how many jobs are there").endswith(" employment")


@pytest.mark.parametrize(("question", "entry_id"), [
    ("ccs unscored questions", "certification:CCS:exam"),
    ("cca ungraded questions", "certification:CCA:exam"),
    ("medical and health services managers jobs 2023 number", "figure:mhsm_employment_2023"),
    ("medical records specialist salary ohio 2021", "state:OH"),
    ("ohio vs national median 2021", "state:OH"),
    ("new jersey medical records mean 2018", "state:NJ"),
])
def test_numbers_asked_as_searches(question: str, entry_id: str) -> None:
    assert answered_by(question) == entry_id


@pytest.mark.parametrize("question", [
    "georgia medical records employment",
    "number employed in arizona medical records",
    "montana medical records 2021 mean",
    "florida median pay 2023 medical records",
])
def test_a_states_figure_the_sources_lack_is_declined(question: str) -> None:
    assert answered_by(question) is None


def test_a_states_pay_in_a_missing_year_says_which_years_are_known() -> None:
    answer = knowledge_engine().answer("medical records salary texas 2024")
    assert not answer.answered
    assert answer.gap is not None and "May 2018" in answer.gap.answer
