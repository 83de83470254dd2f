"""Judging a pay figure the user names: parsing it (knowledge/pay_check) and the bot's reply."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from knowledge.pay_check import Position, StatedPay, check_pay, judged_pay, stated_pay
from knowledge.profile import Profile
from knowledge.salary import estimate_salary
from tests.harness import BotHarness, last_text, replies

GROUP_ID = -100778


@pytest.mark.parametrize(("text", "stated"), [
    ("they offered me $45k is that low", StatedPay(45_000, "year", marked=True)),
    ("offered 52,000 for the job", StatedPay(52_000, "year")),
    ("is $19.50/hr fair", StatedPay(19.5, "hour", marked=True)),
    ("is 22 an hour decent", StatedPay(22, "hour", marked=True)),
    ("they pay 16.50 hourly", StatedPay(16.5, "hour", marked=True)),
    ("60 grand to start", StatedPay(60_000, "year", marked=True)),
    ("$38,000 a year", StatedPay(38_000, "year")),
])
def test_a_written_pay_figure_is_read_per_year_or_per_hour(text: str, stated: StatedPay) -> None:
    assert stated_pay(text) == stated


@pytest.mark.parametrize("text", [
    "pay in 2024", "i am 34", "what does the va pay", "$5 million", "is $3/hr legal",
])
def test_numbers_that_are_not_pay_are_not_read_as_pay(text: str) -> None:
    assert stated_pay(text) is None


@pytest.mark.parametrize(("text", "judged"), [
    ("they offered me $45k is that low", True),
    ("i make 40k am i underpaid", True),
    ("is $22 an hour decent", True),
    ("my rent is $1500 is that high", False),  # not pay
    ("how much is 45k after taxes", False),  # no judgement asked
    ("what would i make with rhit", False),  # no figure
])
def test_only_a_question_judging_a_pay_figure_is_taken(text: str, judged: bool) -> None:
    assert (judged_pay(text) is not None) is judged


def test_a_figure_is_placed_against_the_median_the_range_and_the_estimate() -> None:
    low = check_pay(StatedPay(30_000, "year"))
    assert (low.against_median, low.in_range) == (Position.BELOW, Position.BELOW)
    assert low.median.value == 50_250 and low.estimate is None
    near = check_pay(StatedPay(51_000, "year"))
    assert (near.against_median, near.in_range) == (Position.WITHIN, Position.WITHIN)
    high = check_pay(StatedPay(90_000, "year"))
    assert (high.against_median, high.in_range) == (Position.ABOVE, Position.ABOVE)
    estimate = estimate_salary(Profile(years=3, state="TX"))
    own = check_pay(StatedPay(estimate.high + 1_000, "year"), estimate)
    assert own.against_estimate is Position.ABOVE and set(estimate.sources) <= set(own.sources)


def test_an_hourly_figure_is_compared_with_the_hourly_median_only() -> None:
    estimate = estimate_salary(Profile(years=3, state="TX"))
    hourly = check_pay(StatedPay(30, "hour"), estimate)
    assert hourly.median.value == 24.16 and hourly.against_median is Position.ABOVE
    assert hourly.national_range is None and hourly.estimate is None


@pytest.fixture
async def bot(tmp_path: Path) -> AsyncIterator[BotHarness]:
    async with BotHarness(tmp_path) as harness:
        yield harness
        assert not harness.api.problems, [(c.method, c.error) for c in harness.api.problems]


async def test_an_offer_is_judged_with_sourced_figures_and_never_restated(bot: BotHarness) -> None:
    shown = replies(await bot.send("they offered me $45k for an ehr job, is that low??"))[-1]
    assert shown.text.startswith("<b>Below the national median</b>")
    assert "$50,250 a year (May 2024" in shown.text and "$35,080–$77,810" in shown.text
    assert "45,000" not in shown.text and "Sources:" in shown.text
    assert "set up /profile" in shown.text
    assert shown.button_data() == ["ask:go:salary"]


async def test_in_private_the_offer_is_set_against_the_askers_estimate(bot: BotHarness) -> None:
    await bot.send("/profile years=3 state=TX")
    estimate = estimate_salary(Profile(years=3, state="TX"))
    text = last_text(await bot.send(f"i make ${estimate.low - 2_000:,} am i underpaid"))
    assert "For your profile" in text and f"${estimate.point:,}" in text
    assert "below that range" in text


async def test_in_a_group_the_offer_check_never_shows_a_profile(bot: BotHarness) -> None:
    await bot.send("/profile years=3 state=TX")
    group = bot.api.group_chat(GROUP_ID)
    text = last_text(await bot.send("/ask is $60k good for rhit?", chat=group))
    assert "Above the national median" in text
    assert "For your profile" not in text and "Texas" not in text
