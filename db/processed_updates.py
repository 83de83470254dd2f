"""Intake bookkeeping: updates fetched but not yet handled (the inbox) and the ids of updates
already handled (so that one Telegram delivers again is not applied twice).

`mark` is called by `Database` in the transaction that holds the update's writes, and takes
the update out of the inbox in that same transaction: a crash leaves either both (the update
was handled) or neither (it is handled again from the inbox, or redelivered by Telegram).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from typing import Any

import aiosqlite

from db.trips import changed_rows, fetch_one, iso, utc_now

# Tables of the bot's own bookkeeping, which every update may touch.
BOOKKEEPING_TABLES = frozenset({"processed_updates", "inbox", "outbox"})
KEEP_FOR = timedelta(days=2)  # Telegram keeps an unconfirmed update for at most 24 hours.
PRUNE_EVERY = 1000


class ProcessedUpdateRepository:
    def __init__(self, connection: Callable[[], aiosqlite.Connection]) -> None:
        self._conn = connection
        self._marked = 0

    async def seen(self, update_id: int) -> bool:
        """Whether `update_id` was handled before."""
        return await fetch_one(self._conn(), "SELECT 1 FROM processed_updates WHERE update_id = ?",
                               (update_id,)) is not None

    async def mark(self, update_id: int) -> bool:
        """Record `update_id` as handled (a trigger drops it from the inbox); False when it was
        recorded before (a redelivered update)."""
        fresh = await changed_rows(
            self._conn(),
            "INSERT OR IGNORE INTO processed_updates (update_id, seen_at) VALUES (?, ?)",
            (update_id, utc_now()),
        ) == 1
        self._marked += 1
        if self._marked % PRUNE_EVERY == 0:
            await self.prune()
        return fresh

    async def prune(self, now: datetime | None = None) -> None:
        """Forget old marks, and inbox rows of handled updates (on PostgreSQL a replica can
        store an update in the inbox just as another one's mark takes it out)."""
        cutoff = (now or datetime.now(UTC)) - KEEP_FOR
        await self._conn().execute(
            "DELETE FROM inbox WHERE update_id IN (SELECT update_id FROM processed_updates)")
        await self._conn().execute("DELETE FROM processed_updates WHERE seen_at < ?",
                                   (iso(cutoff),))

    async def store(self, updates: Iterable[tuple[int, dict[str, Any]]]) -> set[int]:
        """Keep fetched updates (id, JSON object) until they are handled; the ids that are new
        (not handled before, not in the inbox already)."""
        rows = [(update_id, json.dumps(body), utc_now()) for update_id, body in updates]
        if not rows:
            return set()
        stored = await self._conn().execute_fetchall(
            "INSERT OR IGNORE INTO inbox (update_id, body, fetched_at) "
            # The cast types the column for PostgreSQL (its VALUES parameters are untyped).
            f"SELECT * FROM (VALUES (CAST(? AS INTEGER), ?, ?){', (?, ?, ?)' * (len(rows) - 1)}) "
            "AS fetched WHERE column1 NOT IN (SELECT update_id FROM processed_updates) "
            "RETURNING update_id",
            [value for row in rows for value in row],
        )
        return {int(row[0]) for row in stored}

    async def unhandled(self) -> list[dict[str, Any]]:
        """The inbox, oldest first: updates fetched before a crash or stop, not yet handled."""
        rows = await self._conn().execute_fetchall(
            "SELECT body FROM inbox WHERE update_id NOT IN (SELECT update_id FROM "
            "processed_updates) ORDER BY update_id")
        return [json.loads(str(row[0])) for row in rows]
