"""The ids of updates already handled (at-most-once processing across restarts)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import aiosqlite

from db.trips import changed_rows, iso, utc_now

# Tables of the bot's own bookkeeping, which every update may touch (no user data).
BOOKKEEPING_TABLES = frozenset({"processed_updates"})
KEEP_FOR = timedelta(days=2)  # Telegram keeps an unconfirmed update for at most 24 hours.
PRUNE_EVERY = 1000


class ProcessedUpdateRepository:
    def __init__(self, connection: Callable[[], aiosqlite.Connection]) -> None:
        self._conn = connection
        self._marked = 0

    async def mark(self, update_id: int) -> bool:
        """Record `update_id`; False when it was recorded before (a redelivered update)."""
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
        cutoff = (now or datetime.now(UTC)) - KEEP_FOR
        await self._conn().execute("DELETE FROM processed_updates WHERE seen_at < ?",
                                   (iso(cutoff),))
