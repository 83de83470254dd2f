"""db.scheduling on one database seen by two replicas (two Database instances): the scheduler
lease, the schedule-change notes and the adoption of orphaned updates."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest

from db import Database
from tests.shared_database import SharedDatabase, shared_database

__all__ = ["shared_database"]  # the fixture, imported for pytest

T0 = datetime(2027, 1, 4, 8, 0, tzinfo=UTC)
LEASE = timedelta(seconds=30)


@pytest.fixture
async def two(shared_database: SharedDatabase) -> AsyncIterator[tuple[Database, Database]]:
    a, b = shared_database.connect(), shared_database.connect()
    await a.open()
    await b.open()
    try:
        yield a, b
    finally:
        await a.close()
        await b.close()


async def test_one_holder_at_a_time_and_a_takeover_only_once_it_expired(
        two: tuple[Database, Database]) -> None:
    a, b = two
    assert await a.scheduling.hold("scheduler", "a", T0, T0 + LEASE)
    assert not await b.scheduling.hold("scheduler", "b", T0, T0 + LEASE)
    # a renews; b still cannot take it, even a second before the renewed lease ends
    assert await a.scheduling.hold("scheduler", "a", T0 + timedelta(seconds=10),
                                   T0 + timedelta(seconds=40))
    assert not await b.scheduling.hold("scheduler", "b", T0 + timedelta(seconds=39),
                                       T0 + timedelta(seconds=69))
    assert await b.scheduling.holder("scheduler") == "a"
    # a stopped renewing: once its lease has ended b takes it, and then a cannot
    assert await b.scheduling.hold("scheduler", "b", T0 + timedelta(seconds=40),
                                   T0 + timedelta(seconds=70))
    assert not await a.scheduling.hold("scheduler", "a", T0 + timedelta(seconds=41),
                                       T0 + timedelta(seconds=71))
    assert await a.scheduling.holder("scheduler") == "b"


async def test_a_released_lease_is_taken_at_once(two: tuple[Database, Database]) -> None:
    a, b = two
    assert await a.scheduling.hold("scheduler", "a", T0, T0 + LEASE)
    await b.scheduling.release("scheduler", "b")  # not b's to release: nothing happens
    assert not await b.scheduling.hold("scheduler", "b", T0, T0 + LEASE)
    await a.scheduling.release("scheduler", "a")
    assert await b.scheduling.hold("scheduler", "b", T0 + timedelta(seconds=1), T0 + LEASE)


async def test_schedule_changes_are_read_and_forgotten(two: tuple[Database, Database]) -> None:
    a, b = two
    await a.scheduling.note_change("user:7", None, T0)
    await a.scheduling.note_change("cohort:3", T0, T0)
    changes = await b.scheduling.changes()
    assert [(c.subject, c.since) for c in changes] == [("user:7", None), ("cohort:3", T0)]
    await b.scheduling.changes_done(c.id for c in changes[:1])
    assert [c.subject for c in await a.scheduling.changes()] == ["cohort:3"]


async def test_an_orphaned_update_is_adopted_by_one_replica_only(
        two: tuple[Database, Database]) -> None:
    a, b = two
    body = {"update_id": 77, "message": {"message_id": 1}}
    assert await a.processed_updates.store([(77, body), (78, {"update_id": 78})]) == {77, 78}
    await a.processed_updates.mark(78)  # handled: not an orphan
    later = datetime.now(UTC) + timedelta(minutes=5)
    assert await a.scheduling.orphans(datetime.now(UTC) - timedelta(minutes=5)) == []
    seen_by_a = await a.scheduling.orphans(later)
    seen_by_b = await b.scheduling.orphans(later)
    assert [o.update_id for o in seen_by_a] == [77] and seen_by_a == seen_by_b
    assert seen_by_a[0].body == body
    assert await b.scheduling.adopt(seen_by_b[0], later)
    assert not await a.scheduling.adopt(seen_by_a[0], later)  # b restamped it first
    # restamped: an orphan again only a full period after its adoption
    assert await a.scheduling.orphans(later) == []


async def test_a_lease_lasts_to_the_fraction_of_a_second(two: tuple[Database, Database]) -> None:
    a, b = two
    start = T0 + timedelta(seconds=0.9)
    assert await a.scheduling.hold("scheduler", "a", start, start + timedelta(seconds=1))
    assert not await b.scheduling.hold("scheduler", "b", T0 + timedelta(seconds=1.8),
                                       T0 + timedelta(seconds=2.8))
    assert await b.scheduling.hold("scheduler", "b", T0 + timedelta(seconds=1.9),
                                   T0 + timedelta(seconds=2.9))
