"""Round 7 (pay7): pay, outlook and federal figures asked in unusual shapes - an edition's
figure, other words for the median and the range's ends, a starting offer judged against the
entry-level bands, a degree's effect on pay, the lowest-paying state, pay by work setting, two
agencies compared, misspelled occupation names, and the near misses declined."""

from __future__ import annotations

import pytest

from handlers.pay_check import pay_check_text
from knowledge.pay_check import Position, StatedPay, check_pay, judged_pay
from knowledge.qa.corpus import knowledge_engine
from knowledge.qa.text import reframed
from tests.qa_answers import answered_by

ENGINE = knowledge_engine()


@pytest.mark.parametrize("question", ["how much do eletronic helth records specialists earn",
                                      "how much do medcal recrods technicians make"])
def test_a_misspelled_occupation_name_is_dropped_like_a_well_spelled_one(question: str) -> None:
    left = {word.text for word in ENGINE.vocabulary.expand(question)}
    assert not left & {"electronic", "health", "medical", "records", "specialists", "technicians"}
    assert answered_by(question) == "topic:salary_national"


@pytest.mark.parametrize("question", ["midpoint pay for ehr specialists",
                                      "middle of the pack salary for records techs",
                                      "lowest and highest pay for ehr specialists"])
def test_other_words_for_the_median_and_the_range_get_the_national_card(question: str) -> None:
    assert answered_by(question) == "topic:salary_national"


def test_an_editions_projection_gets_that_editions_figure() -> None:
    assert answered_by("what growth did the 2018 handbook project through 2028") \
        == "figure:growth_2018_2028"


@pytest.mark.parametrize("text", ["bottom state for salaries", "which state pays the least",
                                  "worst paying states"])
def test_the_bottom_state_reads_as_the_lowest_paying_state(text: str) -> None:
    assert "lowest paying state" in reframed(text)


@pytest.mark.parametrize("question", ["which state pays records techs the least",
                                      "where do ehr specialists get paid the lowest"])
def test_the_lowest_paying_state_gets_the_state_table(question: str) -> None:
    assert answered_by(question) == "topic:salary_by_state"


@pytest.mark.parametrize("question", ["does hhs pay better than the va",
                                      "ssa or va, which pays the most"])
def test_two_agencies_compared_get_the_best_agency(question: str) -> None:
    assert answered_by(question) == "federal:top_agency"


@pytest.mark.parametrize("text", ["does the va or ssa have better benefits",
                                  "are there more jobs at the va or hhs"])
def test_two_agencies_compared_on_something_else_than_pay_are_not_ranked(text: str) -> None:
    assert "which agency pays best" not in reframed(text)


@pytest.mark.parametrize("question", ["doctor's office vs hospital pay for ehr",
                                      "what do nursing homes and home health pay records techs"])
def test_pay_by_work_setting_gets_the_settings_figures(question: str) -> None:
    assert answered_by(question) == "figure:spread_settings"


@pytest.mark.parametrize("question", ["does an associate degree raise pay",
                                      "do people with a bachelors get paid more"])
def test_a_degrees_effect_on_pay_gets_the_degree_wording(question: str) -> None:
    """Not the certifications' card: one saying what an associate's or bachelor's does."""
    answer = ENGINE.answer(question)
    assert answer.entry is not None and "associate's or bachelor's degree" in answer.entry.answer


def test_a_credentials_holders_asked_with_an_amount_are_people_not_a_count() -> None:
    assert answered_by("top end for experienced rhit holders") is not None
    assert answered_by("how many rhit holders are there") is None


@pytest.mark.parametrize("question", ["how many records techs does the va employ",
                                      "how many ehr specialists work for the federal government"])
def test_a_head_count_at_an_agency_is_declined(question: str) -> None:
    assert answered_by(question) is None


@pytest.mark.parametrize(("text", "starting"), [
    ("is 38k a decent starting salary", True),
    ("got offered 42k as a new grad, is that good", True),
    ("is $17 an hour ok for a first job", True),
    ("an offer of 36k for my first ehr job, lowball?", True),
    ("is 52k a good salary for a new ehr specialist", True),
    ("is 45k good in new york", False),
    ("they offered me $45k is that low", False),
])
def test_a_judged_figure_knows_when_it_is_for_a_first_job(text: str, starting: bool) -> None:
    stated = judged_pay(text)
    assert stated is not None and stated.starting is starting


def test_a_starting_figure_is_placed_against_each_entry_level_band() -> None:
    check = check_pay(StatedPay(42_000, "year", starting=True))
    positions = {(band.low, band.high): position for band, position in check.entry_bands}
    assert positions == {(35_000, 50_000): Position.WITHIN, (30_000, 40_000): Position.ABOVE}
    assert {"guide_become_ehr", "guide_cehrs_salary"} <= set(check.sources)
    hourly = check_pay(StatedPay(17, "hour", starting=True))
    assert [position for _, position in hourly.entry_bands] == [None, None]
    assert check_pay(StatedPay(42_000, "year")).entry_bands == ()


def test_a_starting_offer_leads_with_the_entry_level_bands() -> None:
    text = pay_check_text(check_pay(StatedPay(38_000, "year", starting=True)))
    lines = text.splitlines()
    assert lines[0] == "<b>Inside the guides' entry-level bands</b>"
    assert lines[1].startswith("For a first job") and "$35,000–$50,000" in lines[1]
    assert "$50,250" in text  # the median still follows
    hourly = pay_check_text(check_pay(StatedPay(17, "hour", starting=True))).splitlines()
    assert hourly[0] == "<b>Below the national median</b>"
    assert "yearly pay only" in "\n".join(hourly)


@pytest.mark.parametrize(("text", "read"), [
    ("what salary can i expect", "what salary can i"),
    ("whats the middle salary", "whats the median salary"),
    ("pay range low to high", "pay range salary range"),
    ("which states pay the most and least", "which states pay the most and least"),
    ("the top cert with the lowest exam fee", "the top cert with the lowest exam fee"),
    ("the bottom line is the top cert rhia", "the bottom line is the top cert rhia"),
    ("entry level salary expectations", "entry level salary"),
    ("does a bachelors bump your salary", "does a bachelors raise salary"),
])
def test_pay_in_other_shapes_is_read_as_the_knowledge_says_it(text: str, read: str) -> None:
    assert " ".join(reframed(text).split()) == read


def test_pay_one_can_expect_is_no_projection() -> None:
    assert answered_by("what salary can i expect") == "topic:salary_national"
    assert answered_by("what growth can we expect") == "topic:outlook"


def test_a_median_in_a_projections_end_year_is_declined() -> None:
    assert answered_by("what will the median be in 2028") is None


@pytest.mark.parametrize(("question", "entry"), [
    ("pay by industry", "figure:spread_settings"),
    ("what did the 2020 edition project for growth", "figure:growth_2019_2029"),
    ("whats the ceiling pay wise for a senior specialist", "topic:salary_by_stage"),
])
def test_headings_and_editions_reach_their_figures(question: str, entry: str) -> None:
    assert answered_by(question) == entry


@pytest.mark.parametrize(("question", "entry"), [
    ("back in the 2018 edition how many more jobs did they expect by 2028",
     "figure:ooh_change_2018_2028"),
    ("how many jobs did the 2020 handbook count", "figure:ooh_employment_2019"),
])
def test_an_editions_job_counts_are_figures_of_that_edition(question: str, entry: str) -> None:
    assert answered_by(question) == entry


def test_a_misspelled_credential_name_is_still_the_credential() -> None:
    words = [word.text for word in ENGINE.vocabulary.expand(
        "salry for a certifed electronic heath records specialist")]
    assert "certified electronic health records specialist" in words


def test_the_across_the_board_raise_and_an_agencys_staff_count() -> None:
    assert answered_by("across the board raise for feds in jan 2024") == "federal:overview"
    assert answered_by("how many records staff work at the social security administration") \
        is None
