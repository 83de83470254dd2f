"""/export and /forget at the database level: every table with a user_id column is covered."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from db import Database
from knowledge.profile import Profile


@pytest.fixture
async def db(database_url: str):  # type: ignore[no-untyped-def]
    database = Database(database_url)
    await database.open()
    # Tables a later feature might add: a child table with a foreign key, and one without.
    async with database.transaction() as conn:
        await conn.execute("CREATE TABLE zz_groups (id INTEGER PRIMARY KEY, name TEXT)")
        await conn.execute("CREATE TABLE zz_members (cohort_id INTEGER REFERENCES zz_groups(id),"
                           " user_id INTEGER REFERENCES profiles(user_id), joined TEXT)")
        await conn.execute("INSERT INTO zz_groups VALUES (1, 'Spring')")
        # Keyed by chat: a private chat's id is its user's id; a group's is negative.
        await conn.execute("CREATE TABLE zz_reminders (chat_id INTEGER, at TEXT)")
        await conn.execute("INSERT INTO zz_reminders VALUES (1, '08:00'), (-100, '09:00')")
    yield database
    await database.close()


async def _add_member(db: Database, user_id: int) -> None:
    async with db.transaction() as conn:
        await conn.execute("INSERT INTO zz_members VALUES (1, ?, 'today')", (user_id,))


async def test_tables_with_user_id_are_discovered(db: Database) -> None:
    tables = await db.user_data.person_columns()
    assert tables["profiles"] == ["user_id"] and tables["zz_reminders"] == ["chat_id"]
    assert tables["zz_members"] == ["user_id"] and "zz_groups" not in tables


async def test_export_collects_only_that_users_rows(db: Database) -> None:
    await db.profiles.save(1, Profile(years=2))
    await db.profiles.save(2, Profile(years=9))
    await _add_member(db, 1)
    exported = await db.user_data.export(1)
    assert set(exported) == {"profiles", "zz_members", "zz_reminders"}
    assert exported["zz_reminders"] == [{"chat_id": 1, "at": "08:00"}]
    assert exported["profiles"][0]["years"] == 2
    assert exported["zz_members"] == [{"cohort_id": 1, "user_id": 1, "joined": "today"}]
    assert await db.user_data.export(3) == {}


async def test_forget_deletes_every_row_of_the_user_despite_foreign_keys(db: Database) -> None:
    for user_id in (1, 2):
        await db.profiles.save(user_id, Profile(years=user_id))
        await _add_member(db, user_id)
    # zz_members rows reference profiles, which come first: this only works deferred.
    assert await db.user_data.forget(1) == {"profiles": 1, "zz_members": 1, "zz_reminders": 1}
    for table in await db.user_data.tables():
        rows = await db.user_data.rows(table)
        assert all(1 not in (row.get("user_id"), row.get("chat_id")) for row in rows), table
    assert await db.user_data.rows("zz_reminders") == [{"chat_id": -100, "at": "09:00"}]
    assert await db.profiles.get(2) == Profile(years=2)
    assert await db.user_data.rows("zz_groups") == [{"id": 1, "name": "Spring"}]


async def test_a_failing_transaction_changes_nothing(db: Database) -> None:
    await db.profiles.save(1, Profile(years=2))
    with pytest.raises(RuntimeError):
        async with db.transaction() as conn:
            await conn.execute("DELETE FROM profiles")
            raise RuntimeError("stop")
    assert await db.profiles.get(1) == Profile(years=2)


async def test_processed_updates_are_marked_once_and_pruned(db: Database) -> None:
    assert await db.processed_updates.mark(10) is True
    assert await db.processed_updates.mark(10) is False
    await db.processed_updates.prune(now=datetime.now(UTC) + timedelta(days=3))
    assert await db.processed_updates.mark(10) is True
