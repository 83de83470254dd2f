"""Copy every row of one database into another, empty one: `ehr-coach migrate-data SOURCE
TARGET`, e.g. from the SQLite file to PostgreSQL when the bot outgrows one process.

Both are opened as the bot opens them (so both are migrated to the current schema first); the
copy is one transaction on the target (all or nothing), with foreign keys checked at its
commit, so the order of the tables does not matter. A target holding any row is refused.
The source should not change meanwhile: stop the bot first.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from db.database import Database, is_postgres_url, sqlite_path
from db.user_data import quoted


class TransferError(RuntimeError):
    """The copy was refused or failed; the message is one line, and the target is unchanged."""


@dataclass(frozen=True)
class TransferResult:
    rows: dict[str, int]  # table -> rows copied

    @property
    def total(self) -> int:
        return sum(self.rows.values())


async def _refuse_unless_empty(target: Database, tables: list[str]) -> None:
    for table in tables:
        if await target.user_data.rows(table, limit=1):
            raise TransferError(f"the target database is not empty (table {table} has rows); "
                                "migrate-data only fills an empty database")


async def copy_rows(source: Database, target: Database) -> TransferResult:
    """Copy every table's rows from `source` into the empty `target` (both open)."""
    tables = await source.user_data.tables()
    missing = sorted(set(tables) - set(await target.user_data.tables()))
    if missing:
        raise TransferError(f"the target has no table {', '.join(missing)}: not the same schema")
    await _refuse_unless_empty(target, tables)
    copied: dict[str, int] = {}
    async with target.transaction() as conn:
        await conn.execute("PRAGMA defer_foreign_keys = ON")
        for table in tables:
            rows = await source.user_data.rows(table)
            if not rows:
                continue
            columns = list(rows[0])
            await conn.executemany(
                f"INSERT INTO {quoted(table)} ({', '.join(map(quoted, columns))}) "
                f"VALUES ({', '.join('?' for _ in columns)})",
                [tuple(row[column] for column in columns) for row in rows])
            copied[table] = len(rows)
        await target.after_copy(conn)
    return TransferResult(copied)


async def migrate_data(source: str | Path, target: str) -> TransferResult:
    """Open both databases, copy, close them."""
    if str(source) == str(target):
        raise TransferError("the source and the target are the same database")
    if not is_postgres_url(source) and not Path(sqlite_path(source)).is_file():
        raise TransferError(f"no SQLite database at {source}")
    from_db, to_db = Database(source), Database(target)
    await from_db.open()
    try:
        await to_db.open()
        try:
            return await copy_rows(from_db, to_db)
        finally:
            await to_db.close()
    finally:
        await from_db.close()
