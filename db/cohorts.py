"""Study cohorts (one per group chat), their members and their results."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

import aiosqlite

from db.trips import changed_rows, fetch_one, iso, utc_now
from knowledge.leaderboard import Score


@dataclass(frozen=True)
class Cohort:
    id: int
    chat_id: int
    code: str
    name: str | None = None
    exam_cert: str | None = None
    exam_date: date | None = None
    timezone: str | None = None
    daily_time: str | None = None
    paused: bool = False
    daily_domain: str | None = None
    round_hours: int | None = None
    season: int = 1
    season_started_at: datetime | None = None


@dataclass(frozen=True)
class Member:
    user_id: int
    name: str
    hidden: bool


_COLUMNS = ("id, chat_id, code, name, exam_cert, exam_date, timezone, daily_time, paused, "
            "daily_domain, round_hours, season, season_started_at")
SETTABLE = frozenset({"name", "exam_cert", "exam_date", "timezone", "daily_time", "paused",
                      "daily_domain", "round_hours"})


def _from_row(row: aiosqlite.Row | tuple[object, ...]) -> Cohort:
    (cohort_id, chat_id, code, name, exam_cert, exam_date, timezone, daily_time, paused,
     daily_domain, round_hours, season, season_started_at) = row
    return Cohort(int(str(cohort_id)), int(str(chat_id)), str(code),
                  name and str(name), exam_cert and str(exam_cert),
                  date.fromisoformat(str(exam_date)) if exam_date else None,
                  timezone and str(timezone), daily_time and str(daily_time), bool(paused),
                  daily_domain and str(daily_domain),
                  int(str(round_hours)) if round_hours is not None else None, int(str(season)),
                  datetime.fromisoformat(str(season_started_at)) if season_started_at else None)


class CohortRepository:
    def __init__(self, connection: Callable[[], aiosqlite.Connection]) -> None:
        self._conn = connection

    async def _many(self, where: str, *args: object) -> list[Cohort]:
        """Active cohorts matching `where` (the code's own SQL; values go in `args`)."""
        rows = await self._conn().execute_fetchall(
            f"SELECT {_COLUMNS} FROM cohorts WHERE archived_at IS NULL AND {where}", args
        )
        return [_from_row(row) for row in rows]

    async def _one(self, where: str, *args: object) -> Cohort | None:
        """The first of `_many` (every caller matches a unique key: at most one row)."""
        return next(iter(await self._many(where, *args)), None)

    async def for_chat(self, chat_id: int) -> Cohort | None:
        return await self._one("chat_id = ?", chat_id)

    async def by_id(self, cohort_id: int) -> Cohort | None:
        return await self._one("id = ?", cohort_id)

    async def by_code(self, code: str) -> Cohort | None:
        return await self._one("code = ?", code)

    async def ensure(self, chat_id: int) -> Cohort:
        """The chat's active cohort, created on first use.

        One statement: an archive or a move of the chat's cohort by a concurrent update cannot
        come between creating it and reading it back (it did between two statements).
        """
        rows = await self._conn().execute_fetchall(
            "INSERT INTO cohorts (chat_id, code, created_at) VALUES (?, ?, ?) "
            "ON CONFLICT (chat_id) WHERE archived_at IS NULL "
            "DO UPDATE SET chat_id = excluded.chat_id "
            f"RETURNING {_COLUMNS}",
            (chat_id, secrets.token_urlsafe(8), utc_now()),
        )
        return _from_row(next(iter(rows)))

    async def update(self, cohort_id: int, **values: str | int | None) -> None:
        unknown = set(values) - SETTABLE
        if unknown:
            raise ValueError(f"not cohort settings: {sorted(unknown)}")
        if values:
            await self._conn().execute(
                f"UPDATE cohorts SET {', '.join(f'{key} = ?' for key in values)} WHERE id = ?",
                (*values.values(), cohort_id),
            )

    async def archive(self, chat_id: int) -> Cohort | None:
        """Archive the chat's cohort (the bot left); returns what was archived."""
        cohort = await self.for_chat(chat_id)
        if cohort is not None:
            await self._conn().execute("UPDATE cohorts SET archived_at = ? WHERE id = ?",
                                       (utc_now(), cohort.id))
        return cohort

    async def restore(self, chat_id: int) -> Cohort | None:
        """The bot is back in a group: revive its latest archived cohort (members, results)."""
        await self._conn().execute(
            "UPDATE cohorts SET archived_at = NULL WHERE id = (SELECT id FROM cohorts "
            " WHERE chat_id = :chat AND archived_at IS NOT NULL ORDER BY archived_at DESC, id DESC"
            " LIMIT 1) AND NOT EXISTS (SELECT 1 FROM cohorts WHERE chat_id = :chat"
            " AND archived_at IS NULL)",
            {"chat": chat_id},
        )
        return await self.for_chat(chat_id)

    async def move_chat(self, old_chat_id: int, new_chat_id: int) -> Cohort | None:
        """The group became a supergroup with a new id: the cohort follows it."""
        await self._conn().execute(
            "UPDATE cohorts SET chat_id = ? WHERE chat_id = ? AND archived_at IS NULL "
            "AND NOT EXISTS (SELECT 1 FROM cohorts WHERE chat_id = ? AND archived_at IS NULL)",
            (new_chat_id, old_chat_id, new_chat_id),
        )
        return await self.for_chat(new_chat_id)

    async def active(self) -> list[Cohort]:
        return await self._many("1 = 1")

    async def of_member(self, user_id: int) -> list[Cohort]:
        return await self._many("id IN (SELECT cohort_id FROM cohort_members WHERE user_id = ?)",
                                user_id)

    async def new_code(self, cohort_id: int) -> str:
        """A fresh join code: links with the old one stop working."""
        code = secrets.token_urlsafe(8)
        await self._conn().execute("UPDATE cohorts SET code = ? WHERE id = ?", (code, cohort_id))
        return code

    async def new_season(self, cohort_id: int, at: datetime) -> None:
        """Scores start again from `at`; every answer is kept."""
        await self._conn().execute(
            "UPDATE cohorts SET season = season + 1, season_started_at = ? WHERE id = ?",
            (iso(at), cohort_id))

    # ----- members ---------------------------------------------------------------------------

    async def join(self, cohort_id: int, user_id: int, display_name: str) -> bool:
        """Add a member; False when already one (the name is refreshed)."""
        changed = await changed_rows(
            self._conn(),
            "INSERT INTO cohort_members (cohort_id, user_id, display_name, joined_at) "
            "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
            (cohort_id, user_id, display_name, utc_now()),
        )
        added = changed == 1
        if not added:
            await self._conn().execute(
                "UPDATE cohort_members SET display_name = ? WHERE cohort_id = ? AND user_id = ?",
                (display_name, cohort_id, user_id),
            )
        return added

    async def leave(self, cohort_id: int, user_id: int) -> bool:
        changed = await changed_rows(
            self._conn(),
            "DELETE FROM cohort_members WHERE cohort_id = ? AND user_id = ?", (cohort_id, user_id)
        )
        return changed == 1

    async def is_member(self, cohort_id: int, user_id: int) -> bool:
        row = await fetch_one(
            self._conn(),
            "SELECT 1 FROM cohort_members WHERE cohort_id = ? AND user_id = ?",
            (cohort_id, user_id),
        )
        return row is not None

    async def members(self, cohort_id: int) -> list[Member]:
        rows = await self._conn().execute_fetchall(
            "SELECT user_id, display_name, hidden FROM cohort_members WHERE cohort_id = ? "
            "ORDER BY display_name COLLATE NOCASE, user_id", (cohort_id,))
        return [Member(int(u), str(n), bool(h)) for u, n, h in rows]

    async def member_count(self, cohort_id: int) -> int:
        row = await fetch_one(
            self._conn(),
            "SELECT COUNT(*) FROM cohort_members WHERE cohort_id = ?", (cohort_id,)
        )
        return int(row[0]) if row else 0

    async def set_hidden(self, cohort_id: int, user_id: int, hidden: bool) -> bool:
        """False when the user is not a member."""
        changed = await changed_rows(
            self._conn(),
            "UPDATE cohort_members SET hidden = ? WHERE cohort_id = ? AND user_id = ?",
            (int(hidden), cohort_id, user_id),
        )
        return changed == 1

    async def scores(self, cohort_id: int, since: datetime | None = None,
                     until: datetime | None = None) -> list[Score]:
        """Each member's answers that counted for the cohort, in the period when given."""
        rows = await self._conn().execute_fetchall(
            "SELECT m.user_id, m.display_name, m.hidden, COUNT(a.poll_id), "
            " COALESCE(SUM(a.correct), 0) "
            "FROM cohort_members AS m LEFT JOIN quiz_answers AS a "
            " ON a.cohort_id = m.cohort_id AND a.user_id = m.user_id AND a.answered_at >= ? "
            " AND a.answered_at < ? "
            "WHERE m.cohort_id = ? GROUP BY m.cohort_id, m.user_id",
            (iso(since) if since else "", iso(until) if until else "~", cohort_id)
        )
        return [Score(int(u), str(n), int(a), int(c), bool(h)) for u, n, h, a, c in rows]
