"""Bot API calls kept for a later attempt, because the network or Telegram failed them."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

import aiosqlite

from db.trips import utc_now


@dataclass(frozen=True)
class PendingCall:
    id: int
    method: str
    params: dict[str, str]
    chat_id: int | None
    attempts: int


class OutboxRepository:
    def __init__(self, connection: Callable[[], aiosqlite.Connection]) -> None:
        self._conn = connection

    async def keep(self, method: str, params: dict[str, str], chat_id: int | None) -> None:
        await self._conn().execute(
            "INSERT INTO outbox (method, params, chat_id, created_at) VALUES (?, ?, ?, ?)",
            (method, json.dumps(params), chat_id, utc_now()),
        )

    async def due(self, limit: int = 100) -> list[PendingCall]:
        """The oldest kept calls first (a chat's messages then arrive in their order)."""
        rows = await self._conn().execute_fetchall(
            "SELECT id, method, params, chat_id, attempts FROM outbox ORDER BY id LIMIT ?",
            (limit,))
        return [PendingCall(int(i), str(m), json.loads(str(p)), c if c is None else int(c),
                            int(a)) for i, m, p, c, a in rows]

    async def done(self, call_id: int) -> None:
        """Sent, or refused for good: forget it."""
        await self._conn().execute("DELETE FROM outbox WHERE id = ?", (call_id,))

    async def failed_again(self, call_id: int) -> None:
        await self._conn().execute("UPDATE outbox SET attempts = attempts + 1 WHERE id = ?",
                                   (call_id,))

    async def count(self) -> int:
        rows = await self._conn().execute_fetchall("SELECT COUNT(*) FROM outbox")
        return int(next(iter(rows))[0])
