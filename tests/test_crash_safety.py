"""Crash safety of the real process (`python -m bot`) against the stand-in over HTTP.

- SIGKILL right after confirmations arrive: after a restart every confirmed change is there.
- Updates Telegram delivers again after a restart are not applied a second time.
- SIGTERM stops cleanly: pending updates are handled or left for the next start, the database is
  closed (no -wal file left, integrity check ok), exit code 0.
"""

from __future__ import annotations

import signal
import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from bot.fake_api import FakeTelegram
from bot.fake_api.server import FakeBotServer
from db import Database
from knowledge.profile import Profile
from tests.harness import TEST_TOKEN
from tests.http_bot import BotProcess, wait_for

USERS = range(9001, 9007)
STATES = ["TX", "OH", "WA", "NY", "CA", "FL"]


async def stored(database: Path) -> dict[int, Profile | None]:
    opened = Database(database)
    await opened.open()
    try:
        return {user_id: await opened.profiles.get(user_id) for user_id in USERS}
    finally:
        await opened.close()


@asynccontextmanager
async def bot_process(tmp_path: Path) -> AsyncIterator[BotProcess]:
    api = FakeTelegram()
    async with FakeBotServer(api) as server:
        yield BotProcess(api, server, tmp_path / "bot.sqlite3", LOG_LEVEL="DEBUG")


def confirmations(api: FakeTelegram, user_id: int) -> int:
    return sum(1 for call in api.calls_to("sendMessage", user_id) if "Saved" in call.text)


async def test_sigkill_keeps_confirmed_changes_and_redelivery_is_not_reapplied(
        tmp_path: Path) -> None:
    async with bot_process(tmp_path) as bot:
        api = bot.api
        await bot.start()
        users = {user_id: api.user(user_id, f"U{user_id}") for user_id in USERS}
        sent = []
        for index, user in enumerate(users.values()):
            sent.append(api.text_update(user, f"/profile years={index} state={STATES[index]}"))
            sent.append(api.callback_update(user, "prof:tog:certs:RHIT"))
        for update in sent:
            api.push(update)
        await wait_for(lambda: all(confirmations(api, u) == 1 for u in USERS)
                       and len(api.calls_to("answerCallbackQuery")) == len(USERS), timeout=60)
        code, _ = await bot.stop(signal.SIGKILL)
        assert code == -signal.SIGKILL

        expected = {user_id: Profile(years=index, state=STATES[index], certs=frozenset({"RHIT"}))
                    for index, user_id in enumerate(USERS)}
        assert await stored(bot.database) == expected

        # Telegram delivers again what it has not seen acknowledged; here, all of it.
        for update in sent:
            api.push(update)
        await bot.start()
        first = USERS[0]
        api.push(api.text_update(users[first], "/profile goal=manager"))
        await wait_for(lambda: confirmations(api, first) == 2, timeout=60)
        code, stderr = await bot.stop(signal.SIGTERM)
        assert code == 0, stderr
        assert [confirmations(api, u) for u in USERS] == [2] + [1] * (len(USERS) - 1)
        assert len(api.calls_to("answerCallbackQuery")) == len(USERS)
        # Applied twice, a toggle would have switched RHIT off again.
        expected[first] = expected[first].with_changes(goal="manager")
        assert await stored(bot.database) == expected


async def test_sigterm_handles_or_leaves_pending_updates_and_closes_the_database(
        tmp_path: Path) -> None:
    async with bot_process(tmp_path) as bot:
        api = bot.api
        await bot.start()  # a signal while it is still starting up
        code, stderr = await bot.stop(signal.SIGTERM)
        assert code == 0, stderr[-4000:]
        await bot.start()
        for index, user_id in enumerate(USERS):
            api.push(api.text_update(api.user(user_id), f"/profile years={index + 10}"))
        await wait_for(lambda: confirmations(api, USERS[0]) == 1, timeout=60)
        code, stderr = await bot.stop(signal.SIGTERM)  # while the others are under way
        assert code == 0, stderr
        assert "Traceback" not in stderr, stderr[-4000:]
        assert TEST_TOKEN not in stderr and "years=" not in stderr  # logged at DEBUG
        assert not Path(f"{bot.database}-wal").exists()
        with sqlite3.connect(bot.database) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)

        await bot.start()  # picks up whatever was left
        await wait_for(lambda: all(confirmations(api, u) >= 1 for u in USERS), timeout=60)
        code, stderr = await bot.stop(signal.SIGTERM)
        assert code == 0, stderr
        # Each exactly once.
        assert [confirmations(api, u) for u in USERS] == [1] * len(USERS), stderr[-4000:]
        assert await stored(bot.database) == {user_id: Profile(years=index + 10)
                                              for index, user_id in enumerate(USERS)}
