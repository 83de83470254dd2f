"""Sends that survive the network (bot.delivery), through the fault-injecting stand-in.

- 5xx answers, reset connections, timeouts and 429s on a share of all calls, getUpdates
  included: every reply still arrives, once.
- A reply that fails every attempt is kept in the outbox and delivered by its next round.
- Refusals (403, 400) are not retried; a 403 in a private chat switches the user's reminders
  off.
"""

from __future__ import annotations

from pathlib import Path

from bot.fake_api import FakeTelegram
from bot.fake_api.faults import KINDS, Faults
from db import Database
from tests.harness import BotHarness
from tests.http_bot import polling_bot, wait_for

USERS = range(7100, 7130)


def saved(api: FakeTelegram, user_id: int) -> int:
    return sum("Saved" in call.text for call in api.calls_to("sendMessage", user_id))


async def test_transient_failures_on_every_method_lose_no_reply(tmp_path: Path) -> None:
    api = FakeTelegram()
    faults = Faults(rate=0.3, kinds=KINDS, seed=7)
    async with polling_bot(api, tmp_path / "bot.sqlite3", faults=faults):
        for index, user_id in enumerate(USERS):
            api.push(api.text_update(api.user(user_id), f"/profile years={index % 40}"))
        await wait_for(lambda: all(saved(api, user_id) for user_id in USERS), timeout=120,
                       what="a reply to every user")
    report = dict(faults.injected)
    print(f"{len(USERS)} replies, faults injected: {report}")
    assert all(faults.injected[kind] for kind in KINDS), report  # each kind was exercised
    # Each reply exactly once: a failed call is not applied by the stand-in.
    assert [saved(api, user_id) for user_id in USERS] == [1] * len(USERS), report


async def test_a_reply_failing_every_attempt_is_kept_and_sent_later(tmp_path: Path) -> None:
    async with BotHarness(tmp_path) as bot:
        bot.api.fail("sendMessage", 502, "Bad Gateway", times=4)  # all of the attempts
        calls = await bot.send("/profile years=3")
        assert [call.error for call in calls] == ["Bad Gateway"] * 4  # retried, then kept
        assert await bot.db.outbox.count() == 1
        assert (await bot.db.profiles.get(501)).years == 3  # type: ignore[union-attr]
        outbox = bot.app.job_queue.get_jobs_by_name("outbox")[0]  # type: ignore[union-attr]
        await outbox.run(bot.app)
        delivered = [c for c in bot.api.calls_to("sendMessage", 501) if c.error is None]
        assert len(delivered) == 1 and "Saved" in delivered[0].text
        assert await bot.db.outbox.count() == 0


async def test_a_kept_reply_waits_out_an_outage_then_goes(tmp_path: Path) -> None:
    async with BotHarness(tmp_path) as bot:
        bot.api.fail("sendMessage", 503, "Service Unavailable", times=5)
        await bot.send("/profile years=3")
        outbox = bot.app.job_queue.get_jobs_by_name("outbox")[0]  # type: ignore[union-attr]
        await outbox.run(bot.app)  # the fifth failure: still down, kept
        assert await bot.db.outbox.count() == 1
        await outbox.run(bot.app)
        assert await bot.db.outbox.count() == 0
        errors = [call.error for call in bot.api.calls_to("sendMessage", 501)]
        assert errors == ["Service Unavailable"] * 5 + [None]


async def test_refusals_are_not_retried_and_a_block_switches_reminders_off(
        tmp_path: Path) -> None:
    async with BotHarness(tmp_path) as bot:
        await bot.send("/daily 08:00")
        assert (await bot.db.study.get(501)).daily_time == "08:00"
        bot.api.block(501)
        attempts = len(bot.api.calls)
        await bot.send("/profile years=4")
        refused = bot.api.calls[attempts:]
        assert [call.error for call in refused] == ["Forbidden: bot was blocked by the user"]
        assert (await bot.db.study.get(501)).daily_time is None  # the follow-up
        assert await bot.db.outbox.count() == 0

        bot.api.blocked_chats.clear()
        bot.api.fail("sendMessage", 400, "Bad Request: chat not found")
        attempts = len(bot.api.calls)
        await bot.send("/profile years=5")
        refused = [call.error for call in bot.api.calls[attempts:] if call.error]
        assert refused == ["Bad Request: chat not found"]  # once, not retried
        assert await bot.db.outbox.count() == 0


async def test_outbox_rows_are_the_recipients_data(database_url: str) -> None:
    database = Database(database_url)
    await database.open()
    try:
        await database.outbox.keep("sendMessage", {"chat_id": "42", "text": "hi"}, 42)
        assert "outbox" in await database.user_data.export(42)
        await database.user_data.forget(42)
        assert await database.outbox.count() == 0
    finally:
        await database.close()


async def test_a_429_is_waited_out_even_without_the_rate_limiter(tmp_path: Path) -> None:
    async with BotHarness(tmp_path) as bot:  # RATE_LIMIT off
        bot.api.fail("sendMessage", 429, "Too Many Requests: retry after 1", retry_after=1)
        calls = await bot.send("/profile years=3")
        assert [call.error for call in calls] == ["Too Many Requests: retry after 1", None]
        assert calls[1].at - calls[0].at >= 1.0
