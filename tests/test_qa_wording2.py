"""Round 12e (wording2): abbreviations' dots, certificate programmes, programme length,
exam contents and everyday wordings of free-text questions."""

from __future__ import annotations

import pytest

from handlers.ask import ENGINE_KEY
from knowledge.qa.corpus import knowledge_engine
from knowledge.qa.parts import question_parts
from tests.harness import BotHarness, replies
from tests.qa_answers import answered_by

ENGINE = knowledge_engine()


@pytest.mark.parametrize("text", ["ehr pay in washington d.c.", "pay in the U.S. e.g. for RHIT",
                                  "a.s. or b.s., etc. for this job"])
def test_an_abbreviation_ends_no_sentence(text: str) -> None:
    assert question_parts(text) == [text]


def test_a_question_after_an_abbreviation_is_a_sentence_of_its_own() -> None:
    assert question_parts("I live in the U.S. How much do they make?") == [
        "I live in the U.S", "How much do they make"]


def test_washington_dc_with_dots_is_declined() -> None:
    assert answered_by("ehr pay in washington d.c.") is None


@pytest.mark.parametrize("question", ["what's better, a certificate or an associate's",
                                      "is a certificate program better than an associate degree",
                                      "how long is the rhit program",
                                      "how long does cehrs training take",
                                      "how many months is a cehrs course"])
def test_a_certificate_programme_and_its_length_are_schooling(question: str) -> None:
    assert answered_by(question) == "topic:how_long"


def test_how_long_an_exam_takes_is_still_the_exam() -> None:
    assert answered_by("how long is the cehrs exam") == "certification:CEHRS:exam"


@pytest.mark.parametrize("question", ["what subjects does the rhit exam cover",
                                      "what r the sections of the rhit exam",
                                      "rhit exam topics?", "whats on the rhit test"])
def test_what_an_exam_covers_leads_with_the_exam(question: str) -> None:
    assert answered_by(question) == "certification:RHIT:exam"


@pytest.mark.parametrize(("question", "entry"), [
    ("is it a lonely job", "topic:work_settings"),
    ("do you work alone most of the time", "topic:work_settings"),
    ("what kind of hours do ehr people work", "topic:work_settings"),
    ("my friend said the pay is bad", "topic:salary_national"),
    ("my cousin says the pay sucks, is that true", "topic:salary_national"),
    ("Key Skills Required for Success", "topic:skills"),
    ("Skills and Qualifications Needed to Succeed", "topic:skills"),
])
def test_everyday_wordings_reach_their_card(question: str, entry: str) -> None:
    assert answered_by(question) == entry


@pytest.fixture
def bot(bot: BotHarness) -> BotHarness:
    """conftest's bot, answering with the engine built here (no wait for its own build)."""
    bot.app.bot_data[ENGINE_KEY] = ENGINE
    return bot


async def test_a_personal_question_about_a_managers_pay_shows_the_managers_pay(
        bot: BotHarness) -> None:
    await bot.send("/profile years=6 state=OH education=bachelor")
    shown = replies(await bot.send("what would i earn as an ehr manager"))[-1]
    assert "Your estimate" in shown.text and "$80,000" in shown.text


@pytest.mark.parametrize("question", ["where do ehr specialists make the most money",
                                      "where are records techs paid best"])
def test_where_the_pay_is_highest_asks_for_the_states(question: str) -> None:
    assert answered_by(question) == "topic:salary_by_state"


@pytest.mark.parametrize(("question", "entry"), [
    ("do they work on their own", "topic:work_settings"),
    ("is it a solitary job", "topic:work_settings"),
    ("my sister told me they get paid peanuts", "topic:salary_national"),
])
def test_more_everyday_wordings(question: str, entry: str) -> None:
    assert answered_by(question) == entry


def test_qualifications_employers_want_are_education_not_a_certification() -> None:
    assert answered_by("what qualifications do employers want") == "topic:education"


def test_whether_it_is_all_computer_work_asks_about_the_daily_work() -> None:
    assert answered_by("is it all computer work") == "topic:duties"
    assert answered_by("failed the rhia, when can i try again") == "certification:RHIA:retake"
