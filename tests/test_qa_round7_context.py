"""Free-text answers in context, round 7 (issue 12, branch `context7`): follow-ups that change a
GS step, a vendor or a rung of the ladder, or ask a part of the previous certification; the
personal kinds for a stage worked towards, the profile state's figures and the plain estimate;
each body's renewal load."""

from __future__ import annotations

import pytest

from knowledge.profile import Certification, Profile
from knowledge.qa.corpus import knowledge_engine
from knowledge.qa.followup import followup_text, ladder_followup, slot_followup
from knowledge.qa.ladder import DOWN, UP, move, named_stage, neighbour, own_stage, stages
from knowledge.qa.mentions import Mentions
from knowledge.qa.personal import (
    PersonalKind,
    answers_unnamed,
    applies,
    names_city,
    personal_kind,
    renewal_loads,
    renewal_total,
    target_card,
)
from knowledge.qa.text import words
from tests.qa_answers import answered_after, mentions

ENGINE = knowledge_engine()


def folded(question: str) -> str:
    return " ".join(words(question))


@pytest.mark.parametrize(("previous", "question", "entry_id"), [
    ("gs-7 pay?", "what about step 10", "federal:gs7"),
    ("whats gs 11 pay", "and at step 1?", "federal:gs11"),
    ("gs 5 salary", "how about the top step", "federal:gs5"),
    ("gs 7 pay", "and step ten?", "federal:gs7"),
    ("gs-7 pay?", "and in 2024?", "federal:gs7"),  # the grade's row of that year
    ("what does a him manager make", "and a step below?", "stage:certified"),
    ("how long is a certificate program", "vs a 2 yr associates?", "topic:how_long"),
    ("what does a senior specialist make", "what's above that", "stage:manager"),
    ("what does a him manager earn", "whats below that", "stage:certified"),
    ("tell me about the entry level job", "what comes after that", "stage:specialist"),
    ("what does a him manager do", "ok whats next", "stage:director"),
    # No stage named before: the ladder itself.
    ("how much do ehr specialists make", "what's above that", "topic:career_ladder"),
    ("what do directors of him earn", "and one step down?", "stage:manager"),
    # Past the top: the top stage itself, whose card says so.
    ("what does a him director do", "what's above that", "stage:director"),
    ("tell me about the cca", "how long is the test", "certification:CCA:exam"),
    ("tell me about the cpc", "what do i need to score to pass it", "certification:CPC:exam"),
    ("what is the rhit", "how much is it", "certification:RHIT:fee"),
])
def test_a_followup_asks_the_same_of_the_next_step_rung_or_part(
        previous: str, question: str, entry_id: str) -> None:
    assert answered_after(previous, question) == entry_id


def test_a_step_the_table_lacks_is_declined_after_a_grade() -> None:
    answer = ENGINE.answer("and step 5?", previous="gs-7 pay?")
    assert not answer.answered and answer.read_as == "gs 7 pay step 5"


def test_a_vendor_followup_replaces_the_vendor() -> None:
    assert followup_text("tell me about epic", "and what about cerner's system") \
        == "tell me about cerners"


def test_no_step_reading_without_a_grade_before() -> None:
    assert slot_followup("pay in texas", "and step 10?") is None
    assert slot_followup("what is epic known for", "and step 10?") is None


@pytest.mark.parametrize(("previous", "question"), [
    ("what is the rhit", "is there a higher level"),  # a higher credential, maybe
    ("how do i become an ehr specialist", "and after that?"),  # the next of the steps
    ("what does a him manager do", "what's above a director"),  # names its own stage
    ("what does a him manager do", "what is the career ladder"),  # no move
    ("what does a him manager do", "what's above that in texas"),  # a state: its own question
])
def test_no_ladder_reading_without_a_stage_and_a_move(previous: str, question: str) -> None:
    assert ladder_followup(previous, question) is None


@pytest.mark.parametrize(("previous", "question", "entry_id"), [
    ("tell me about the cpc", "how many ceus do i need for the cca", "certification:CCA:renewal"),
    ("tell me about the cpc", "how much does a gs 7 make", "federal:gs7"),
    ("what does a him manager do", "what is the career ladder", "topic:career_ladder"),
    # About several certifications: not the previous one's part.
    ("tell me about the cpc", "how much do the exams cost", "topic:cert_costs"),
    ("tell me about the cpc", "which exam is cheapest", "topic:cert_costs"),
    ("what is the rhit", "do all certs need ceus", "topic:cert_renewal"),
])
def test_a_full_new_question_is_no_followup(previous: str, question: str, entry_id: str) -> None:
    assert answered_after(previous, question) == entry_id


def test_the_ladder_by_name_and_move() -> None:
    assert named_stage(folded("what does a senior specialist make")).id == "certified"
    assert named_stage(folded("what do directors of him earn")).id == "director"
    assert named_stage(folded("what does an ehr specialist make")) is None
    assert own_stage(folded("im a him manager, whats the next rung for me")).id == "manager"
    assert own_stage(folded("how do i become a manager")) is None
    assert move(folded("what's above that")) == UP and move(folded("one step down")) == DOWN
    top = stages()[-1]
    assert neighbour(top, UP) is None and neighbour(top, DOWN) == stages()[-2]


@pytest.mark.parametrize(("question", "kind"), [
    ("what do i need to work on to become a manager", PersonalKind.BECOME),
    ("what would it take for me to become a him director", PersonalKind.BECOME),
    ("whats the next rung for me", PersonalKind.NEXT_STEP),
    # "be" without a stage is no stage worked towards: the next kind of its words.
    ("whats my next step to be certified", PersonalKind.NEXT_STEP),
    ("what do people in my state make", PersonalKind.STATE_PAY),
    ("pay where i live?", PersonalKind.STATE_PAY),
    ("what do ehr specialists earn around here", PersonalKind.STATE_PAY),  # no "I" needed
    ("estimate for me", PersonalKind.ESTIMATE),
    ("what am i worth", PersonalKind.ESTIMATE),
    ("what should i be making", PersonalKind.ESTIMATE),
])
def test_personal_kinds_of_round_7(question: str, kind: PersonalKind) -> None:
    assert personal_kind(question, mentions(question)) is kind


@pytest.mark.parametrize("question", [
    "how do i become an ehr specialist",  # no stage: the how-to card
    "what would i make as a manager",  # its pay: the estimate and the manager's bands
    "how is my salary estimated",  # how the estimate works: its card
    "how do i find out what jobs pay near me",  # how to research pay
    "what would i make in texas",  # a state named: the what-if
])
def test_not_those_personal_kinds(question: str) -> None:
    assert personal_kind(question, mentions(question)) not in (
        PersonalKind.BECOME, PersonalKind.STATE_PAY, PersonalKind.ESTIMATE)


def test_a_stage_worked_towards_is_its_card_and_needs_no_profile() -> None:
    question = "what do i need to become a manager"
    assert target_card(folded(question)) == "stage:manager"
    assert applies(PersonalKind.BECOME, None, mentions(question))
    assert not applies(PersonalKind.STATE_PAY, Profile(years=3), Mentions())
    assert applies(PersonalKind.STATE_PAY, Profile(years=3, state="GA"), Mentions())


def test_renewal_loads_per_body_from_the_sourced_rules() -> None:
    one, = renewal_loads(Profile(certs=frozenset({Certification.CPC})))
    assert (one.body, one.units, one.years) == ("AAPC", 36, 2)
    ahima, = renewal_loads(Profile(certs=frozenset({Certification.RHIT, Certification.CCS})))
    # AHIMA: the highest base (20) plus 10 for the further credential, by its own rule.
    assert (ahima.units, ahima.base, ahima.extra) == (30, 20, 10)
    with_rhia, = renewal_loads(Profile(certs=frozenset({Certification.RHIA, Certification.RHIT})))
    assert with_rhia.units == 40
    himss = renewal_loads(Profile(certs=frozenset({Certification.CAHIMS})))
    assert himss[0].years == 3 and himss[0].unit_word == "continuing-education hours"


def test_renewal_total_over_bodies_on_one_cycle_length() -> None:
    both = renewal_total(Profile(certs=frozenset({Certification.RHIT, Certification.CPC})))
    assert both is not None and (both.units, both.years, both.bodies) == (56, 2, 2)
    # HIMSS renews every 3 years, AHIMA every 2: no total.
    assert renewal_total(Profile(certs=frozenset({Certification.RHIT,
                                                  Certification.CPHIMS}))) is None


def test_a_card_about_an_unnamed_credential_and_a_city_named() -> None:
    question = "how many ceus do i need each cycle"
    assert not answers_unnamed(frozenset({"CHDA"}), mentions(question), question)
    question = "ahima recert fee if i hold 2 credentials"
    assert answers_unnamed(frozenset({"RHIT"}), mentions(question), question)
    assert names_city("im near atlanta what do i make") and not names_city("pay in georgia")
