"""The PostgreSQL engine (asyncpg): the same repositories and units as SQLite's, on a pool.

`DATABASE_URL=postgresql://…` selects it (`Database(url)` makes one of these). What changes
against the SQLite engine (db.database):

- **A bounded pool instead of one connection.** Reads outside a transaction take any pooled
  connection; a write outside one is a single autocommit statement. No process-wide writer
  lock: PostgreSQL's row locks order concurrent writers, in this process and in other replicas.
- **A unit claims its update first.** `unit(update_id)` takes a pooled connection, begins a
  transaction and inserts the processed mark (`INSERT … ON CONFLICT DO NOTHING`, a unique key)
  before the handler runs. A replica handling the same update meanwhile holds that key
  uncommitted: this insert waits for it, and once it committed finds the key taken, rolls back
  and skips the update (False), so two replicas apply an update once and answer it once.
  The unit's writes share the mark's transaction, on the same connection, and commit with it
  at the end or at `flush`, before the bot calls the Bot API; the connection goes back to the
  pool then. Writes after the first reply begin a second transaction, committed at the end.
- A statement that fails inside a unit aborts PostgreSQL's transaction (SQLite only fails the
  statement): the unit's writes are rolled back, and the mark is claimed again when the unit
  ends, as the handler's error was answered (error handler) and must not run twice.
- `transaction()` is a transaction on one pooled connection (a savepoint inside a unit or
  another transaction); repository calls made inside the block use that connection too.
- Lost connections: the pool replaces a closed connection when it is next acquired, so the
  bot recovers by itself once the server is back; statements fail (health says so) meanwhile.

Every statement is written in SQLite's dialect and rewritten by db.dialect.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterable, Mapping
from contextlib import asynccontextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import asyncpg

from db.database import (
    DEFAULT_POOL_SIZE,
    Database,
    DatabaseOpenError,
    _is_read,
    _Unit,
)
from db.dialect import (
    CREATE_VERSION_TABLE,
    IDENTITY_COLUMNS,
    POSTGRESQL,
    changed_count,
    positional,
    to_postgres,
)
from db.migrate import MigrationError, migrate
from db.user_data import quoted

CONNECT_TIMEOUT = 10.0  # seconds to open one connection (a lost server fails, never hangs)
COMMAND_TIMEOUT = 60.0
# Held while migrating: replicas starting together migrate one after the other.
MIGRATION_LOCK = 0x45_48_52_43  # "EHRC"
ERRORS = (asyncpg.PostgresError, asyncpg.InterfaceError, OSError, asyncio.TimeoutError)


def describe(url: str) -> str:
    """The URL without its password, for messages and logs."""
    parts = urlsplit(url)
    host = parts.hostname or "localhost"
    port = f":{parts.port}" if parts.port else ""
    user = f"{parts.username}@" if parts.username else ""
    return f"postgresql://{user}{host}{port}{parts.path}"


class Cursor:
    """What `execute` returns: the rows fetched, `rowcount`, and the column names."""

    def __init__(self, rows: list[asyncpg.Record], rowcount: int) -> None:
        self._rows = rows
        self.rowcount = rowcount

    @property
    def description(self) -> list[tuple[str, None, None, None, None, None, None]]:
        names = list(self._rows[0].keys()) if self._rows else []
        return [(name, None, None, None, None, None, None) for name in names]

    async def fetchall(self) -> list[asyncpg.Record]:
        return self._rows

    async def fetchone(self) -> asyncpg.Record | None:
        return self._rows[0] if self._rows else None


class Connection:
    """aiosqlite's `execute` / `execute_fetchall`, over an asyncpg connection or the pool:
    each statement is rewritten for PostgreSQL (db.dialect) and its parameters ordered."""

    dialect = POSTGRESQL

    def __init__(self, target: asyncpg.Connection | asyncpg.Pool) -> None:
        self._target = target

    async def execute(self, sql: str, parameters: Iterable[Any] | Mapping[str, Any] = ()
                      ) -> Cursor:
        statement = to_postgres(sql)
        arguments = positional(statement, parameters)
        if statement.returns_rows:
            rows = await self._target.fetch(statement.sql, *arguments)
            return Cursor(rows, len(rows))
        status = await self._target.execute(statement.sql, *arguments)
        return Cursor([], changed_count(status))

    async def execute_fetchall(self, sql: str,
                               parameters: Iterable[Any] | Mapping[str, Any] = ()
                               ) -> list[asyncpg.Record]:
        return await (await self.execute(sql, parameters)).fetchall()

    async def executemany(self, sql: str, rows: Iterable[Iterable[Any]]) -> None:
        statement = to_postgres(sql)
        await self._target.executemany(statement.sql, [list(row) for row in rows])


@dataclass(eq=False)
class Held:
    """A pooled connection a task holds with a transaction begun (a unit's or a block's)."""

    connection: asyncpg.Connection
    savepoints: int = 0


# The transaction block open in this context: its owner (the Database), the task that opened
# it (a JobQueue job started meanwhile copies the context, but is not part of the block).
_BLOCK: ContextVar[tuple[object, asyncio.Task[Any] | None, Held] | None] = ContextVar(
    "pg_transaction", default=None)


async def begin(pool: asyncpg.Pool) -> Held:
    connection = await pool.acquire()
    try:
        await connection.execute("BEGIN")
    except BaseException:
        await pool.release(connection)
        raise
    return Held(connection)


async def end(pool: asyncpg.Pool, held: Held, *, commit: bool) -> None:
    """Commit or roll back, and give the connection back (closed ones are replaced later)."""
    try:
        if not held.connection.is_closed():
            await held.connection.execute("COMMIT" if commit else "ROLLBACK")
        elif commit:  # nothing was committed: say so (the update stays unmarked)
            raise asyncpg.ConnectionDoesNotExistError("the connection was lost before COMMIT")
    finally:
        await pool.release(held.connection)


@asynccontextmanager
async def savepoint(held: Held) -> AsyncIterator[Connection]:
    held.savepoints += 1
    name = f"tx{held.savepoints}"
    await held.connection.execute(f"SAVEPOINT {name}")
    try:
        yield Connection(held.connection)
    except BaseException:
        if not held.connection.is_closed():
            await held.connection.execute(f"ROLLBACK TO {name}")
        raise
    else:
        await held.connection.execute(f"RELEASE {name}")
    finally:
        held.savepoints -= 1


async def _keep_session(connection: asyncpg.Connection) -> None:
    """What a connection goes back to the pool with: nothing to undo. The bot sets no session
    state (no SET, LISTEN or cursor; the migration lock is released explicitly) and asyncpg
    rolls back a transaction left open itself, so the default reset query, one more round
    trip per statement outside a transaction, is skipped."""


async def open_pool(url: str, size: int, migrate_up_to: int | None = None) -> asyncpg.Pool:
    """The pool, with the schema migrated (under an advisory lock: one replica at a time)."""
    pool = await asyncpg.create_pool(url, min_size=1, max_size=size, timeout=CONNECT_TIMEOUT,
                                     command_timeout=COMMAND_TIMEOUT, reset=_keep_session)
    try:
        async with pool.acquire() as connection:
            await connection.execute("SELECT pg_advisory_lock($1)", MIGRATION_LOCK)
            try:
                await connection.execute(CREATE_VERSION_TABLE)
                await migrate(Connection(connection), up_to=migrate_up_to,  # type: ignore[arg-type]
                              errors=(asyncpg.PostgresError,))
            finally:
                await connection.execute("SELECT pg_advisory_unlock($1)", MIGRATION_LOCK)
    except BaseException:
        await pool.close()
        raise
    return pool


def block_of(owner: object) -> Held | None:
    """The transaction block the current task has open on `owner`'s pool, if any."""
    block = _BLOCK.get()
    if block is None or block[0] is not owner or block[1] is not asyncio.current_task():
        return None
    return block[2]


@asynccontextmanager
async def transaction_block(owner: object, pool: asyncpg.Pool) -> AsyncIterator[Connection]:
    """A transaction on one pooled connection, which the task's repository calls use too."""
    held = await begin(pool)
    token = _BLOCK.set((owner, asyncio.current_task(), held))
    try:
        yield Connection(held.connection)
    except BaseException:
        await end(pool, held, commit=False)
        raise
    else:
        await end(pool, held, commit=True)
    finally:
        _BLOCK.reset(token)


@dataclass(eq=False)
class _PgUnit(_Unit):
    held: Held | None = None


class _Gate:
    """The repositories' connection: the statement runs in the task's transaction (a block's,
    or its unit's: a unit's write begins it), else on any pooled connection."""

    def __init__(self, db: PostgresDatabase) -> None:
        self._db = db

    async def execute(self, sql: str, parameters: Iterable[Any] | Mapping[str, Any] = ()
                      ) -> Cursor:
        return await self._db._run(sql, parameters)

    async def execute_fetchall(self, sql: str,
                               parameters: Iterable[Any] | Mapping[str, Any] = ()
                               ) -> list[asyncpg.Record]:
        return await (await self._db._run(sql, parameters)).fetchall()


class PostgresDatabase(Database):
    """The repositories on a bounded asyncpg pool (see the module docstring)."""

    dialect = POSTGRESQL
    errors = ERRORS

    def __init__(self, target: str | Path, *, pool_size: int = DEFAULT_POOL_SIZE) -> None:
        self.url = str(target)
        self.pool_size = pool_size
        self._pool: asyncpg.Pool | None = None
        super().__init__(describe(self.url), pool_size=pool_size)

    def _make_gate(self) -> Any:
        return _Gate(self)

    def _pool_or_fail(self) -> asyncpg.Pool:
        if self._pool is None:
            raise RuntimeError("the database is not open")
        return self._pool

    def _connection(self) -> Connection:  # type: ignore[override]
        return Connection(self._pool_or_fail())

    @property
    def is_open(self) -> bool:
        return self._pool is not None

    async def open(self, *, migrate_up_to: int | None = None) -> None:
        try:
            self._pool = await open_pool(self.url, self.pool_size, migrate_up_to)
        except MigrationError as error:
            raise DatabaseOpenError(f"database {self.path}: {error}") from error
        except (*ERRORS, ValueError) as error:
            reason = " ".join(str(error).split()) or type(error).__name__
            raise DatabaseOpenError(f"cannot open the database at {self.path}: {reason}"
                                    ) from error

    async def after_copy(self, conn: Connection) -> None:  # type: ignore[override]
        """Move each identity column's sequence past the ids copied in (db.transfer)."""
        for table, column in await conn.execute_fetchall(IDENTITY_COLUMNS):
            await conn.execute(
                f"SELECT setval(pg_get_serial_sequence(?, ?), MAX({quoted(column)})) "
                f"FROM {quoted(table)} HAVING MAX({quoted(column)}) IS NOT NULL",
                (quoted(table), column))

    async def close(self) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            await pool.close()

    # ----- where a statement runs -------------------------------------------------------------

    async def _run(self, sql: str, parameters: Iterable[Any] | Mapping[str, Any]) -> Cursor:
        held = block_of(self)
        if held is not None:
            return await Connection(held.connection).execute(sql, parameters)
        unit = self._current_unit()
        if unit is None or (unit.held is None and _is_read(sql)):  # type: ignore[attr-defined]
            return await Connection(self._pool_or_fail()).execute(sql, parameters)
        await self._begin(unit)
        held = unit.held  # type: ignore[attr-defined]
        try:
            return await Connection(held.connection).execute(sql, parameters)
        except asyncpg.PostgresError:
            if held.savepoints == 0:  # the transaction is aborted: start the unit again
                await self._end(unit, commit=False)
                unit.marked = False
            raise

    # ----- units -----------------------------------------------------------------------------

    async def _begin(self, unit: _Unit) -> None:
        assert isinstance(unit, _PgUnit)
        if unit.held is None:
            unit.held = await begin(self._pool_or_fail())
            unit.open = True

    async def _end(self, unit: _Unit, *, commit: bool) -> None:
        assert isinstance(unit, _PgUnit)
        held, unit.held = unit.held, None
        unit.open = False
        if held is not None:
            await end(self._pool_or_fail(), held, commit=commit)

    async def _claim(self, unit: _Unit) -> bool:
        """Begin the unit's transaction with its processed mark; False (rolled back) when the
        update was handled already, here or by another replica (waiting for one handling it)."""
        await self._begin(unit)
        fresh = await self.processed_updates.mark(unit.update_id)
        unit.marked = True
        if not fresh:
            await self._end(unit, commit=False)
        return fresh

    async def _commit(self, unit: _Unit) -> None:
        if not unit.marked and not await self._claim(unit):
            return
        await self._end(unit, commit=True)

    async def flush(self) -> None:
        unit = self._current_unit()
        if unit is not None and (unit.open or not unit.marked):
            await self._commit(unit)

    def _new_unit(self, update_id: int) -> _Unit:
        return _PgUnit(self, update_id)

    async def _starts_fresh(self, unit: _Unit, *, known_new: bool) -> bool:
        """The update is claimed first: False when it was handled before (`known_new` changes
        nothing here: the claim is the check)."""
        return await self._claim(unit)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Connection]:  # type: ignore[override]
        held = block_of(self)
        unit = self._current_unit()
        if held is None and unit is not None:
            await self._begin(unit)
            held = unit.held  # type: ignore[attr-defined]
        if held is not None:
            async with savepoint(held) as connection:
                yield connection
            return
        async with transaction_block(self, self._pool_or_fail()) as connection:
            yield connection
