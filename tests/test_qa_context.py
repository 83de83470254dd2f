"""Free-text answers in context (issue 12, branch `context`): follow-ups that change one slot of
the previous question (unit, price kind, year, education level, measure, the best of a list) and
the kinds of personal question that need more than the plain estimate."""

from __future__ import annotations

import pytest

from knowledge.profile import Certification, Profile
from knowledge.qa.corpus import knowledge_engine
from knowledge.qa.followup import followup_text, keeps_intent, slot_followup
from knowledge.qa.personal import (
    PersonalKind,
    applies,
    companion_cards,
    general_cards,
    personal_kind,
    renewal_rules,
)
from tests.qa_answers import answered_after, mentions

ENGINE = knowledge_engine()


@pytest.mark.parametrize(("previous", "question", "entry_id"), [
    ("how much do ehr specialists make", "ok and per hour?", "figure:mrs_median_hourly_2024"),
    ("whats the median pay for medical records specialists", "broken down hourly?",
     "figure:mrs_median_hourly_2024"),
    ("how much is the rhit exam", "member price?", "certification:RHIT:fee"),
    ("how much does the cca cost", "and for non-members?", "certification:CCA:fee"),
    ("ccs exam fee", "whats it cost if im not a member", "certification:CCS:fee"),
    # 2018's figures are old-code ones: the card of every year's figures, 2018's among them.
    ("how much do ehr specialists make", "and 2018?", "figure:pay_over_time"),
    ("whats the median salary for medical records", "what about back in 2021",
     "figure:mrs_median_2021"),
    ("how long does it take to get a certificate", "versus an associate's?", "topic:how_long"),
    ("what education do i need", "vs a bachelors?", "topic:education"),
    ("what do health information technologists make", "how fast is that job growing",
     "figure:hit_growth_2022_2032"),
    ("how much do medical and health services managers make",
     "and whats the growth outlook for them", "figure:mhsm_growth_2023_2033"),
    ("what does a federal ehr job pay", "which agency pays best", "federal:top_agency"),
    # "One" after a question naming the government: one of its agencies.
    ("what does the government pay ehr specialists", "which one pays the most",
     "federal:top_agency"),
])
def test_a_slot_followup_changes_that_slot_of_the_previous_question(
        previous: str, question: str, entry_id: str) -> None:
    assert answered_after(previous, question) == entry_id


def test_a_slot_replaces_the_previous_questions_words_of_its_kind() -> None:
    assert slot_followup("pay in 2021", "and 2018?") == "pay in national median pay 2018"
    assert slot_followup("records techs earn a year", "hourly?") == "records techs earn a per hour"
    # A comparison keeps both sides.
    assert "certificate" in (slot_followup("how long for a certificate", "versus an associate's")
                             or "")


def test_a_unit_the_sources_give_no_figure_in_reads_as_the_previous_question() -> None:
    # No monthly figure is sourced: the previous answer's sourced figures, nothing computed.
    assert slot_followup("how much do ehr specialists make", "what's that monthly") \
        == "how much do ehr specialists make"


def test_a_question_of_its_own_with_a_slot_word_is_no_slot_followup() -> None:
    assert slot_followup("how much do ehr specialists make", "how many members does ahima "
                         "have") is None
    assert slot_followup("pay in texas", "and per hour in florida?") is None  # a state: as before
    assert followup_text("pay in texas", "and per hour in florida?") is not None
    # "Which state pays most" asks across states, not within the previous one.
    assert slot_followup("pay in texas", "which state pays the most") is None


def test_another_measure_does_not_keep_the_previous_intent() -> None:
    assert not keeps_intent("how fast is that job growing")
    assert keeps_intent("per hour?") and keeps_intent("and in florida?")


@pytest.mark.parametrize(("question", "kind"), [
    ("whats my next step career wise", PersonalKind.NEXT_STEP),
    ("what should i aim for next in my career", PersonalKind.NEXT_STEP),
    ("where do i go from here in my career", PersonalKind.NEXT_STEP),
    ("what comes next for me", PersonalKind.NEXT_STEP),
    ("how many CEUs do I owe each cycle with both my credentials", PersonalKind.RENEWAL),
    ("what would a federal job pay someone like me", PersonalKind.FEDERAL),
    ("realistically what would my first paycheck look like", PersonalKind.FIRST_PAY),
    ("what would i start at", PersonalKind.FIRST_PAY),
    ("would moving to california help my pay much", PersonalKind.MOVE),
    ("is it worth relocating to new jersey for the money", PersonalKind.MOVE),
    ("does that make me a CPC-A", PersonalKind.APPRENTICE),
])
def test_the_kinds_of_personal_question(question: str, kind: PersonalKind) -> None:
    assert personal_kind(question, mentions(question)) is kind


@pytest.mark.parametrize("question", [
    "how do i renew my rhit",  # a certification named: its own card
    "what is the next step to get my rhit",
    "how many ceus for the cpc",  # not about oneself
    "would moving help my pay",  # no state to move to
    "do federal jobs have good benefits",
])
def test_questions_that_are_no_personal_kind(question: str) -> None:
    assert personal_kind(question, mentions(question)) is None


def test_the_renewal_rules_are_the_profiles_credentials_own() -> None:
    rules = dict(renewal_rules(Profile(certs=frozenset({Certification.RHIT,
                                                        Certification.CPC}))))
    assert "20 continuing-education units" in rules[Certification.RHIT].text
    assert "36 continuing-education units" in rules[Certification.CPC].text
    none = mentions("how many ceus do i owe")
    assert not applies(PersonalKind.RENEWAL, Profile(years=2), none)
    assert not applies(PersonalKind.NEXT_STEP, None, none)
    # The apprentice rule is the CPC's for anyone; a first paycheck needs a profile to estimate.
    assert applies(PersonalKind.APPRENTICE, None, none)
    assert not applies(PersonalKind.FIRST_PAY, None, none)
    assert applies(PersonalKind.FIRST_PAY, Profile(years=0), none)


def test_the_cards_behind_a_personal_answer() -> None:
    question = "would moving to ohio help my pay"
    assert companion_cards(PersonalKind.MOVE, mentions(question)) == ("state:OH",)
    assert companion_cards(PersonalKind.FEDERAL, mentions("x")) == ("federal:overview",)
    assert companion_cards(PersonalKind.FEDERAL, mentions("x"), "federal:agency_va") \
        == ("federal:agency_va",)
    assert companion_cards(PersonalKind.FIRST_PAY, mentions("x")) == ("stage:entry",)


def test_another_measure_needs_an_occupation_in_the_previous_question() -> None:
    assert slot_followup("pay in texas", "is the field growing") is None
    assert slot_followup("how much do ehr specialists make", "whats the job outlook") \
        == "ehr specialists job growth"


def test_the_general_cards_when_the_kind_cannot_be_answered_for_the_asker() -> None:
    assert general_cards(PersonalKind.NEXT_STEP, mentions("x")) == ("topic:career_ladder",)
    assert general_cards(PersonalKind.RENEWAL, mentions("x")) == ("topic:cert_renewal",)
    assert general_cards(PersonalKind.APPRENTICE, mentions("x")) \
        == ("certification:CPC:eligibility",)
