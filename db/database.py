"""The connection and the repository API the handlers use."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import aiosqlite

from db.cohorts import CohortRepository
from db.migrate import migrate
from db.processed_updates import ProcessedUpdateRepository
from db.profiles import ProfileRepository
from db.quiz import QuizFlagRepository, QuizRepository
from db.rounds import RoundRepository
from db.study import StudySettingsRepository
from db.unanswered import UnansweredRepository
from db.user_data import UserDataRepository


async def _connect(path: str) -> aiosqlite.Connection:
    conn = await aiosqlite.connect(path, isolation_level=None)
    await conn.execute("PRAGMA journal_mode = WAL")
    # NORMAL in WAL mode survives a killed process; only a power loss may drop the last commit.
    await conn.execute("PRAGMA synchronous = NORMAL")
    await conn.execute("PRAGMA foreign_keys = ON")
    await conn.execute("PRAGMA busy_timeout = 5000")
    return conn


class Database:
    """One aiosqlite connection (WAL, foreign keys, busy timeout) and the repositories on it.

    Multi-statement changes go through `transaction()`, which runs on a second connection of
    its own: statements other coroutines send meanwhile on the shared connection can then
    neither slip into the transaction nor be rolled back with it.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._conn: aiosqlite.Connection | None = None
        self._writer: aiosqlite.Connection | None = None
        self._writer_lock = asyncio.Lock()
        self.profiles = ProfileRepository(self._connection)
        self.unanswered = UnansweredRepository(self._connection)
        self.study = StudySettingsRepository(self._connection)
        self.quiz = QuizRepository(self._connection)
        self.quiz_flags = QuizFlagRepository(self._connection)
        self.cohorts = CohortRepository(self._connection)
        self.rounds = RoundRepository(self._connection)
        self.processed_updates = ProcessedUpdateRepository(self._connection)
        self.user_data = UserDataRepository(self._connection, self.transaction)

    def _connection(self) -> aiosqlite.Connection:
        if self._conn is None:
            raise RuntimeError("the database is not open")
        return self._conn

    @property
    def is_open(self) -> bool:
        return self._conn is not None

    async def open(self, *, migrate_up_to: int | None = None) -> None:
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        conn = await _connect(self.path)
        await migrate(conn, up_to=migrate_up_to)
        self._conn = conn

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """`async with db.transaction() as conn:` — committed at the end, rolled back on error."""
        async with self._writer_lock:
            if self._writer is None:
                # An in-memory database exists only on its own connection.
                self._writer = self._connection() if self.path == ":memory:" \
                    else await _connect(self.path)
            writer = self._writer
            await writer.execute("BEGIN IMMEDIATE")
            try:
                yield writer
                await writer.execute("COMMIT")
            except BaseException:
                await writer.execute("ROLLBACK")
                raise

    async def close(self) -> None:
        async with self._writer_lock:
            for conn in {id(c): c for c in (self._writer, self._conn) if c is not None}.values():
                await conn.close()
            self._writer = self._conn = None
