"""When each daily question was last sent (so one missed during a restart is sent once)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import aiosqlite

from db.trips import fetch_one, iso


class DailyRunRepository:
    def __init__(self, connection: Callable[[], aiosqlite.Connection]) -> None:
        self._conn = connection

    async def last(self, job: str) -> datetime | None:
        row = await fetch_one(self._conn(), "SELECT last_run FROM daily_runs WHERE job = ?",
                              (job,))
        return datetime.fromisoformat(str(row[0])) if row else None

    async def record(self, job: str, at: datetime, user_id: int | None = None) -> None:
        await self._conn().execute(
            "INSERT INTO daily_runs (job, user_id, last_run) VALUES (?, ?, ?) "
            "ON CONFLICT(job) DO UPDATE SET last_run = excluded.last_run", (job, user_id, iso(at)))
