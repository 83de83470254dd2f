"""Everything stored about one user, found generically.

Convention for every feature: a row that belongs to a person has that person's Telegram id in a
column named `user_id`, or, for data of the private chat with them, in `chat_id` (a private
chat's id is the user's id; groups and channels have negative ids, so they never match).
/export and /forget discover such tables from the schema (SQLite: sqlite_master +
pragma_table_info; PostgreSQL: information_schema), so tables added by later migrations are
covered without changes here.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractAsyncContextManager

import aiosqlite

from db.dialect import COLUMNS_NAMED, TABLES
from db.trips import changed_rows

PERSON_COLUMNS = ("user_id", "chat_id")

Row = dict[str, object]
Transaction = Callable[[], AbstractAsyncContextManager[aiosqlite.Connection]]


def quoted(name: str) -> str:
    """An SQL identifier, quoted (both engines)."""
    return '"' + name.replace('"', '""') + '"'


def _where(columns: list[str]) -> str:
    return " WHERE " + " OR ".join(f"{quoted(column)} = ?" for column in columns)


async def _rows(conn: aiosqlite.Connection, sql: str, params: tuple[object, ...] = ()
                ) -> list[Row]:
    """The rows as dicts by column name, in two trips (execute, fetchall). The connection has
    no row factory, so the names come from the cursor; like `changed_rows`, the cursor is left
    to the garbage collector rather than closed in a third trip."""
    cursor = await conn.execute(sql, params)
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in await cursor.fetchall()]


class UserDataRepository:
    def __init__(self, connection: Callable[[], aiosqlite.Connection],
                 transaction: Transaction, dialect: str) -> None:
        self._conn = connection
        self._transaction = transaction
        self._dialect = dialect

    async def tables(self) -> list[str]:
        """Every table of the schema (the engine's own bookkeeping excepted), by name."""
        return [str(row["name"]) for row in await _rows(self._conn(), TABLES[self._dialect])]

    async def person_columns(self) -> dict[str, list[str]]:
        """Where a user's rows live: table → its `user_id` / `chat_id` columns (tables by name,
        columns in schema order), found in one query over every table's columns."""
        found: dict[str, list[str]] = {}
        for table, column in await self._conn().execute_fetchall(
            COLUMNS_NAMED[self._dialect].format(names=", ".join("?" for _ in PERSON_COLUMNS)),
            PERSON_COLUMNS,
        ):
            found.setdefault(str(table), []).append(str(column))
        return found

    async def rows(self, table: str, limit: int | None = None) -> list[Row]:
        if limit is None:
            return await _rows(self._conn(), f"SELECT * FROM {quoted(table)}")
        return await _rows(self._conn(), f"SELECT * FROM {quoted(table)} LIMIT ?", (limit,))

    async def export(self, user_id: int) -> dict[str, list[Row]]:
        """Every row that belongs to `user_id`, by table (tables without any are left out)."""
        found = {}
        for table, columns in (await self.person_columns()).items():
            rows = await _rows(self._conn(), f"SELECT * FROM {quoted(table)}{_where(columns)}",
                               (user_id,) * len(columns))
            if rows:
                found[table] = rows
        return found

    async def forget(self, user_id: int) -> dict[str, int]:
        """Delete every row of `user_id` in one transaction; the number deleted, by table.

        Foreign keys are checked at COMMIT, so the order of the deletes does not matter.
        """
        tables = await self.person_columns()
        deleted: dict[str, int] = {}
        async with self._transaction() as conn:
            await conn.execute("PRAGMA defer_foreign_keys = ON")
            for table, columns in tables.items():
                count = await changed_rows(conn, f"DELETE FROM {quoted(table)}{_where(columns)}",
                                           (user_id,) * len(columns))
                if count:
                    deleted[table] = count
        return deleted
