"""Forum posts, headings and federal agencies (round 12, branch forum12): a post whose ask names
a thing no entry answers is declined (not answered by its story), a post asking which credential
to get is not read as about the one its story named, workers retiring are openings, a heading's
"time needed" and "explained", an agency "as an employer", the agencies ranked, a GS grade's
other step "for that same grade", and booking an exam."""

from __future__ import annotations

import pytest

from knowledge.qa.certwords import cert_wordings
from knowledge.qa.corpus import knowledge_engine
from knowledge.qa.framing import unframed
from knowledge.qa.personal import PersonalKind, personal_kind
from tests.qa_answers import answered_after, answered_by, mentions


def test_a_post_asking_only_what_no_entry_names_is_declined() -> None:
    answer = knowledge_engine().answer(
        "long post, sorry. i've done scanning at a clinic for two years. what does cerner pay "
        "its trainers in kansas city? wondering if moving is worth it")
    assert not answer.answered
    assert answer.lacking


def test_which_credential_to_get_is_not_the_one_the_story_named() -> None:
    assert answered_by("my teacher brought up the RHIA but i only have a high school diploma. "
                       "what cert should i start with?") != "certification:RHIA"


@pytest.mark.parametrize("question", [
    "are lots of records clerks about to retire, will that free up jobs",
    "baby boomers retiring in HIM, more openings?",
])
def test_workers_retiring_are_openings(question: str) -> None:
    assert answered_by(question) == "topic:outlook"


def test_retirement_benefits_stay_benefits() -> None:
    assert answered_by("can i retire early with a federal job") == "topic:government_benefits"


@pytest.mark.parametrize("question", ["Time Needed To Finish An EHR Training Program",
                                      "Medical Records Training Length Explained"])
def test_headings_asking_how_long(question: str) -> None:
    assert answered_by(question) == "topic:how_long"


@pytest.mark.parametrize(("text", "expected"), [
    ("RHIT Exam: A Complete Guide", "RHIT Exam"),
    ("cehrs explained", "cehrs"),
    ("sorry in advance, long post. what do coders make", "what do coders make"),
])
def test_heading_tails_and_long_post_openers_are_framing(text: str, expected: str) -> None:
    assert unframed(text) == expected


@pytest.mark.parametrize(("question", "agency"), [
    ("HHS as an employer - what's the salary range?", "federal:agency_hhs"),
    ("looking at applying with the social security administration, what do they pay",
     "federal:agency_ssa"),
])
def test_an_agency_as_an_employer_is_its_range(question: str, agency: str) -> None:
    assert answered_by(question) == agency


def test_the_agencies_ranked_is_the_best_paying_one() -> None:
    assert answered_by("out of the agencies, which has the top salary") == "federal:top_agency"
    assert answered_by("do agencies pay more than hospitals") != "federal:top_agency"


@pytest.mark.parametrize("question", ["and the highest step for the same grade please",
                                      "same grade but 2024"])
def test_another_step_or_year_for_that_same_grade(question: str) -> None:
    assert answered_after("gs 6 step 1 2025", question) == "federal:gs6"


def test_booking_an_exam_is_scheduling_it() -> None:
    assert cert_wordings("i booked my rhit for may") == "i schedule my rhit for may"
    assert cert_wordings("can i bring a book to the cpc") == "can i bring a book to the cpc"


def test_two_credentials_others_suggest_are_a_choice_not_held() -> None:
    question = "my boss says RHIT, a friend says CCA. which cert fits me?"
    assert personal_kind(question, mentions(question)) is not PersonalKind.NEXT_CERT
    held = "i already have the rhit and cca, which cert fits me"
    assert personal_kind(held, mentions(held)) is PersonalKind.NEXT_CERT
