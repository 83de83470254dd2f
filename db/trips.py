"""Queries in one trip to aiosqlite's thread each.

`async with conn.execute(...) as cursor: await cursor.fetchone()` costs three trips (execute,
fetch, close), each a thread hand-off of about 50 µs of CPU; these helpers cost one.
Times are stored as ISO text to the second (`iso`, `utc_now`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

import aiosqlite


def iso(moment: datetime) -> str:
    """A time as the database stores it: ISO text to the second."""
    return moment.isoformat(timespec="seconds")


def utc_now() -> str:
    return iso(datetime.now(UTC))


async def fetch_one(conn: aiosqlite.Connection, sql: str,
                    params: Iterable[Any] | dict[str, Any] = ()) -> sqlite3.Row | None:
    rows = await conn.execute_fetchall(sql, params)
    return next(iter(rows), None)


async def changed_rows(conn: aiosqlite.Connection, sql: str,
                       params: Iterable[Any] | dict[str, Any] = ()) -> int:
    """How many rows an INSERT, UPDATE or DELETE changed. The cursor is left to the garbage
    collector: closing it explicitly would be a second trip."""
    cursor = await conn.execute(sql, params)
    return cursor.rowcount


async def upsert(conn: aiosqlite.Connection, table: str, key_column: str, key: object,
                 values: dict[str, object]) -> None:
    """Insert the row of `key`, or set `values` on it when it exists; `updated_at` is now.

    `table` and the column names are the code's own constants, never user input."""
    columns = [*values, "updated_at"]
    await conn.execute(
        f"INSERT INTO {table} ({key_column}, {', '.join(columns)}) "
        f"VALUES (?, {', '.join('?' for _ in columns)}) ON CONFLICT({key_column}) DO UPDATE SET "
        + ", ".join(f"{c} = excluded.{c}" for c in columns),
        (key, *values.values(), utc_now()),
    )
