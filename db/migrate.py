"""Forward-only migrations: numbered SQL files applied in order, tracked in PRAGMA user_version.

The files are written in SQLite's dialect; on PostgreSQL the connection rewrites each statement
(db.dialect: PRAGMA user_version is a table there, BEGIN IMMEDIATE a BEGIN).

Each migration runs in its own `BEGIN IMMEDIATE` transaction, which re-reads the version first:
two processes starting on one database cannot both apply a migration, and a failed migration
leaves the database as it was and raises `MigrationError` with a one-line reason.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import aiosqlite

from db.trips import fetch_one

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


class MigrationError(RuntimeError):
    """A migration could not be applied; the message is one line naming it and the reason."""


@dataclass(frozen=True)
class Migration:
    version: int
    path: Path


def available_migrations(directory: Path = MIGRATIONS_DIR) -> list[Migration]:
    migrations = []
    for path in directory.iterdir():
        match = _NAME.match(path.name)
        if match:
            migrations.append(Migration(int(match.group(1)), path))
    migrations.sort(key=lambda migration: migration.version)
    versions = [migration.version for migration in migrations]
    if len(set(versions)) != len(versions):
        raise RuntimeError(f"two migrations share a number in {directory}")
    return migrations


def statements(script: str) -> Iterator[str]:
    """The script's statements one by one (`executescript` would commit our transaction)."""
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            yield buffer.strip()
            buffer = ""
    rest = "\n".join(line for line in buffer.splitlines()
                     if line.strip() and not line.strip().startswith("--"))
    if rest:
        yield rest


async def schema_version(conn: aiosqlite.Connection) -> int:
    row = await fetch_one(conn, "PRAGMA user_version")
    return int(row[0]) if row else 0


async def _apply(conn: aiosqlite.Connection, migration: Migration) -> None:
    await conn.execute("BEGIN IMMEDIATE")
    try:
        if await schema_version(conn) < migration.version:  # not applied meanwhile elsewhere
            for statement in statements(migration.path.read_text()):
                await conn.execute(statement)
            await conn.execute(f"PRAGMA user_version = {migration.version}")
        await conn.execute("COMMIT")
    except BaseException:
        await conn.execute("ROLLBACK")
        raise


async def migrate(conn: aiosqlite.Connection, up_to: int | None = None, *,
                  errors: tuple[type[BaseException], ...] = (sqlite3.Error,)) -> int:
    """Apply every migration newer than the database, each in its own transaction; `errors`
    are the engine's (reported as `MigrationError`)."""
    for migration in available_migrations():
        if up_to is not None and migration.version > up_to:
            break
        if migration.version <= await schema_version(conn):
            continue
        try:
            await _apply(conn, migration)
        except errors as error:
            reason = " ".join(str(error).split())
            raise MigrationError(f"migration {migration.path.name} failed: {reason}") from error
    return await schema_version(conn)
