"""Free-text answers on the real knowledge: typed amounts, specifics the answer must name,
comparisons answered on both sides, follow-ups about other things, pay bands by stage, the
facts.yaml figures on cards, and a personal estimate shown with the stage or agency asked about."""

from __future__ import annotations

import pytest

from handlers.ask import ENGINE_KEY
from knowledge.qa import Outcome
from knowledge.qa.corpus import knowledge_engine
from knowledge.qa.mentions import find_mentions
from knowledge.qa.specifics import Specifics, percentiles
from knowledge.qa.text import spoken_amounts, words
from tests.harness import BotHarness, replies

ENGINE = knowledge_engine()


@pytest.mark.parametrize(("typed", "read"), [
    ("is 40k a normal paycheck", "is salary a normal paycheck"),
    ("they offered me 45k", "they offered me salary"),
    ("would 22 hr be fair", "would hourly pay be fair"),
    ("is 18 an hour bad", "is hourly pay bad"),
    ("pay with 0 2 years experience", "pay with years experience experience"),
    ("jobs in 10 years", "jobs in future years"),
    ("gs 9 pay", "gs 9 pay"),  # a grade is not an amount
])
def test_typed_amounts_read_as_what_they_stand_for(typed: str, read: str) -> None:
    assert spoken_amounts(typed) == read


def test_american_spellings_read_as_the_texts_british_ones() -> None:
    assert words("unauthorized access, analyze, organization") == [
        "unauthorised", "access", "analyse", "organisation"]
    assert words("size prize") == ["size", "prize"]


def test_specifics_need_an_answer_naming_them() -> None:
    specifics = Specifics({"chicago": [], "pass rate": ["pass rate", "passed"]})
    named = specifics.named("pay in Chicago in 2030?")
    assert len(named) == 2  # the city and the year
    assert not specifics.answers(named, "median pay in chicago")
    assert specifics.answers(named, "median pay in chicago 2030")
    assert specifics.answers(specifics.named("cehrs pass rate"), "68 of 100 passed")
    assert specifics.named("rhit fee") == []


@pytest.mark.parametrize(("question", "expected"), [
    ("what is the 75th percentile salary", [75]),
    ("what do the top 25% make", [75]),
    ("pay of the bottom 10 percent", [10]),
    ("upper quartile pay", [75]),
    ("what do the highest paid 5% of coders make", [95]),
    ("what percentile is 50k", []),
    ("my son is in 10th grade", []),  # an ordinal that is no percentile
])
def test_percentiles_are_read_however_they_are_asked(question: str, expected: list[int]) -> None:
    assert percentiles(" ".join(words(question.replace("%", " percent ")))) == expected


def test_a_percentile_grade_or_step_must_be_named_like_a_year() -> None:
    specifics = Specifics({"percentile": [], "90th percentile": ["high end"]})
    assert not specifics.answers(specifics.named("75th percentile pay"),
                                 "the median 50 250 without saying which percentiles")
    assert specifics.answers(specifics.named("75th percentile pay"), "lincoln 75th percentile")
    # a percentile the data names by other words: the range's high end
    assert specifics.answers(specifics.named("top 10% earnings"), "high end of the range")
    assert not specifics.answers(specifics.named("top 25 percent"), "high end of the range")
    assert not specifics.answers(specifics.named("gs 12 pay"), "gs 5 to gs 11")
    assert specifics.answers(specifics.named("gs7 pay"), "gs 7 base pay")
    assert not specifics.answers(specifics.named("gs 9 step 5"), "gs 9 at step 1 to step 10")
    assert specifics.answers(specifics.named("gs 9 step 10"), "gs 9 at step 1 to step 10")
    assert specifics.named("what is the first step") == []


def test_a_name_asked_with_an_amount_needs_an_entry_about_it() -> None:
    specifics = Specifics({"epic": [], "pass rate": ["pass rate", "passed"]})
    assert specifics.priced("how much does epic pay its trainers")
    assert specifics.priced("what do epic analysts make")
    assert specifics.priced("does epic make the software") == []  # building, not earning
    assert specifics.priced("what is the cehrs pass rate") == []  # a detail, not a name


@pytest.mark.parametrize(("question", "pay"), [
    ("what do nurses make", True), ("what would i make as a coder", True),
    ("how much do ehr trainers make", True), ("what's the salary", True),
    ("what reports do ehr specialists make", False), ("does epic make the software", False),
])
def test_a_pay_question_is_told_from_make_as_in_building(question: str, pay: bool) -> None:
    assert Specifics.asks_pay(question) is pay
    assert Specifics.about_pay("median 50 250 a year") and not Specifics.about_pay("hipaa")


@pytest.mark.parametrize("question", [
    "how much do ehr specialists make in toronto", "what does kaiser pay ehr specialists",
    "what do registered nurses make", "what will the median be in 2035", "rhia pass rate",
    "salary in canada", "do ehr specialists get a gym membership", "is there a 401k match",
    "what is the 60th percentile salary", "what do the top 25 percent earn", "gs 13 salary",
    "what does a gs 9 step 5 make", "how much do sonographers make", "pay in bakersfield",
    "what is the rhit failure rate", "how much is tuition at the community college",
    "what's the pay for an epic analyst", "what does kaiser pay",
    "what's the job placement rate after the program", "do i need a background check",
    "is there a shift differential for night shift", "how many people took the rhia last year",
    "how many ehr jobs are in florida",
    "what does a unit secretary make",
])
def test_near_misses_get_an_honest_dont_know(question: str) -> None:
    assert ENGINE.answer(question).outcome is not Outcome.ANSWERED


@pytest.mark.parametrize(("question", "entry"), [
    ("what's the 75th percentile pay in lincoln nebraska", "figure:spread_lincoln"),
    ("top 10 percent earnings", "figure:mrs_range_high_2023"),
    ("what does gs 7 pay at step 10", "federal:gs7"),
    ("what's the first-time pass rate for the cehrs", "certification:CEHRS:exam"),
    ("can i skip the commute by working remotely", "topic:remote_work"),
    ("does epic make the software hospitals use", "topic:ehr_systems"),
    ("how many jobs are there nationwide", "topic:employment"),
])
def test_a_specific_the_knowledge_has_is_still_answered(question: str, entry: str) -> None:
    answer = ENGINE.answer(question)
    assert answer.entry is not None and answer.entry.id == entry


def test_every_state_named_is_found_in_order_with_nicknames() -> None:
    assert find_mentions("texas or florida", ["texas", "florida"]).states == ("TX", "FL")
    assert find_mentions("west virginia pay", []).states == ("WV",)
    assert find_mentions("going rate in cali", []).state == "CA"


@pytest.mark.parametrize(("question", "sides"), [
    ("texas or florida for pay", {"state:TX", "state:FL"}),
    ("ccs or cca exam cost", {"certification:CCS", "certification:CCA"}),
    ("which is cheaper, cca or cpc", {"certification:CCA", "certification:CPC"}),
])
def test_a_comparison_answers_both_sides(question: str, sides: set[str]) -> None:
    answer = ENGINE.answer(question)
    assert answer.entry is not None
    shown = {":".join(entry.id.split(":")[:2]) for entry in (answer.entry, *answer.also)}
    assert sides <= shown


def test_a_followup_without_an_intent_keeps_the_previous_ones() -> None:
    answer = ENGINE.answer("and for technologists?", previous="how much do ehr specialists make")
    assert answer.answered and answer.entry is not None
    assert "$58,250" in answer.entry.answer or "$55,560" in answer.entry.answer
    after = ENGINE.answer("and after 5 years?", previous="what do beginners make")
    assert after.entry is not None and "$65,000" in after.entry.answer


def test_pay_by_stage_shows_every_stage_band() -> None:
    answer = ENGINE.answer("pay by experience level")
    assert answer.entry is not None and answer.entry.id == "topic:salary_by_stage"
    assert all(band in answer.entry.answer for band in ("$35,000", "$65,000", "$100,000"))
    assert answer.entry.answer.startswith("By stage")


@pytest.mark.parametrize(("question", "fact"), [
    ("ahima renewal fee for rhit", "$218"),
    ("if i fail the ccs how long before i can try again", "30 days"),
    ("how many people have the ccs", "36,925"),
    ("who accredits the nha exams", "NCCA"),
    ("how much do coc holders earn", "$62,846"),
])
def test_facts_yaml_figures_are_reachable(question: str, fact: str) -> None:
    answer = ENGINE.answer(question)
    assert answer.answered and answer.entry is not None, answer
    assert fact in answer.entry.answer


@pytest.fixture
def bot(bot: BotHarness) -> BotHarness:
    """conftest's bot, answering with the engine built here (no wait for its own build)."""
    bot.app.bot_data[ENGINE_KEY] = ENGINE
    return bot


async def test_a_personal_question_about_an_agency_shows_its_range_too(bot: BotHarness) -> None:
    await bot.send("/profile years=2 state=TX education=associate")
    shown = replies(await bot.send("how much would i make at the va"))[-1]
    assert "Your estimate" in shown.text
    assert "$42,000" in shown.text and "Veterans Affairs" in shown.text


async def test_a_comparison_reply_shows_both_states(bot: BotHarness) -> None:
    shown = replies(await bot.send("texas or florida for pay"))[-1]
    assert "$41,950" in shown.text and "$41,340" in shown.text
