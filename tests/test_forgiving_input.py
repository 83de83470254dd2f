"""Forgiving input, end to end: multi-word values with or without quotes, every invalid field
named at once, and "did you mean …?" for near misses of states, certification codes and keys."""

from __future__ import annotations

import pytest

from knowledge.profile import Profile
from tests.harness import BotHarness, last_text, replies


@pytest.mark.parametrize("typed", ['/profile state="New York" years=2',
                                   "/profile state=New York years=2",
                                   "/profile years=2 state=new york"])
async def test_a_multi_word_state_is_read_with_or_without_quotes(bot: BotHarness,
                                                                 typed: str) -> None:
    text = last_text(await bot.send(typed))
    assert "Saved ✅" in text and "New York (NY)" in text
    assert await bot.db.profiles.get(501) == Profile(years=2, state="NY")


async def test_a_multi_word_state_in_a_what_if(bot: BotHarness) -> None:
    await bot.send("/profile years=2 state=TX")
    calls = await bot.send("/salary state=New Jersey certs=RHIT")
    text = next(c.text for c in replies(calls) if c.method == "sendMessage")
    assert "What-if estimate" in text and "New Jersey" in text
    assert await bot.db.profiles.get(501) == Profile(years=2, state="TX")


async def test_every_invalid_field_is_named_at_once_and_nothing_changes(bot: BotHarness) -> None:
    await bot.send("/profile years=2")
    text = last_text(await bot.send("/profile years=99 state=Atlantis certs=RHTI education=phd "
                                    "goal=manager"))
    for field in ("<b>years</b>", "<b>state</b>", "<b>certs</b>", "<b>education</b>"):
        assert field in text
    assert "<b>goal</b>" not in text  # a valid field is not named
    assert "Did you mean <b>RHIT</b>?" in text and "Nothing was changed." in text
    assert await bot.db.profiles.get(501) == Profile(years=2)


@pytest.mark.parametrize(("typed", "meant"), [("state=Califrnia", "California"),
                                               ("state=Texs", "Texas"),
                                               ("certs=CEHR", "CEHRS"),
                                               ("staet=TX", "state"),
                                               ("education=bachelr", "bachelor")])
async def test_near_misses_get_did_you_mean(bot: BotHarness, typed: str, meant: str) -> None:
    for command in ("/profile", "/salary"):
        text = last_text(await bot.send(f"{command} {typed}"))
        assert f"Did you mean <b>{meant}</b>?" in text, (command, text)
    assert await bot.db.profiles.get(501) is None


async def test_a_far_miss_gets_no_guess(bot: BotHarness) -> None:
    text = last_text(await bot.send("/profile state=Atlantis"))
    assert "Did you mean" not in text and "US state code or name" in text


async def test_a_near_miss_of_a_certification_code_offers_the_right_one(bot: BotHarness) -> None:
    message = replies(await bot.send("/certify RHTI"))[-1]
    assert "I don't know “RHTI”. Did you mean <b>RHIT</b>?" in message.text
    assert message.button_data() == ["cert:show:RHIT"]
    shown = last_text(await bot.press("cert:show:RHIT", message=bot.message_of(message)))
    assert "Registered Health Information Technician" in shown


async def test_a_near_miss_typed_in_the_guided_setup(bot: BotHarness) -> None:
    await bot.press("prof:edit:state")
    text = last_text(await bot.send("Pensylvania"))
    assert "Did you mean <b>Pennsylvania</b>?" in text and "Try again" in text
    assert "Pennsylvania (PA)" in last_text(await bot.send("Pennsylvania"))
    assert (await bot.db.profiles.get(501)) == Profile(state="PA")
