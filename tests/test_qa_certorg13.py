"""Round 13 (branch certorg13): certification and organisation details - a body's credential
named with the EHR ("the nha ehr test"), "w/" and "X wise" of chat, a credential's letters, a
body asked what it is beyond what it is taken for, where the bot's figures come from, a fee asked
without renewing, an exam's length wanted for childcare."""

from __future__ import annotations

import pytest

from knowledge.qa.mentions import with_codes
from knowledge.qa.specifics import without_purpose
from knowledge.qa.text import with_chat_for
from tests.qa_answers import answered_by


def test_a_body_with_one_credential_names_it_before_its_ehr_test() -> None:
    assert with_codes("how long is the nha ehr test") == "how long is the CEHRS ehr test"


def test_w_slash_is_with() -> None:
    assert with_chat_for("domains w/ percentages") == "domains with percentages"
    assert with_chat_for("rhit w/o a degree") == "rhit without a degree"


def test_an_exams_length_wanted_for_childcare_asks_no_perk() -> None:
    assert without_purpose("how long is the ccs exam, need to plan childcare") == \
        "how long is the ccs exam"
    assert without_purpose("do hospitals offer childcare") == "do hospitals offer childcare"


@pytest.mark.parametrize(("question", "entry_id"), [
    ("how long do i get to finish the nha ehr test", "certification:CEHRS:exam"),
    ("format wise whats the cca like", "certification:CCA:exam"),
    ("cehrs content domains w/ percentages", "certification:CEHRS:exam"),
    ("CHDA - what do the letters mean", "certification:CHDA"),
    ("RHIT letters meaning?", "certification:RHIT"),
    ("what does the cehrs cover", "certification:CEHRS"),
    ("what does the coc cover", "topic:org_aapc"),
    ("is ahima just a testing company or do they do other stuff", "topic:org_ahima"),
    ("apart from credentials, what is ahima's role", "topic:org_ahima"),
    ("who is opm that you keep citing", "topic:org_opm"),
    ("where do you get your info", "topic:sources"),
    ("where do these salary numbers come from", "topic:sources"),
    ("what is the standardized formats principle for", "topic:ahima_formats"),
    ("ahima rulez for electornic helth recrods", "topic:ahima_guidelines"),
    ("what if i got the ccs as an ahima member, whats the fee", "certification:CCS:fee"),
    ("how much to renew the rhit", "certification:RHIT:renewal_fee"),
    ("how long is the ccs exam, need to plan childcare", "certification:CCS:exam"),
    ("suppose i pay for ahima membership, then the ccs exam is how much",
     "certification:CCS:fee"),
    ("cca exam how much time", "certification:CCA:exam"),
])
def test_certification_and_body_details_in_other_words(question: str, entry_id: str) -> None:
    assert answered_by(question) == entry_id


def test_a_figure_quoted_back_is_no_question_of_the_sources() -> None:
    assert answered_by("a blog told me medical records specialists make 48,780 median, "
                       "where is that number from") != "topic:sources"
