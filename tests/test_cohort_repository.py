"""The cohort repository: one active cohort per chat, archive and restore, chat migration."""

from __future__ import annotations

from db import Database


async def test_one_active_cohort_per_chat_archive_restore_and_move(database_url: str) -> None:
    db = Database(database_url)
    await db.open()
    first = await db.cohorts.ensure(-1)
    assert await db.cohorts.ensure(-1) == first
    assert await db.cohorts.by_code(first.code) == first
    await db.cohorts.join(first.id, 7, "Ann")
    assert not await db.cohorts.join(first.id, 7, "Annie")  # already in: name refreshed
    assert [s.name for s in await db.cohorts.scores(first.id)] == ["Annie"]

    assert await db.cohorts.archive(-1) == first
    assert await db.cohorts.for_chat(-1) is None and await db.cohorts.by_code(first.code) is None
    assert await db.cohorts.restore(-1) == first
    assert await db.cohorts.is_member(first.id, 7)

    other = await db.cohorts.ensure(-2)
    assert await db.cohorts.move_chat(-1, -2) == other  # the target chat has its own cohort
    assert (await db.cohorts.for_chat(-1)) == first
    moved = await db.cohorts.move_chat(-1, -3)
    assert moved is not None and moved.id == first.id and moved.chat_id == -3
    assert await db.cohorts.for_chat(-1) is None
    await db.close()


async def test_restore_without_an_archived_cohort_changes_nothing(database_url: str) -> None:
    db = Database(database_url)
    await db.open()
    assert await db.cohorts.restore(-5) is None
    active = await db.cohorts.ensure(-5)
    assert await db.cohorts.restore(-5) == active
    await db.close()
