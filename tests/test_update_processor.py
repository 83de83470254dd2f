"""Concurrent updates: in order per user, independent across users, errors stay contained."""

from __future__ import annotations

import asyncio
import logging

import pytest
from telegram import Update

from bot.fake_api import FakeTelegram
from bot.update_processor import PerUserOrderedProcessor, ordering_key
from handlers.errors import APOLOGY
from knowledge.profile import Profile
from tests.harness import BotHarness


def _update(bot: BotHarness, raw: dict) -> Update:  # type: ignore[type-arg]
    return Update.de_json(raw, bot.app.bot)


async def _process_queued(bot: BotHarness, raws: list[dict]) -> None:  # type: ignore[type-arg]
    """Run updates as in production: through the update queue and the update processor."""
    await bot.app.start()
    for raw in raws:
        await bot.app.update_queue.put(_update(bot, raw))
    await bot.app.stop()  # returns once the queue is processed


_API = FakeTelegram()  # only builds updates (increasing update ids); no bot talks to it


def _private_message(user_id: int) -> Update:
    return Update.de_json(_API.text_update(_API.user(user_id, f"U{user_id}"), "x"), None)


async def test_same_user_waits_other_users_do_not() -> None:
    processor = PerUserOrderedProcessor(8)
    log: list[str] = []
    release_first = asyncio.Event()

    async def work(name: str, gate: asyncio.Event | None = None) -> None:
        log.append(f"start {name}")
        if gate is not None:
            await gate.wait()
        log.append(f"end {name}")

    tasks = [
        asyncio.create_task(processor.process_update(_private_message(1),
                                                     work("a1", release_first))),
        asyncio.create_task(processor.process_update(_private_message(1), work("a2"))),
        asyncio.create_task(processor.process_update(_private_message(2), work("b1"))),
    ]
    while "end b1" not in log:
        await asyncio.sleep(0)
    assert log == ["start a1", "start b1", "end b1"]  # a2 waits for a1; b1 does not
    release_first.set()
    await asyncio.gather(*tasks)
    assert log[3:] == ["end a1", "start a2", "end a2"]
    assert processor._locks == {}  # nothing kept for users who are done


def test_ordering_key_prefers_user_then_chat() -> None:
    post = Update.de_json({"update_id": 1, "channel_post": {
        "message_id": 1, "date": 0, "text": "x", "chat": {"id": -100, "type": "channel"}}}, None)
    assert ordering_key(post) == -100
    assert ordering_key(Update(update_id=2)) is None
    assert ordering_key("not an update") is None


async def test_a_dialogue_keeps_its_order_under_concurrency(bot: BotHarness) -> None:
    raws = []
    for user_id in range(600, 620):
        user = bot.user(user_id)
        raws.append(bot.api.callback_update(user, "prof:edit:years"))
        raws.append(bot.api.text_update(user, "4"))
        raws.append(bot.api.text_update(user, "/profile state=OH"))
    await _process_queued(bot, raws)
    for user_id in range(600, 620):
        assert await bot.db.profiles.get(user_id) == Profile(years=4, state="OH")


async def test_an_exception_in_one_update_leaves_the_others_alone(
        bot: BotHarness, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    original = bot.db.profiles.get

    async def broken_for_601(user_id: int) -> Profile | None:
        if user_id == 601:
            raise RuntimeError("disk on fire")
        return await original(user_id)

    monkeypatch.setattr(bot.db.profiles, "get", broken_for_601)
    a, b = bot.user(601), bot.user(602)
    await _process_queued(bot, [bot.api.text_update(a, "/profile years=1"),
                                bot.api.text_update(b, "/profile years=2"),
                                bot.api.text_update(a, "/help")])
    assert await bot.db.profiles.get(602) == Profile(years=2)
    to_a = [call.text for call in bot.api.calls_to("sendMessage", 601)]
    assert to_a[0] == APOLOGY and "What I can do" in to_a[1]
    assert "Saved" in bot.api.calls_to("sendMessage", 602)[0].text
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1
    assert errors[0].getMessage().startswith("Unhandled RuntimeError while handling update")


async def test_one_users_backlog_does_not_hold_the_slots() -> None:
    processor = PerUserOrderedProcessor(2)
    release = asyncio.Event()
    done: list[str] = []

    async def work(name: str, gate: asyncio.Event | None = None) -> None:
        if gate is not None:
            await gate.wait()
        done.append(name)

    # User 1's first update blocks; its five others queue behind it, in front of user 2's.
    tasks = [asyncio.create_task(processor.process_update(_private_message(1),
                                                       work("a1", release)))]
    tasks += [asyncio.create_task(processor.process_update(_private_message(1), work(f"a{n}")))
              for n in range(2, 7)]
    tasks.append(asyncio.create_task(processor.process_update(_private_message(2), work("b"))))
    async def user_2_served() -> None:
        while "b" not in done:
            await asyncio.sleep(0)

    await asyncio.wait_for(user_2_served(), timeout=5)  # a hang here: user 1 holds every slot
    assert done == ["b"]  # served while user 1 is still stuck on its first update
    release.set()
    await asyncio.gather(*tasks)
    assert done[1:] == [f"a{n}" for n in range(1, 7)]


async def test_at_most_the_limit_runs_at_once() -> None:
    processor = PerUserOrderedProcessor(2)
    running, peak = 0, 0

    async def work() -> None:
        nonlocal running, peak
        running += 1
        peak = max(peak, running)
        await asyncio.sleep(0.01)
        running -= 1

    updates = [_private_message(n) for n in range(1, 7)]
    await asyncio.gather(*(processor.process_update(u, work()) for u in updates),
                         processor.process_update(Update(update_id=99), work()))
    assert peak == 2
