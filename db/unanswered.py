"""Unanswered questions: normalised text → how often asked and when last (no user ids)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import aiosqlite


@dataclass(frozen=True)
class UnansweredQuestion:
    question: str
    count: int
    last_seen: date


class UnansweredRepository:
    def __init__(self, connection: Callable[[], aiosqlite.Connection]) -> None:
        self._conn = connection

    async def record(self, question: str, day: date) -> None:
        """Count one more asking of `question` (committed with the update's unit: see
        db.database)."""
        await self._conn().execute(
            "INSERT INTO unanswered_questions (question, count, last_seen) VALUES (?, 1, ?) "
            "ON CONFLICT(question) DO UPDATE SET count = unanswered_questions.count + 1, "
            "last_seen = MAX(unanswered_questions.last_seen, excluded.last_seen)",
            (question, day.isoformat()),
        )

    async def top(self, limit: int = 10) -> list[UnansweredQuestion]:
        rows = await self._conn().execute_fetchall(
            "SELECT question, count, last_seen FROM unanswered_questions "
            "ORDER BY count DESC, last_seen DESC, question LIMIT ?", (limit,)
        )
        return [UnansweredQuestion(str(q), int(c), date.fromisoformat(str(d)))
                for q, c, d in rows]
