"""When each daily question was last sent (so one missed during a restart is sent once, and
one due is sent by one replica only: `claim`)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import aiosqlite

from db.trips import changed_rows, fetch_one, iso


class DailyRunRepository:
    def __init__(self, connection: Callable[[], aiosqlite.Connection]) -> None:
        self._conn = connection

    async def last(self, job: str) -> datetime | None:
        row = await fetch_one(self._conn(), "SELECT last_run FROM daily_runs WHERE job = ?",
                              (job,))
        return datetime.fromisoformat(str(row[0])) if row else None

    async def claim(self, job: str, due: datetime, at: datetime, user_id: int | None = None
                    ) -> bool:
        """Record, before sending, that the question due at `due` goes out (sent at `at`);
        False when it went out already (a second replica, or a catch-up after a takeover).
        One conditional statement, so two claimants cannot both win."""
        return await changed_rows(
            self._conn(),
            "INSERT INTO daily_runs (job, user_id, last_run) VALUES (?, ?, ?) "
            "ON CONFLICT(job) DO UPDATE SET last_run = excluded.last_run "
            "WHERE daily_runs.last_run < ?", (job, user_id, iso(at), iso(due))) == 1

    async def unclaim(self, job: str, previous: datetime | None) -> None:
        """Sending failed for good: the question may be tried again (back to `previous`)."""
        if previous is None:
            await self._conn().execute("DELETE FROM daily_runs WHERE job = ?", (job,))
        else:
            await self._conn().execute("UPDATE daily_runs SET last_run = ? WHERE job = ?",
                                       (iso(previous), job))
