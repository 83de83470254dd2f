"""Forward-only migrations: numbered SQL files applied in order, tracked in PRAGMA user_version."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import aiosqlite

from db.trips import fetch_one

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


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


async def schema_version(conn: aiosqlite.Connection) -> int:
    row = await fetch_one(conn, "PRAGMA user_version")
    return int(row[0]) if row else 0


async def migrate(conn: aiosqlite.Connection, up_to: int | None = None) -> int:
    """Apply every migration newer than the database, each in its own transaction."""
    current = await schema_version(conn)
    for migration in available_migrations():
        if migration.version <= current or (up_to is not None and migration.version > up_to):
            continue
        script = migration.path.read_text()
        await conn.executescript(
            f"BEGIN;\n{script}\nPRAGMA user_version = {migration.version};\nCOMMIT;"
        )
        current = migration.version
    return current
