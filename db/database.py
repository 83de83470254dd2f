"""The connection and the repository API the handlers use."""

from __future__ import annotations

from pathlib import Path

import aiosqlite

from db.cohorts import CohortRepository
from db.migrate import migrate
from db.profiles import ProfileRepository
from db.quiz import QuizFlagRepository, QuizRepository
from db.study import StudySettingsRepository


class Database:
    """One aiosqlite connection (WAL, foreign keys, busy timeout) and the repositories on it."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._conn: aiosqlite.Connection | None = None
        self.profiles = ProfileRepository(self._connection)
        self.study = StudySettingsRepository(self._connection)
        self.quiz = QuizRepository(self._connection)
        self.quiz_flags = QuizFlagRepository(self._connection)
        self.cohorts = CohortRepository(self._connection)

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
        conn = await aiosqlite.connect(self.path, isolation_level=None)
        await conn.execute("PRAGMA journal_mode = WAL")
        # NORMAL in WAL mode survives a killed process; only a power loss may drop the last commit.
        await conn.execute("PRAGMA synchronous = NORMAL")
        await conn.execute("PRAGMA foreign_keys = ON")
        await conn.execute("PRAGMA busy_timeout = 5000")
        await migrate(conn, up_to=migrate_up_to)
        self._conn = conn

    async def close(self) -> None:
        if self._conn is not None:
            await self._conn.close()
            self._conn = None
