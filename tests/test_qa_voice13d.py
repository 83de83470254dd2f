"""Round 13 (branch voice13d): comparisons of two things get both sides' cards (two jobs, a
work setting and government), places in two states still get each state, a head count asked
against a number is a head count, and yes/no questions a credential's rule settles lead with a
plain "Yes" or "No"."""

from __future__ import annotations

import pytest

from knowledge.qa.corpus import knowledge_engine
from knowledge.qa.yesno import settled_lead


def _cards(question: str) -> list[str]:
    answer = knowledge_engine().answer(question)
    assert answer.entry is not None
    return [answer.entry.id, *(entry.id for entry in answer.also)]


def test_two_jobs_pay_gets_both_jobs_figures() -> None:
    cards = _cards("health information technologist vs medical records specialist pay")
    assert cards[:2] == ["topic:salary_related", "topic:salary_national"]


def test_two_jobs_growth_gets_both_outlooks() -> None:
    cards = _cards("technologists vs medical records specialists, which is growing faster")
    assert "topic:outlook" in cards and "topic:salary_related" in cards


def test_a_job_card_whose_figure_is_given_is_not_repeated() -> None:
    assert "topic:salary_national" not in _cards("do coders make more than ehr specialists")


def test_two_jobs_work_gets_each_jobs_card() -> None:
    cards = _cards("medical coder vs health information technician, whats the difference")
    assert {"side_path:coder", "side_path:hit"} <= set(cards)


def test_a_setting_against_government_gets_both_sides() -> None:
    cards = _cards("is hospital work or government work better paid for records people")
    assert {"figure:spread_settings", "federal:top_agency"} <= set(cards)


def test_places_in_two_states_get_each_state() -> None:
    cards = _cards("chicago or houston pay")
    assert {"state:IL", "state:TX"} <= set(cards)


def test_a_head_count_against_a_number() -> None:
    assert _cards("are there more than 100k medical records jobs in the us")[0] == \
        "topic:employment"


@pytest.mark.parametrize(("question", "lead"), [
    ("does my rhia ever expire", "Yes: the RHIA has to be renewed every 2 years."),
    ("does the cehrs need renewing every year?", "No: the CEHRS is renewed every 2 years."),
    ("is the rhit good for life", "No: the RHIT has to be renewed, every 2 years."),
    ("is the cca exam 4 hours long?", "No: the CCA exam lasts 2 hours."),
    ("do i have to be an ahima member to sit the rhit",
     "No: non-members can take the RHIT too, at the non-member price."),
    ("do u need to be an aapc member to get the cpc", "Yes: the CPC needs AAPC membership."),
])
def test_yes_no_settled_by_the_rule(question: str, lead: str) -> None:
    answer = knowledge_engine().answer(question)
    assert answer.entry is not None
    assert answer.entry.answer.startswith(lead)


@pytest.mark.parametrize("question", [
    "does the cpc need renewing every year",  # yearly dues beside the 2-year cycle
    "is the cehrs exam about 2 hours",  # 125 minutes is about 2 hours
    "how do i renew the cca",  # no yes/no asked
])
def test_not_settled_gets_no_yes_or_no(question: str) -> None:
    answer = knowledge_engine().answer(question)
    assert answer.entry is not None
    assert not answer.entry.answer.startswith(("Yes:", "No:"))


def test_settled_lead_only_for_credential_cards() -> None:
    assert settled_lead("topic:remote_work", "Some roles can be done from home.",
                        "is it remote") is None
