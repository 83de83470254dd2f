"""Forward-only migrations keep rows, on both engines."""

from __future__ import annotations

import asyncio
from pathlib import Path

from db import Database
from db.migrate import available_migrations, schema_version
from knowledge.profile import Profile


async def test_upgrade_from_the_first_version_keeps_rows(database_url: str) -> None:
    old = Database(database_url)
    await old.open(migrate_up_to=1)
    assert await schema_version(old._connection()) == 1
    await old.profiles.save(42, Profile(years=5, state="NJ"))
    await old.close()

    new = Database(database_url)
    await new.open()
    latest = available_migrations()[-1].version
    assert await schema_version(new._connection()) == latest
    assert await new.profiles.get(42) == Profile(years=5, state="NJ")
    await new.close()


async def test_two_processes_opening_a_new_database_migrate_it_once(database_url: str) -> None:
    first, second = Database(database_url), Database(database_url)
    await asyncio.gather(first.open(), second.open())
    try:
        latest = available_migrations()[-1].version
        assert await schema_version(first._connection()) == latest
        await first.profiles.save(1, Profile(years=1))
        assert await second.profiles.get(1) == Profile(years=1)
    finally:
        await first.close()
        await second.close()


async def test_pragmas_are_set(tmp_path: Path) -> None:
    database = Database(tmp_path / "p.sqlite3")
    await database.open()
    conn = database._connection()
    for pragma, expected in (("journal_mode", "wal"), ("foreign_keys", 1),
                             ("busy_timeout", 5000)):
        async with conn.execute(f"PRAGMA {pragma}") as cursor:
            assert (await cursor.fetchone())[0] == expected
    await database.close()
