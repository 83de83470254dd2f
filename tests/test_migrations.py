"""Forward-only migrations keep rows."""

from __future__ import annotations

from pathlib import Path

from db import Database
from db.migrate import available_migrations, schema_version
from knowledge.profile import Profile


async def test_upgrade_from_the_first_version_keeps_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    old = Database(path)
    await old.open(migrate_up_to=1)
    await old.profiles.save(42, Profile(years=5, state="NJ"))
    await old.close()

    new = Database(path)
    await new.open()
    latest = available_migrations()[-1].version
    assert await schema_version(new._connection()) == latest
    assert await new.profiles.get(42) == Profile(years=5, state="NJ")
    await new.close()


async def test_pragmas_are_set(tmp_path: Path) -> None:
    database = Database(tmp_path / "p.sqlite3")
    await database.open()
    conn = database._connection()
    for pragma, expected in (("journal_mode", "wal"), ("foreign_keys", 1),
                             ("busy_timeout", 5000)):
        async with conn.execute(f"PRAGMA {pragma}") as cursor:
            assert (await cursor.fetchone())[0] == expected
    await database.close()
