"""Quiz rounds of a cohort (open group polls and their closing), the cohort's scheduled posts,
and the figures its results and weekly summary show."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

import aiosqlite

from db.quiz import DomainResult
from db.trips import changed_rows, fetch_one, iso


@dataclass(frozen=True)
class OpenRound:
    poll_id: str
    question_id: str
    chat_id: int
    message_id: int
    sent_at: datetime
    closes_at: datetime


@dataclass(frozen=True)
class Fastest:
    name: str
    hidden: bool
    seconds: int


@dataclass(frozen=True)
class RoundResult:
    answered: int
    correct: int
    fastest: Fastest | None  # the first member to answer right


@dataclass(frozen=True)
class Hardest:
    question_id: str
    answered: int
    correct: int


_ROUND = ("SELECT r.poll_id, p.question_id, p.chat_id, p.message_id, p.sent_at, r.closes_at "
          "FROM quiz_rounds AS r JOIN quiz_polls AS p USING (poll_id) ")


def _round(row: tuple[object, ...]) -> OpenRound:
    poll_id, question_id, chat_id, message_id, sent_at, closes_at = row
    return OpenRound(str(poll_id), str(question_id), int(str(chat_id)), int(str(message_id)),
                     datetime.fromisoformat(str(sent_at)), datetime.fromisoformat(str(closes_at)))


class RoundRepository:
    def __init__(self, connection: Callable[[], aiosqlite.Connection]) -> None:
        self._conn = connection

    async def open(self, poll_id: str, cohort_id: int, closes_at: datetime) -> None:
        """Open the poll's round; nothing when it is open already (an early answer adopted
        the poll before its sender stored it: see db.quiz.adopt_pending)."""
        await self._conn().execute(
            "INSERT OR IGNORE INTO quiz_rounds (poll_id, cohort_id, closes_at) VALUES (?, ?, ?)",
            (poll_id, cohort_id, iso(closes_at)),
        )

    async def due(self, cohort_id: int, now: datetime) -> list[OpenRound]:
        """The cohort's open rounds whose time is up, oldest first."""
        rows = await self._conn().execute_fetchall(
            _ROUND + "WHERE r.cohort_id = ? AND r.closed_at IS NULL AND r.closes_at <= ? "
            "ORDER BY r.closes_at, p.sent_at", (cohort_id, iso(now)))
        return [_round(row) for row in rows]

    async def get(self, poll_id: str) -> OpenRound | None:
        row = await fetch_one(self._conn(), _ROUND + "WHERE r.poll_id = ?", (poll_id,))
        return _round(row) if row else None

    async def is_open(self, poll_id: str) -> bool:
        row = await fetch_one(self._conn(), "SELECT 1 FROM quiz_rounds WHERE poll_id = ? "
                                            "AND closed_at IS NULL", (poll_id,))
        return row is not None

    async def next_closing(self, cohort_id: int) -> datetime | None:
        row = await fetch_one(
            self._conn(), "SELECT MIN(closes_at) FROM quiz_rounds "
                          "WHERE cohort_id = ? AND closed_at IS NULL", (cohort_id,))
        return datetime.fromisoformat(str(row[0])) if row and row[0] else None

    async def close(self, poll_id: str, at: datetime) -> bool:
        """Mark the round closed; False when it already was (someone else closes it)."""
        changed = await changed_rows(
            self._conn(), "UPDATE quiz_rounds SET closed_at = ? "
                          "WHERE poll_id = ? AND closed_at IS NULL", (iso(at), poll_id))
        return changed == 1

    async def result(self, poll_id: str) -> RoundResult:
        """Everyone's answers to the poll, and the fastest right answer of a member."""
        row = await fetch_one(
            self._conn(), "SELECT COUNT(*), COALESCE(SUM(correct), 0) FROM quiz_answers "
                          "WHERE poll_id = ?", (poll_id,))
        answered, correct = (int(row[0]), int(row[1])) if row else (0, 0)
        first = await fetch_one(
            self._conn(),
            "SELECT m.display_name, m.hidden, "
            " CAST(ROUND((julianday(a.answered_at) - julianday(p.sent_at)) * 86400) AS INTEGER) "
            "FROM quiz_answers AS a JOIN quiz_polls AS p USING (poll_id) "
            "JOIN cohort_members AS m ON m.cohort_id = a.cohort_id AND m.user_id = a.user_id "
            "WHERE a.poll_id = ? AND a.correct = 1 ORDER BY a.answered_at, a.rowid LIMIT 1",
            (poll_id,))
        fastest = Fastest(str(first[0]), bool(first[1]), max(0, int(first[2]))) if first else None
        return RoundResult(answered, correct, fastest)

    # ----- scheduled posts -----------------------------------------------------------------

    async def claim_post(self, cohort_id: int, key: str, at: datetime) -> bool:
        """Record that the post is being sent; False when it was sent before."""
        changed = await changed_rows(
            self._conn(), "INSERT OR IGNORE INTO cohort_posts (cohort_id, key, posted_at) "
                          "VALUES (?, ?, ?)", (cohort_id, key, iso(at)))
        return changed == 1

    async def release_post(self, cohort_id: int, key: str) -> None:
        """Sending failed: the post may be tried again."""
        await self._conn().execute("DELETE FROM cohort_posts WHERE cohort_id = ? AND key = ?",
                                   (cohort_id, key))

    async def posted(self, cohort_id: int) -> list[str]:
        rows = await self._conn().execute_fetchall(
            "SELECT key FROM cohort_posts WHERE cohort_id = ? ORDER BY posted_at, key",
            (cohort_id,))
        return [str(row[0]) for row in rows]

    # ----- the cohort's figures ------------------------------------------------------------

    async def domain_results(self, cohort_id: int, since: datetime | None = None,
                             until: datetime | None = None,
                             user_id: int | None = None) -> list[DomainResult]:
        """Answers that counted for the cohort, by domain: everyone's or one member's."""
        rows = await self._conn().execute_fetchall(
            "SELECT domain, COUNT(*), SUM(correct) FROM quiz_answers WHERE cohort_id = :cohort "
            "AND answered_at >= :since AND answered_at < :until "
            "AND (CAST(:user AS INTEGER) IS NULL OR user_id = :user) "
            "GROUP BY domain ORDER BY domain",
            {"cohort": cohort_id, "since": iso(since) if since else "",
             "until": iso(until) if until else "~", "user": user_id})
        return [DomainResult(str(d), int(n), int(c)) for d, n, c in rows]

    async def hardest(self, cohort_id: int, since: datetime, until: datetime,
                      min_answers: int = 2) -> Hardest | None:
        """The cohort's question with the lowest share of right answers among its polls sent
        in the period (only polls with at least `min_answers` answers)."""
        row = await fetch_one(
            self._conn(),
            "SELECT p.question_id, COUNT(*), SUM(a.correct) "
            "FROM quiz_polls AS p JOIN quiz_answers AS a USING (poll_id) "
            "WHERE p.cohort_id = ? AND p.sent_at >= ? AND p.sent_at < ? "
            "GROUP BY p.poll_id HAVING COUNT(*) >= ? "
            "ORDER BY CAST(SUM(a.correct) AS REAL) / COUNT(*), COUNT(*) DESC, p.sent_at LIMIT 1",
            (cohort_id, iso(since), iso(until), min_answers))
        return Hardest(str(row[0]), int(row[1]), int(row[2])) if row else None
