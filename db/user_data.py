"""Everything stored about one user, found generically.

Convention for every feature: a row that belongs to a person has that person's Telegram id in a
column named `user_id`. /export and /forget discover such tables from the schema
(sqlite_master + PRAGMA table_info), so tables added by later migrations are covered without
changes here.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager

import aiosqlite

USER_COLUMN = "user_id"

Row = dict[str, object]
Transaction = Callable[[], AbstractAsyncContextManager[aiosqlite.Connection]]


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


async def _rows(conn: aiosqlite.Connection, sql: str, params: tuple[object, ...] = ()
                ) -> AsyncIterator[Row]:
    async with conn.execute(sql, params) as cursor:
        names = [column[0] for column in cursor.description]
        async for row in cursor:
            yield dict(zip(names, row, strict=True))


class UserDataRepository:
    def __init__(self, connection: Callable[[], aiosqlite.Connection],
                 transaction: Transaction) -> None:
        self._conn = connection
        self._transaction = transaction

    async def tables(self) -> list[str]:
        """Every table of the schema (SQLite's internal ones excepted), by name."""
        return [str(row["name"]) async for row in _rows(
            self._conn(), "SELECT name FROM sqlite_master "
                          "WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]

    async def columns(self, table: str) -> list[str]:
        return [str(row["name"]) async for row in _rows(
            self._conn(), f"PRAGMA table_info({_quoted(table)})")]

    async def user_tables(self) -> list[str]:
        """The tables with a `user_id` column: where a user's rows live."""
        return [table for table in await self.tables()
                if USER_COLUMN in await self.columns(table)]

    async def rows(self, table: str, user_id: int | None = None) -> list[Row]:
        """All rows of `table` (in rowid order when it has one), or only those of `user_id`."""
        where, params = ("", ()) if user_id is None else (f" WHERE {USER_COLUMN} = ?", (user_id,))
        return [row async for row in _rows(
            self._conn(), f"SELECT * FROM {_quoted(table)}{where}", params)]

    async def export(self, user_id: int) -> dict[str, list[Row]]:
        """Every row that belongs to `user_id`, by table (tables without any are left out)."""
        found = {table: await self.rows(table, user_id) for table in await self.user_tables()}
        return {table: rows for table, rows in found.items() if rows}

    async def forget(self, user_id: int) -> dict[str, int]:
        """Delete every row of `user_id` in one transaction; the number deleted, by table.

        Foreign keys are checked at COMMIT, so the order of the deletes does not matter.
        """
        tables = await self.user_tables()
        deleted: dict[str, int] = {}
        async with self._transaction() as conn:
            await conn.execute("PRAGMA defer_foreign_keys = ON")
            for table in tables:
                cursor = await conn.execute(
                    f"DELETE FROM {_quoted(table)} WHERE {USER_COLUMN} = ?", (user_id,))
                if cursor.rowcount:
                    deleted[table] = cursor.rowcount
                await cursor.close()
        return deleted
