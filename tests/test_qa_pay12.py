"""Pay figures in other words (round 12, branch pay12): an offer in a named state, a figure
quoted back to be checked, SOC codes, two short topics asked together, jobs and pay by work
setting, and the mean beside the median."""

from __future__ import annotations

import pytest

from knowledge.pay_check import check_pay, judged_pay
from knowledge.qa.corpus import knowledge_engine
from knowledge.qa.occupation import with_soc_names
from knowledge.qa.parts import topic_pair
from tests.qa_answers import answered_by


def reply(question: str) -> str:
    """The answer's text: its card, then the other sides' cards."""
    answer = knowledge_engine().answer(question)
    assert answer.answered and answer.entry is not None, question
    return " ".join(entry.answer for entry in (answer.entry, *answer.also))


def test_an_offer_in_a_named_state_keeps_the_state() -> None:
    stated = judged_pay("got offered 38k in alabama, is that low?")
    assert stated is not None and stated.state == "AL"


@pytest.mark.parametrize(("text", "figure"), [
    ("a site says the average is ~51k, legit?", "mrs_average_undated"),
    ("someone said mean pay was $48,310, is that current", "mrs_mean_2021"),
    ("my textbook says 40k, still true?", "ooh_median_2018"),
])
def test_a_quoted_figure_is_matched_to_the_closest_sourced_one(text: str, figure: str) -> None:
    stated = judged_pay(text)
    assert stated is not None and stated.quoted
    matched = check_pay(stated).matches
    assert matched is not None and matched.id == figure


def test_an_offer_told_as_ones_own_matches_no_source() -> None:
    stated = judged_pay("they offered me 51k, is that fair?")
    assert stated is not None and check_pay(stated).matches is None


def test_the_occupations_soc_code_reads_as_its_name_not_a_year() -> None:
    assert "2072" not in with_soc_names("soc 29-2072 annual mean wage")
    assert "$48,310" in reply("soc 29-2072 annual mean wage")


def test_an_older_figure_asked_if_it_still_holds_is_followed_by_the_newest() -> None:
    assert "$50,250" in reply("i read 46,660 is the median for this job. true?")


@pytest.mark.parametrize(("text", "pair"), [
    ("2024 median and the growth outlook?", ["2024 median", "the growth outlook"]),
    ("median salary + job outlook for ehr specialists", ["median salary",
                                                         "job outlook for ehr specialists"]),
    ("lowest and highest pay", None),
    ("what is the median and how fast is it growing", None),
])
def test_two_short_topics_are_a_pair(text: str, pair: list[str] | None) -> None:
    assert topic_pair(text) == pair


def test_two_topics_get_both_cards() -> None:
    text = reply("2024 median and the growth outlook?")
    assert "$50,250" in text and "7%" in text


def test_which_industry_employs_most_is_the_work_setting_card() -> None:
    assert "67,340" in reply("which industry has the most medical records jobs")


@pytest.mark.parametrize("question", ["hospital pay for medical records may 2021",
                                      "physicians office salary 2024"])
def test_work_setting_pay_of_a_year_the_table_lacks_is_declined(question: str) -> None:
    assert not knowledge_engine().answer(question).answered


def test_the_mean_and_the_median_named_get_both() -> None:
    text = reply("mean vs median pay for ehr specialists")
    assert "$48,310" in text and "$50,250" in text


def test_the_bare_median_is_the_newest() -> None:
    assert answered_by("median") == "figure:mrs_median_2024"
