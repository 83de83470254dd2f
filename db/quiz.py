"""Quiz polls sent, the answers they received, and the flags users raised on questions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import aiosqlite

from db.trips import changed_rows, fetch_one, iso, utc_now


@dataclass(frozen=True)
class SentPoll:
    poll_id: str
    question_id: str
    chat_id: int
    message_id: int
    correct_option: int
    cohort_id: int | None


@dataclass(frozen=True)
class DomainResult:
    domain: str
    answered: int
    correct: int


class QuizRepository:
    def __init__(self, connection: Callable[[], aiosqlite.Connection]) -> None:
        self._conn = connection

    async def record_pending(self, question_id: str, chat_id: int, correct_option: int,
                             cohort_id: int | None, private: bool) -> int:
        """A poll about to be sent; its id for `record_poll` once Telegram returns the poll."""
        rows = await self._conn().execute_fetchall(
            "INSERT INTO quiz_pending_polls (question_id, chat_id, user_id, correct_option, "
            "cohort_id, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
            (question_id, chat_id, chat_id if private else None, correct_option, cohort_id,
             utc_now()),
        )
        return int(next(iter(rows))[0])

    async def record_poll(self, poll: SentPoll, private: bool, at: datetime,
                          pending_id: int | None = None) -> None:
        """Store a poll sent `at` (in place of its pending row); a private one is the
        recipient's data (found by /forget). A poll an early answer adopted meanwhile
        (`adopt_pending`) gets its message id."""
        await self._conn().execute(
            "INSERT INTO quiz_polls (poll_id, question_id, chat_id, user_id, "
            "message_id, correct_option, cohort_id, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (poll_id) DO UPDATE SET message_id = excluded.message_id "
            "WHERE quiz_polls.message_id = 0",
            (poll.poll_id, poll.question_id, poll.chat_id, poll.chat_id if private else None,
             poll.message_id, poll.correct_option, poll.cohort_id, iso(at)),
        )
        if pending_id is not None:
            await self._conn().execute("DELETE FROM quiz_pending_polls WHERE id = ?",
                                       (pending_id,))

    async def adopt_pending(self, poll_id: str, user_id: int,
                            within: timedelta = timedelta(hours=1)
                            ) -> tuple[SentPoll, datetime] | None:
        """An answer to a poll id never recorded: the bot stopped between sending a poll and
        storing its id. The poll is taken to be the newest recent pending one the user could
        see: their private chat's first, then a group's where they are a member, then any
        group's. It is recorded as sent when it was about to be (its message id unknown: 0);
        that moment is returned with it. None when there is none."""
        row = await fetch_one(
            self._conn(),
            "SELECT p.id, p.question_id, p.chat_id, p.correct_option, p.cohort_id, p.user_id, "
            "p.created_at "
            "FROM quiz_pending_polls AS p WHERE (p.chat_id = :user OR p.chat_id < 0) "
            "AND p.created_at >= :since ORDER BY p.chat_id = :user DESC, EXISTS (SELECT 1 "
            "FROM cohort_members AS m WHERE m.cohort_id = p.cohort_id AND m.user_id = :user) "
            "DESC, p.id DESC LIMIT 1",
            {"user": user_id, "since": iso(datetime.now(UTC) - within)},
        )
        if row is None:
            return None
        pending_id, question_id, chat_id, correct_option, cohort_id, recipient, created = row
        poll = SentPoll(poll_id, str(question_id), int(chat_id), 0, int(correct_option),
                        cohort_id)
        sent_at = datetime.fromisoformat(str(created))
        await self.record_poll(poll, private=recipient is not None, at=sent_at,
                               pending_id=int(pending_id))
        return poll, sent_at

    async def poll(self, poll_id: str) -> SentPoll | None:
        row = await fetch_one(
            self._conn(),
            "SELECT poll_id, question_id, chat_id, message_id, correct_option, cohort_id "
            "FROM quiz_polls WHERE poll_id = ?", (poll_id,)
        )
        return SentPoll(*row) if row else None

    async def last_sent_in_chat(self, chat_id: int) -> datetime | None:
        """When the chat's latest quiz poll was sent (UTC), or None."""
        row = await fetch_one(
            self._conn(), "SELECT MAX(sent_at) FROM quiz_polls WHERE chat_id = ?", (chat_id,))
        return datetime.fromisoformat(str(row[0])) if row and row[0] else None

    async def asked_in_chat(self, chat_id: int) -> dict[str, int]:
        """How often each question was posted in a chat (a private chat is the user's)."""
        rows = await self._conn().execute_fetchall(
            "SELECT question_id, COUNT(*) FROM quiz_polls WHERE chat_id = ? GROUP BY question_id",
            (chat_id,),
        )
        return {str(qid): int(count) for qid, count in rows}

    async def asked_to_user(self, user_id: int) -> dict[str, int]:
        """How often the user met each question: sent to them privately or answered anywhere."""
        rows = await self._conn().execute_fetchall(
            "SELECT question_id, COUNT(*) FROM ("
            " SELECT poll_id, question_id FROM quiz_polls WHERE user_id = :user"
            " UNION SELECT poll_id, question_id FROM quiz_answers WHERE user_id = :user"
            ") AS met GROUP BY question_id",
            {"user": user_id},
        )
        return {str(qid): int(count) for qid, count in rows}

    async def record_answer(self, user_id: int, poll: SentPoll, domain: str, correct: bool,
                            cohort_id: int | None, at: datetime) -> bool:
        """Store the answer once; False when this user's answer to the poll was already kept."""
        changed = await changed_rows(
            self._conn(),
            "INSERT OR IGNORE INTO quiz_answers (user_id, poll_id, question_id, domain, correct, "
            "cohort_id, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (user_id, poll.poll_id, poll.question_id, domain, int(correct), cohort_id,
             iso(at)),
        )
        return changed == 1

    async def has_answered(self, user_id: int, poll_id: str) -> bool:
        row = await fetch_one(self._conn(), "SELECT 1 FROM quiz_answers WHERE user_id = ? "
                                            "AND poll_id = ?", (user_id, poll_id))
        return row is not None

    async def results_by_domain(self, user_id: int) -> list[DomainResult]:
        rows = await self._conn().execute_fetchall(
            "SELECT domain, COUNT(*), SUM(correct) FROM quiz_answers WHERE user_id = ? "
            "GROUP BY domain ORDER BY domain", (user_id,)
        )
        return [DomainResult(str(d), int(n), int(c)) for d, n, c in rows]

    async def answer_times(self, user_id: int) -> list[datetime]:
        rows = await self._conn().execute_fetchall(
            "SELECT answered_at FROM quiz_answers WHERE user_id = ?", (user_id,)
        )
        return [datetime.fromisoformat(str(row[0])) for row in rows]


@dataclass(frozen=True)
class FlagSummary:
    question_id: str
    flags: int
    latest_reason: str
    latest_at: str


class QuizFlagRepository:
    def __init__(self, connection: Callable[[], aiosqlite.Connection]) -> None:
        self._conn = connection

    async def add(self, question_id: str, user_id: int, reason: str) -> None:
        """Flag a question; a user's second report on it replaces the reason."""
        await self._conn().execute(
            "INSERT INTO quiz_flags (question_id, user_id, reason, created_at) "
            "VALUES (?, ?, ?, ?) ON CONFLICT(question_id, user_id) DO UPDATE SET "
            "reason = excluded.reason, created_at = excluded.created_at",
            (question_id, user_id, reason, utc_now()),
        )

    async def top(self, limit: int = 10) -> list[FlagSummary]:
        """The most-flagged questions, most recent reason first among equals."""
        rows = await self._conn().execute_fetchall(
            "SELECT question_id, COUNT(*) AS flags, "
            " (SELECT reason FROM quiz_flags AS latest WHERE latest.question_id = f.question_id"
            "  ORDER BY created_at DESC, id DESC LIMIT 1), MAX(created_at) "
            "FROM quiz_flags AS f GROUP BY question_id "
            "ORDER BY flags DESC, MAX(created_at) DESC LIMIT ?", (limit,)
        )
        return [FlagSummary(str(q), int(n), str(r), str(at)) for q, n, r, at in rows]
