"""What several replicas on one database agree on: who runs the scheduled work (a lease), what
it must reschedule (notes of schedule changes), and which stored updates nobody is handling.

Portable SQL only (SQLite and PostgreSQL): `?` placeholders, `INSERT … ON CONFLICT`, and times
passed in as ISO text from Python, never computed in SQL. docs/replicas.md has the scheme.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import aiosqlite

from db.trips import changed_rows, iso


def lease_time(moment: datetime) -> str:
    """A lease's time as stored: UTC ISO text to the microsecond, fixed width, so that text
    order is time order (`iso`'s whole seconds would cut a lease short by up to a second)."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


@dataclass(frozen=True)
class ScheduleChange:
    id: int
    subject: str  # "user:<id>" or "cohort:<id>"
    since: datetime | None


@dataclass(frozen=True)
class OrphanUpdate:
    """An update stored in the inbox and not yet handled, stored at `fetched_at`."""

    update_id: int
    body: dict[str, Any]
    fetched_at: str


class SchedulingRepository:
    def __init__(self, connection: Callable[[], aiosqlite.Connection]) -> None:
        self._conn = connection

    # ----- the lease -----------------------------------------------------------------------

    async def hold(self, name: str, holder: str, now: datetime, until: datetime) -> bool:
        """Take or renew the lease `name` for `holder` until `until`; True when `holder` holds
        it now (it was free, expired at `now`, or its own), False when another replica does.

        One statement, so two replicas claiming at once cannot both win: the row's unique key
        lets one insert, and the conditional update lets only the holder or a taker of an
        expired lease change it."""
        return await changed_rows(
            self._conn(),
            "INSERT INTO scheduler_lease (name, holder, expires_at) VALUES (?, ?, ?) "
            "ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, "
            "expires_at = excluded.expires_at "
            "WHERE scheduler_lease.holder = excluded.holder OR scheduler_lease.expires_at <= ?",
            (name, holder, lease_time(until), lease_time(now))) == 1

    async def release(self, name: str, holder: str) -> None:
        """Give the lease up (a clean stop): another replica takes it at its next try."""
        await self._conn().execute(
            "DELETE FROM scheduler_lease WHERE name = ? AND holder = ?", (name, holder))

    async def holder(self, name: str) -> str | None:
        rows = await self._conn().execute_fetchall(
            "SELECT holder FROM scheduler_lease WHERE name = ?", (name,))
        row = next(iter(rows), None)
        return None if row is None else str(row[0])

    # ----- schedule changes ----------------------------------------------------------------

    async def note_change(self, subject: str, since: datetime | None, at: datetime) -> None:
        """Tell the scheduler replica to reschedule `subject` (in the caller's transaction, so
        it sees the note only with the change itself)."""
        await self._conn().execute(
            "INSERT INTO schedule_changes (subject, since, noted_at) VALUES (?, ?, ?)",
            (subject, None if since is None else iso(since), iso(at)))

    async def changes(self, limit: int = 500) -> list[ScheduleChange]:
        rows = await self._conn().execute_fetchall(
            "SELECT id, subject, since FROM schedule_changes ORDER BY id LIMIT ?", (limit,))
        return [ScheduleChange(int(i), str(s), None if t is None else datetime.fromisoformat(t))
                for i, s, t in rows]

    async def changes_done(self, ids: Iterable[int]) -> None:
        for change_id in ids:
            await self._conn().execute("DELETE FROM schedule_changes WHERE id = ?", (change_id,))

    # ----- updates a dead replica acknowledged and never handled ------------------------------

    async def orphans(self, stored_before: datetime, limit: int = 100) -> list[OrphanUpdate]:
        """Inbox rows stored before `stored_before` and still not handled, oldest first."""
        rows = await self._conn().execute_fetchall(
            "SELECT update_id, body, fetched_at FROM inbox WHERE fetched_at < ? AND update_id "
            "NOT IN (SELECT update_id FROM processed_updates) ORDER BY update_id LIMIT ?",
            (iso(stored_before), limit))
        return [OrphanUpdate(int(u), json.loads(str(b)), str(f)) for u, b, f in rows]

    async def adopt(self, orphan: OrphanUpdate, now: datetime) -> bool:
        """Claim an orphan for this replica by restamping it; False when another replica did
        first (so two survivors never both take it)."""
        return await changed_rows(
            self._conn(), "UPDATE inbox SET fetched_at = ? WHERE update_id = ? AND fetched_at = ?",
            (iso(now), orphan.update_id, orphan.fetched_at)) == 1
