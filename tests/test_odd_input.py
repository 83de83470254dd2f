"""Input that used to raise: it now gets a friendly answer and changes nothing.

Unicode digits (² or ٣ are digits to `str.isdigit`, not to `int`), oversized time zone names,
more years in a question than a profile accepts, buttons under deleted messages, a group
migrated or left while a member's command is under way, and a burst of concurrent writes
(which, with a second connection for transactions, used to meet "database is locked").
"""

from __future__ import annotations

import asyncio
import logging
import time

import pytest

from handlers.errors import APOLOGY
from knowledge.profile import Profile
from knowledge.study_calendar import CalendarError, parse_timezone
from tests.harness import BotHarness, last_text, replies

UNICODE_DIGITS = ["²", "٣", "①", "3²", "¹⁰"]


def errors(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [record.getMessage() for record in caplog.records if record.levelno >= logging.ERROR]


def no_apology(calls: list) -> bool:  # type: ignore[type-arg]
    return all(call.text != APOLOGY for call in calls)


@pytest.mark.parametrize("digits", UNICODE_DIGITS)
async def test_unicode_digits_in_commands_are_refused_kindly(
        bot: BotHarness, caplog: pytest.LogCaptureFixture, digits: str) -> None:
    for command in (f"/profile years={digits}", f"/salary years={digits}"):
        calls = await bot.send(command)
        assert no_apology(calls) and replies(calls), command
        assert "0 to 50" in last_text(calls) or "whole number" in last_text(calls), command
    assert await bot.db.profiles.get(501) is None
    assert errors(caplog) == []


@pytest.mark.parametrize("data", ["forget:yes:²", "forget:yes:٣٣٣٣٣٣٣٣٣٣", "prof:set:years:²",
                                  "prof:set:years:٣", "prof:tog:certs:²"])
async def test_unicode_digits_in_button_data_change_nothing(
        bot: BotHarness, caplog: pytest.LogCaptureFixture, data: str) -> None:
    await bot.send("/profile years=3")
    calls = await bot.press(data)
    assert no_apology(calls)
    assert [call.method for call in calls].count("answerCallbackQuery") == 1
    assert await bot.db.profiles.get(501) == Profile(years=3)
    assert errors(caplog) == []


@pytest.mark.parametrize("name", ["A" * 300, "America/" + "x" * 300, "Europe/" + "Lond" * 80])
async def test_oversized_time_zone_names_are_refused(
        bot: BotHarness, caplog: pytest.LogCaptureFixture, name: str) -> None:
    with pytest.raises(CalendarError):
        parse_timezone(name)
    calls = await bot.send(f"/timezone {name}")
    assert no_apology(calls) and "America/Chicago" in last_text(calls)
    assert (await bot.db.study.get(501)).timezone is None
    group = bot.api.group_chat(-5151)
    bot.api.set_member_status(-5151, 501, "administrator")
    calls = await bot.send(f"/cohort tz={name}", chat=group)
    assert no_apology(calls)
    assert errors(caplog) == []


@pytest.mark.parametrize("question", [
    "I have 99 years of experience, what would an RHIT earn?",
    "with 75 yrs in coding what is my salary in Texas",
    "salary with ²⁰ years as a CCS?",
])
async def test_more_years_in_a_question_than_a_profile_holds(
        bot: BotHarness, caplog: pytest.LogCaptureFixture, question: str) -> None:
    calls = await bot.send(question)
    assert no_apology(calls) and replies(calls)
    assert errors(caplog) == []


async def test_yes_delete_everything_under_a_deleted_message_deletes_and_says_so(
        bot: BotHarness, caplog: pytest.LogCaptureFixture) -> None:
    await bot.send("/profile years=3")
    bot.api.fail("editMessageText", 400, "Bad Request: message to edit not found")
    calls = await bot.press(f"forget:yes:{int(time.time())}",
                            message={"message_id": 77, "date": 0,
                                     "chat": bot.api.private_chat(bot.user())})
    assert no_apology(calls)
    assert "everything I stored about you is deleted" in last_text(calls)
    assert await bot.db.profiles.get(501) is None
    assert errors(caplog) == []
    bot.api.problems.clear()  # the refusal injected above


async def test_buttons_under_deleted_messages_are_answered_without_an_apology(
        bot: BotHarness, caplog: pytest.LogCaptureFixture) -> None:
    for data in ("forget:no", "quiz:next:CEHRS", "prof:edit:years:w", "menu:profile"):
        bot.api.fail("editMessageText", 400, "Bad Request: message to edit not found")
        bot.api.fail("editMessageReplyMarkup", 400, "Bad Request: message to edit not found")
        calls = await bot.press(data)
        assert no_apology(calls), data
    bot.api.fail("answerCallbackQuery", 400,
                 "Bad Request: query is too old and response timeout expired or query ID is "
                 "invalid")
    assert no_apology(await bot.press("forget:no"))  # handled again after a restart
    assert errors(caplog) == []
    bot.api.problems.clear()  # the refusals injected above


GROUP = -7070


async def test_a_member_command_racing_a_migration_or_removal_of_the_group(
        bot: BotHarness, caplog: pytest.LogCaptureFixture) -> None:
    admin = bot.user(700, "Ada")
    for round_ in range(300):
        old_id, new_id = GROUP - 2 * round_, GROUP - 2 * round_ - 1_000_000
        old = bot.api.group_chat(old_id, kind="group")
        await bot.send("/join", user=admin, chat=old)
        member = bot.user(800 + round_ % 7, "Bea")
        migration = bot.api.update(message=bot.api.message(admin, old,
                                                           migrate_to_chat_id=new_id))
        removal = bot.api.my_chat_member_update(admin, old, "member", "kicked")
        commands = [bot.api.text_update(member, text, old) for text in
                    ("/join", "/quiz", "/cohort", "/leaderboard", "/leave")]
        await asyncio.gather(bot.feed(migration if round_ % 2 else removal),
                             *(bot.feed(command) for command in commands))
    assert errors(caplog) == []
    assert not bot.api.problems


async def test_a_burst_of_concurrent_writes_never_meets_a_locked_database(
        bot: BotHarness, caplog: pytest.LogCaptureFixture) -> None:
    users = [bot.user(3000 + index) for index in range(60)]
    stamp = int(time.time())

    async def busy(index: int, user: dict[str, object]) -> None:
        """One user's updates in order (as the bot's update processor keeps them); half of
        them end with /forget's multi-statement transaction."""
        for update in (bot.api.text_update(user, f"/profile years={index % 40} state=TX"),
                       bot.api.callback_update(user, "prof:tog:certs:RHIT"),
                       bot.api.text_update(user, "/quiz"),
                       bot.api.text_update(user, "/daily 07:30"),
                       bot.api.callback_update(user, f"forget:yes:{stamp}") if index % 2 else
                       bot.api.text_update(user, "/profile goal=manager")):
            await bot.feed(update)

    await asyncio.gather(*(busy(index, user) for index, user in enumerate(users)))
    assert errors(caplog) == []
    for index, user in enumerate(users):
        stored = await bot.db.profiles.get(user["id"])
        if index % 2:
            assert stored is None
        else:
            assert stored is not None and stored.years == index % 40
            assert stored.goal == "manager" and stored.certs == {"RHIT"}
