"""Two replicas as in production: `python -m bot` twice in webhook mode on one shared
database, against the HTTP Bot API stand-in, each POSTed to as a reverse proxy would
(deploy/compose.yaml). The same update delivered to both is answered once; a replica killed
(SIGKILL) mid-load loses no update it acknowledged: the survivor takes the scheduler lease and
handles what the dead one left in the shared inbox, each change applied once."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from bot.fake_api import FakeTelegram
from bot.fake_api.faults import Faults
from bot.fake_api.server import FakeBotServer
from db import Database
from knowledge.profile import Profile
from tests.http_bot import wait_for
from tests.shared_database import SharedDatabase, shared_database
from tests.test_webhook import SECRET, TIMEOUT, WEBHOOK_URL, WebhookBot

__all__ = ["shared_database"]  # the fixture, imported for pytest

# For the kill: short, so that a takeover and an adoption take seconds (ticks every 2/3 s,
# orphans after 4 s). Elsewhere the default, so that no slow update counts as an orphan.
SHORT_LEASE = "2"


def replica(api: FakeTelegram, server: FakeBotServer, folder: Path, name: str,
            shared: SharedDatabase, lease_seconds: str = "30") -> WebhookBot:
    """A replica with its own folder (log, heartbeat) on the shared database."""
    folder.mkdir()
    return WebhookBot(api, server, folder, WEBHOOK_URL=WEBHOOK_URL, WEBHOOK_SECRET=SECRET,
                      REPLICA_NAME=name, REPLICA_LEASE_SECONDS=lease_seconds, **shared.env())


@asynccontextmanager
async def opened(shared: SharedDatabase) -> AsyncIterator[Database]:
    db = shared.connect()
    await db.open()
    try:
        yield db
    finally:
        await db.close()


async def started(*replicas: WebhookBot) -> None:
    """Started, and their webhook servers listening."""
    for bot in replicas:
        await bot.start()
        await wait_for(bot.healthy, TIMEOUT, "/healthz")


def confirmations(api: FakeTelegram, user_id: int) -> int:
    return sum(1 for call in api.calls_to("sendMessage", user_id) if "Saved" in call.text)


async def handled(db: Database, updates: Sequence[dict[str, Any]]) -> bool:
    return all([await db.processed_updates.seen(u["update_id"]) for u in updates])


async def test_the_same_update_delivered_to_both_replicas_is_answered_once(
        tmp_path: Path, shared_database: SharedDatabase) -> None:
    api = FakeTelegram()
    async with FakeBotServer(api) as server:
        a = replica(api, server, tmp_path / "a", "a", shared_database)
        b = replica(api, server, tmp_path / "b", "b", shared_database)
        user = api.user(7001, "Sam")
        update = api.text_update(user, "/profile years=4 state=OH")
        try:
            await started(a, b)
            answers = await asyncio.gather(a.post(update, SECRET), b.post(update, SECRET))
            assert [answer.status_code for answer in answers] == [200, 200]
            await wait_for(lambda: confirmations(api, 7001) == 1, TIMEOUT, "the reply")
            # Telegram delivers it again (it missed an acknowledgement): stored, not redone.
            assert (await b.post(update, SECRET)).status_code == 200
            assert (await a.post(update, SECRET)).status_code == 200
        finally:
            stopped = [await a.terminate(), await b.terminate()]  # each answers what it took
        assert [code for code, _ in stopped] == [0, 0], [log[-3000:] for _, log in stopped]
        assert confirmations(api, 7001) == 1
        async with opened(shared_database) as db:
            assert await db.profiles.get(7001) == Profile(years=4, state="OH")
        assert not api.problems


async def test_a_replica_killed_mid_load_loses_no_acknowledged_update(
        tmp_path: Path, shared_database: SharedDatabase) -> None:
    api = FakeTelegram()
    # Replica a's replies never come back: each of its users' second update waits behind the
    # first, acknowledged and stored but not handled, when a is killed.
    stuck = Faults(rate=1.0, kinds=("timeout",),
                   methods=frozenset({"sendMessage", "answerCallbackQuery", "editMessageText"}))
    async with FakeBotServer(api) as server, FakeBotServer(api, faults=stuck) as stuck_server:
        a = replica(api, stuck_server, tmp_path / "a", "a", shared_database, SHORT_LEASE)
        b = replica(api, server, tmp_path / "b", "b", shared_database, SHORT_LEASE)
        users = [api.user(7100 + index, f"U{index}") for index in range(40)]
        # Per user a text and a toggle: a toggle applied twice would switch RHIT off again.
        sent = {user["id"]: [api.text_update(user, f"/profile years={index}"),
                             api.callback_update(user, "prof:tog:certs:RHIT")]
                for index, user in enumerate(users)}
        on_a = [uid for index, uid in enumerate(sent) if index % 2 == 0]
        try:
            await started(a, b)

            async def deliver(user_id: int) -> None:
                target = a if user_id in on_a else b
                for update in sent[user_id]:  # in order, as Telegram delivers a chat's updates
                    assert (await target.post(update, SECRET)).status_code == 200

            await asyncio.gather(*(deliver(user_id) for user_id in sent))
            async with opened(shared_database) as db:
                await wait_for(lambda: handled(db, [sent[uid][0] for uid in on_a]), TIMEOUT,
                               "replica a to handle its users' first updates")
                code, _ = await a.stop(signal.SIGKILL)
                assert code == -signal.SIGKILL
                everything = [update for updates in sent.values() for update in updates]
                await wait_for(lambda: handled(db, everything), TIMEOUT,
                               "the survivor to handle what a acknowledged")
                profiles = {uid: await db.profiles.get(uid) for uid in sent}
        finally:
            await a.client.aclose()
            code, log = await b.terminate()
        assert code == 0, log[-3000:]
        assert profiles == {user["id"]: Profile(years=index, certs=frozenset({"RHIT"}))
                            for index, user in enumerate(users)}
        assert "scheduler_lease_taken replica=b" in log
        assert "orphaned_updates_adopted" in log
        # b answered its own users and the toggles it adopted from a, each once.
        assert all(confirmations(api, uid) == 1 for uid in sent if uid not in on_a)
        assert not api.problems
