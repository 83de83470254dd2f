"""Flood control: a 429 is waited out; a fan-out survives blocked users and keeps going."""

from __future__ import annotations

from pathlib import Path

from telegram.error import ChatMigrated
from telegram.ext import Application

from handlers import user_jobs
from handlers.fanout import fan_out
from handlers.user_jobs import user_job_name
from tests.harness import BotHarness


async def test_a_429_is_waited_out_and_the_message_still_delivered(tmp_path: Path) -> None:
    async with BotHarness(tmp_path, rate_limit=True) as bot:
        bot.api.fail("sendMessage", 429, "Too Many Requests: retry after 1", retry_after=1)
        await bot.send("/help")
        refused, delivered = bot.api.calls_to("sendMessage")
        assert refused.error == "Too Many Requests: retry after 1"
        assert delivered.error is None and "What I can do" in delivered.text
        assert delivered.at - refused.at >= 1.0  # it waited as told before retrying
        assert not bot.api.problems


async def _noop(context: object) -> None:
    return None


async def test_fan_out_spaces_sends_and_survives_a_blocked_user(bot: BotHarness) -> None:
    chat_ids = [801, 802, 803, 804]
    bot.api.block(802)
    bot.api.fail("sendMessage", 429, "Too Many Requests: retry after 3", retry_after=3,
                 chat_id=803)
    bot.api.fail("sendMessage", 400, "Bad Request: chat not found", chat_id=804)
    assert bot.app.job_queue is not None
    bot.app.job_queue.run_once(_noop, 3600, name=user_job_name(802, "reminder"))
    switched_off: list[int] = []

    async def switch_off_reminders(app: Application, user_id: int) -> None:
        switched_off.append(user_id)

    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)

    user_jobs.on_user_blocked(switch_off_reminders)
    try:
        report = await fan_out(bot.app, chat_ids,
                               lambda chat_id: bot.app.bot.send_message(chat_id, "Daily question"),
                               spacing=0.05, sleep=sleep)
    finally:
        user_jobs._BLOCKED_HOOKS.remove(switch_off_reminders)
    bot.api.problems.clear()  # the injected 400 is not a mistake of the bot

    assert report.delivered == [801, 803] and report.blocked == [802]
    assert report.failed == [804]
    assert switched_off == [802]
    assert all(job.removed for job in bot.app.job_queue.jobs())
    assert sorted(waits) == [0.05, 0.05, 0.05, 3]  # spaced out, and the 429 waited out
    delivered = [c.chat_id for c in bot.api.calls_to("sendMessage") if c.error is None]
    assert delivered == [801, 803]


async def test_fan_out_reports_blocked_groups_to_the_callback(bot: BotHarness) -> None:
    bot.api.block(-100500)
    told: list[int] = []

    async def on_blocked(chat_id: int) -> None:
        told.append(chat_id)

    report = await fan_out(bot.app, [-100500, -100501],
                           lambda chat_id: bot.app.bot.send_message(chat_id, "Quiz time"),
                           on_blocked=on_blocked, spacing=0)
    assert told == [-100500] and report.delivered == [-100501]


async def test_fan_out_follows_a_group_that_became_a_supergroup(bot: BotHarness) -> None:
    async def send(chat_id: int) -> object:
        if chat_id == -500:
            raise ChatMigrated(-100500)
        return await bot.app.bot.send_message(chat_id, "Quiz time")

    report = await fan_out(bot.app, [-500, -501], send, spacing=0)
    assert report.delivered == [-500, -501] and report.migrated == {-500: -100500}
    assert [c.chat_id for c in bot.api.calls_to("sendMessage")] == [-100500, -501]
