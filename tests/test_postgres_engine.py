"""What the PostgreSQL engine adds: a bounded pool, one-line open failures without the
password, and the intake inbox shared by replicas (on both engines where both apply)."""

from __future__ import annotations

import asyncio

import pytest
from pydantic import ValidationError

from bot.settings import Settings, settings_problem
from db import Database
from db.database import DatabaseOpenError
from knowledge.profile import Profile
from tests.postgres_cluster import PostgresCluster


async def test_a_server_that_cannot_be_reached_is_refused_in_one_line_without_the_password(
        ) -> None:
    url = "postgresql://coach:very-secret@127.0.0.1:1/coach"  # nothing listens on port 1
    with pytest.raises(DatabaseOpenError) as refused:
        await Database(url).open()
    message = str(refused.value)
    assert message.startswith("cannot open the database at postgresql://coach@127.0.0.1:1/coach")
    assert "very-secret" not in message and "\n" not in message


async def test_more_concurrent_updates_than_connections_all_commit(
        postgres: PostgresCluster) -> None:
    db = Database(postgres.create_database(), pool_size=2)
    await db.open()

    async def update(update_id: int) -> None:
        async with db.unit(update_id) as fresh:
            assert fresh
            await db.profiles.save(update_id, Profile(years=update_id % 50))
            await asyncio.sleep(0)
            await db.flush()
            await db.study.set_daily(update_id, "08:00")  # after the reply: a second transaction

    try:
        await asyncio.gather(*(update(i) for i in range(1, 31)))
        assert db._pool is not None and db._pool.get_size() <= 2  # type: ignore[attr-defined]
        assert len(await db.study.with_daily()) == 30
        assert all([await db.processed_updates.seen(i) for i in range(1, 31)])
    finally:
        await db.close()


async def test_replicas_share_the_inbox(database_url: str) -> None:
    first, second = Database(database_url), Database(database_url)
    await first.open()
    await second.open()
    try:
        assert await first.processed_updates.store([(1, {"update_id": 1}),
                                                    (2, {"update_id": 2})]) == {1, 2}
        # The same updates reach the other replica: only the one it has not seen is new.
        assert await second.processed_updates.store([(2, {"update_id": 2}),
                                                     (3, {"update_id": 3})]) == {3}
        async with first.unit(1, known_new=True) as fresh:
            assert fresh
        assert await second.processed_updates.unhandled() == [{"update_id": 2},
                                                              {"update_id": 3}]
        assert await second.processed_updates.store([(1, {"update_id": 1})]) == set()
    finally:
        await first.close()
        await second.close()


def test_database_url_picks_the_engine_and_refuses_other_schemes() -> None:
    assert Settings(_env_file=None).database_target == Settings(_env_file=None).database_path
    url = "postgresql://coach:pw@db/coach"
    assert Settings(_env_file=None, database_url=url).database_target == url
    with pytest.raises(ValidationError) as refused:
        Settings(_env_file=None, database_url="mysql://coach:s3cret-value@db/coach")
    problem = settings_problem(refused.value)
    assert problem.startswith("DATABASE_URL: expected empty (SQLite at DATABASE_PATH)")
    assert "s3cret-value" not in problem  # a secret's value is never repeated
