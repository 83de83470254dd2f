"""The connection, its one writer, and the repository API the handlers use.

How writes stay exactly-once (issue 20):

- **One connection, one writer.** Everything runs on one aiosqlite connection. Reads go straight
  to it; a write first takes `_write_lock`, so at most one transaction is open and SQLite's
  own lock is never contended inside the process ("database is locked" cannot happen);
  `busy_timeout` covers other processes (a backup, the sqlite3 shell).
- **A unit per update.** `unit(update_id)` wraps the handling of one update. Its first write
  takes the lock and begins a transaction; its later writes join it. The update is marked
  handled (`processed_updates.mark`) in that transaction, which commits when the update is
  done, or earlier, when the bot is about to call the Bot API (`flush`, called by
  `bot.delivery`): the lock is never held while waiting on the network, and the effects are
  durable before any reply tells the user about them. A crash before that commit rolls every
  write back and leaves the update unmarked, so it is handled again; after it, the mark makes
  a redelivery a no-op. Writes after the first reply (rare; the quiz poll's id is the one) are
  committed at the end and covered by `quiz_pending_polls`.
- Writes outside an update (jobs, start-up) are single autocommit statements, or a
  `transaction()`, each under the same lock.

`Database("postgresql://…")` is the PostgreSQL engine instead (db.postgres: a pool, the same
units without the process-wide lock); a path or `sqlite:///path` is SQLite, described here.
"""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiosqlite

from db.cohorts import CohortRepository
from db.daily_runs import DailyRunRepository
from db.dialect import SQLITE
from db.migrate import MigrationError, migrate
from db.outbox import OutboxRepository
from db.processed_updates import ProcessedUpdateRepository
from db.profiles import ProfileRepository
from db.quiz import QuizFlagRepository, QuizRepository
from db.rounds import RoundRepository
from db.scheduling import SchedulingRepository
from db.study import StudySettingsRepository
from db.unanswered import UnansweredRepository
from db.user_data import UserDataRepository

BUSY_TIMEOUT_MS = 5000
POSTGRES_SCHEMES = ("postgresql://", "postgres://")
SQLITE_SCHEME = "sqlite:///"
DEFAULT_POOL_SIZE = 10


def is_postgres_url(target: str | Path) -> bool:
    return isinstance(target, str) and target.startswith(POSTGRES_SCHEMES)


def sqlite_path(target: str | Path) -> str:
    """The file of a SQLite target: a path, or a URL as SQLAlchemy writes them
    (`sqlite:///relative/path`, `sqlite:////absolute/path`)."""
    text = str(target)
    return text[len(SQLITE_SCHEME):] if text.startswith(SQLITE_SCHEME) else text


async def _use_wal(conn: aiosqlite.Connection) -> None:
    """`PRAGMA journal_mode = WAL`, retried for up to the busy timeout while another
    connection holds the database (a second process opening it at the same moment): SQLite
    answers that switch with "database is locked" at once, without waiting for busy_timeout."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    delay = 0.01
    while True:
        try:
            await conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() >= deadline:
                raise
        await asyncio.sleep(delay)
        delay = min(delay * 2, 0.2)


class DatabaseOpenError(RuntimeError):
    """The database could not be opened or migrated; the message is one line for operators."""


def _is_read(sql: str) -> bool:
    return sql.lstrip()[:6].upper() == "SELECT"


@dataclass(eq=False)
class _Unit:
    """The handling of one update: whether it holds the writer with a transaction begun."""

    db: Database
    update_id: int
    open: bool = False
    marked: bool = False
    finished: bool = False
    # The task handling the update. Another task that inherited the context (a JobQueue job
    # scheduled meanwhile: its timer copies the context) is not part of the update.
    task: asyncio.Task[Any] | None = field(default_factory=asyncio.current_task)


_UNIT: ContextVar[_Unit | None] = ContextVar("db_unit", default=None)


class _Gate:
    """What repositories get as their connection: reads pass, writes go through the writer."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def execute(self, sql: str, parameters: Iterable[Any] | dict[str, Any] = ()
                      ) -> aiosqlite.Cursor:
        conn = self._db._connection()
        if _is_read(sql):
            return await conn.execute(sql, parameters)
        return await self._db._write(lambda: conn.execute(sql, parameters))

    async def execute_fetchall(self, sql: str, parameters: Iterable[Any] | dict[str, Any] = ()
                               ) -> Iterable[sqlite3.Row]:
        conn = self._db._connection()
        if _is_read(sql):
            return await conn.execute_fetchall(sql, parameters)
        return await self._db._write(lambda: conn.execute_fetchall(sql, parameters))


class Database:
    """One aiosqlite connection (WAL, foreign keys, busy timeout), its writer, the repositories.

    `Database(target)` picks the engine: a `postgresql://` URL makes a
    `db.postgres.PostgresDatabase` (a pool of `pool_size`), anything else is a SQLite file."""

    dialect = SQLITE
    errors: tuple[type[BaseException], ...] = (sqlite3.Error,)  # what a failing database raises

    def __new__(cls, target: str | Path, **_options: Any) -> Database:
        if cls is Database and is_postgres_url(target):
            from db.postgres import PostgresDatabase

            return super().__new__(PostgresDatabase)
        return super().__new__(cls)

    def __init__(self, target: str | Path, *, pool_size: int = DEFAULT_POOL_SIZE) -> None:
        self.path = sqlite_path(target)
        self._conn: aiosqlite.Connection | None = None
        self._write_lock = asyncio.Lock()
        gate = self._make_gate()

        def gated() -> aiosqlite.Connection:
            return gate  # type: ignore[return-value]  # the two methods repositories use

        self.profiles = ProfileRepository(gated)
        self.unanswered = UnansweredRepository(gated)
        self.study = StudySettingsRepository(gated)
        self.quiz = QuizRepository(gated)
        self.quiz_flags = QuizFlagRepository(gated)
        self.cohorts = CohortRepository(gated)
        self.rounds = RoundRepository(gated)
        self.processed_updates = ProcessedUpdateRepository(gated)
        self.outbox = OutboxRepository(gated)
        self.daily_runs = DailyRunRepository(gated)
        self.scheduling = SchedulingRepository(gated)
        self.user_data = UserDataRepository(gated, self.transaction, self.dialect)

    def _make_gate(self) -> Any:
        return _Gate(self)

    def _connection(self) -> aiosqlite.Connection:
        if self._conn is None:
            raise RuntimeError("the database is not open")
        return self._conn

    @property
    def is_open(self) -> bool:
        return self._conn is not None

    async def open(self, *, migrate_up_to: int | None = None) -> None:
        """Connect, set the pragmas, migrate; on failure close what was opened and raise
        `DatabaseOpenError` saying what went wrong in one line."""
        try:
            if self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            conn = await aiosqlite.connect(self.path, isolation_level=None)
        except (OSError, sqlite3.Error) as error:
            raise DatabaseOpenError(f"cannot open the database at {self.path}: {error}") from error
        try:
            # First: later statements wait for another process instead of failing (the switch
            # to WAL is retried by _use_wal, as SQLite does not apply the timeout to it).
            await conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            await _use_wal(conn)
            # NORMAL in WAL mode survives a killed process; only a power loss may drop the last
            # commit.
            await conn.execute("PRAGMA synchronous = NORMAL")
            await conn.execute("PRAGMA foreign_keys = ON")
            await migrate(conn, up_to=migrate_up_to)
        except BaseException as error:
            await conn.close()  # its thread would otherwise keep the process alive
            if isinstance(error, MigrationError):
                raise DatabaseOpenError(f"database {self.path}: {error}") from error
            if isinstance(error, sqlite3.Error):
                raise DatabaseOpenError(
                    f"cannot use the database at {self.path}: {error}") from error
            raise
        self._conn = conn

    # ----- the writer ----------------------------------------------------------------------

    def _current_unit(self) -> _Unit | None:
        unit = _UNIT.get()
        mine = unit is not None and unit.db is self and not unit.finished \
            and unit.task is asyncio.current_task()
        return unit if mine else None

    async def _begin(self, unit: _Unit) -> None:
        """Take the writer for `unit` and begin its transaction (once)."""
        if unit.open:
            return
        await self._write_lock.acquire()
        try:
            await self._connection().execute("BEGIN IMMEDIATE")
        except BaseException:
            self._write_lock.release()
            raise
        unit.open = True

    async def _end(self, unit: _Unit, *, commit: bool) -> None:
        if not unit.open:
            return
        try:
            await self._connection().execute("COMMIT" if commit else "ROLLBACK")
        finally:
            unit.open = False
            self._write_lock.release()

    async def _write(self, statement: Any) -> Any:
        """Run `statement()` (a write) in the current update's transaction, or alone."""
        unit = self._current_unit()
        if unit is None:
            async with self._write_lock:
                return await statement()
        await self._begin(unit)
        return await statement()

    async def flush(self) -> None:
        """Commit the current update's writes, with its processed mark, before the bot calls
        the Bot API; nothing to do outside an update or when nothing was written."""
        unit = self._current_unit()
        if unit is None or not unit.open:
            return
        await self._commit(unit)

    async def _commit(self, unit: _Unit) -> None:
        if not unit.open and not unit.marked:
            unit.finished = True  # it wrote nothing: its mark goes alone, in one statement
        fresh = True
        if not unit.marked:
            fresh = await self.processed_updates.mark(unit.update_id)
            unit.marked = True
        # Not fresh: the same update was handled meanwhile (a concurrent redelivery).
        await self._end(unit, commit=fresh)

    def _new_unit(self, update_id: int) -> _Unit:
        return _Unit(self, update_id)

    async def _starts_fresh(self, unit: _Unit, *, known_new: bool) -> bool:
        """Whether the unit's update is to be handled (not handled before)."""
        return known_new or not await self.processed_updates.seen(unit.update_id)

    @asynccontextmanager
    async def unit(self, update_id: int, *, known_new: bool = False) -> AsyncIterator[bool]:
        """`async with db.unit(update.update_id) as fresh:` — handle the update when `fresh`
        (False: it was handled before; `known_new` skips looking, for an update the inbox has
        just taken as new). Committed with its mark at the end; rolled back, unmarked, when the
        block raises (e.g. cancelled at shutdown)."""
        unit = self._new_unit(update_id)
        token = _UNIT.set(unit)
        try:
            if not await self._starts_fresh(unit, known_new=known_new):
                yield False
                return
            yield True
            await self._commit(unit)
        except BaseException:
            await self._end(unit, commit=False)
            raise
        finally:
            unit.finished = True
            _UNIT.reset(token)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """`async with db.transaction() as conn:` — all or nothing: committed at the end, rolled
        back on error. Inside an update it is a savepoint of the update's transaction."""
        conn = self._connection()
        unit = self._current_unit()
        if unit is not None:
            await self._begin(unit)
            await conn.execute("SAVEPOINT tx")
            try:
                yield conn
            except BaseException:
                await conn.execute("ROLLBACK TO tx")
                raise
            finally:
                await conn.execute("RELEASE tx")
            return
        async with self._write_lock:
            await conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
                await conn.execute("COMMIT")
            except BaseException:
                await conn.execute("ROLLBACK")
                raise

    async def after_copy(self, conn: aiosqlite.Connection) -> None:
        """After rows were copied in with their ids (db.transfer): nothing to do on SQLite,
        whose next id follows the largest."""

    async def close(self) -> None:
        async with self._write_lock:
            if self._conn is not None:
                await self._conn.close()
            self._conn = None
