"""Everything stored about one user, found generically.

Convention for every feature: a row that belongs to a person has that person's Telegram id in a
column named `user_id`, or, for data of the private chat with them, in `chat_id` (a private
chat's id is the user's id; groups and channels have negative ids, so they never match).
/export and /forget discover such tables from the schema (sqlite_master + pragma_table_info),
so tables added by later migrations are covered without changes here.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractAsyncContextManager

import aiosqlite

from db.trips import changed_rows

PERSON_COLUMNS = ("user_id", "chat_id")

Row = dict[str, object]
Transaction = Callable[[], AbstractAsyncContextManager[aiosqlite.Connection]]


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _where(columns: list[str]) -> str:
    return " WHERE " + " OR ".join(f"{_quoted(column)} = ?" for column in columns)


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
                 transaction: Transaction) -> None:
        self._conn = connection
        self._transaction = transaction

    async def tables(self) -> list[str]:
        """Every table of the schema (SQLite's internal ones excepted), by name."""
        return [str(row["name"]) for row in await _rows(
            self._conn(), "SELECT name FROM sqlite_master "
                          "WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]

    async def person_columns(self) -> dict[str, list[str]]:
        """Where a user's rows live: table → its `user_id` / `chat_id` columns (tables by name,
        columns in schema order), found in one query over every table's columns."""
        found: dict[str, list[str]] = {}
        for table, column in await self._conn().execute_fetchall(
            "SELECT m.name, p.name FROM sqlite_master AS m, pragma_table_info(m.name) AS p "
            "WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' "
            f"AND p.name IN ({', '.join('?' for _ in PERSON_COLUMNS)}) ORDER BY m.name, p.cid",
            PERSON_COLUMNS,
        ):
            found.setdefault(str(table), []).append(str(column))
        return found

    async def rows(self, table: str) -> list[Row]:
        return await _rows(self._conn(), f"SELECT * FROM {_quoted(table)}")

    async def export(self, user_id: int) -> dict[str, list[Row]]:
        """Every row that belongs to `user_id`, by table (tables without any are left out)."""
        found = {}
        for table, columns in (await self.person_columns()).items():
            rows = await _rows(self._conn(), f"SELECT * FROM {_quoted(table)}{_where(columns)}",
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
                count = await changed_rows(conn, f"DELETE FROM {_quoted(table)}{_where(columns)}",
                                           (user_id,) * len(columns))
                if count:
                    deleted[table] = count
        return deleted
