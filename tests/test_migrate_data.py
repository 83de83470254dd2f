"""`ehr-coach migrate-data SQLITE POSTGRESQL`: every row copied in one transaction, into an
empty database only (real PostgreSQL, the session's server)."""

from __future__ import annotations

import asyncio
import os
import sqlite3
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from bot.__main__ import main
from db import Database
from db.quiz import SentPoll
from knowledge.profile import Profile
from tests.postgres_cluster import PostgresCluster

ROOT = Path(__file__).resolve().parent.parent


async def _filled_sqlite(path: Path) -> dict[str, list[dict[str, object]]]:
    """A SQLite database with rows in most tables (ids from autoincrementing keys too); its
    rows by table."""
    db = Database(path)
    await db.open()
    try:
        await db.profiles.save(501, Profile(years=4, state="TX"))
        await db.study.set_daily(501, "08:30")
        cohort = await db.cohorts.ensure(-100)
        await db.cohorts.ensure(-200)
        await db.cohorts.join(cohort.id, 501, "Ann")
        await db.quiz.record_poll(SentPoll("p1", "q1", -100, 7, 2, cohort.id), private=False,
                                  at=datetime(2027, 1, 4, 9, tzinfo=UTC))
        await db.quiz.record_answer(501, SentPoll("p1", "q1", -100, 7, 2, cohort.id), "coding",
                                    True, cohort.id, datetime(2027, 1, 4, 9, 5, tzinfo=UTC))
        await db.quiz.record_pending("q2", 501, 1, None, private=True)
        await db.quiz_flags.add("q1", 501, "unclear")
        await db.unanswered.record("how much do coders earn in mars", date(2027, 1, 4))
        await db.outbox.keep("sendMessage", {"chat_id": "501", "text": "hi"}, 501)
        await db.processed_updates.store([(41, {"update_id": 41})])
        async with db.unit(40):
            await db.rounds.claim_post(cohort.id, "daily:2027-01-04", datetime.now(UTC))
        return {table: await db.user_data.rows(table) for table in await db.user_data.tables()}
    finally:
        await db.close()


async def _rows(url: str) -> dict[str, list[dict[str, object]]]:
    db = Database(url)
    await db.open()
    try:
        return {table: await db.user_data.rows(table) for table in await db.user_data.tables()}
    finally:
        await db.close()


def _cli(*arguments: str) -> subprocess.CompletedProcess[str]:
    env = {"PATH": os.environ["PATH"], "PYTHONPATH": str(ROOT), "HOME": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "bot", "migrate-data", *arguments], env=env,
                          cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)


async def test_every_row_is_copied_and_new_ids_follow_the_copied_ones(
        tmp_path: Path, postgres: PostgresCluster) -> None:
    source = tmp_path / "bot.sqlite3"
    before = await _filled_sqlite(source)
    target = postgres.create_database()

    done = _cli(f"sqlite:///{source}", target)
    assert done.returncode == 0, done.stderr
    assert "Copied" in done.stdout and "profiles 1" in done.stdout

    after = await _rows(target)
    assert set(after) == set(before)
    for table, rows in before.items():
        key = sorted(rows[0]) if rows else []
        assert sorted(after[table], key=lambda r: [str(r[k]) for k in key]) == \
            sorted(rows, key=lambda r: [str(r[k]) for k in key]), table
    assert after["inbox"] == [{"update_id": 41, "body": '{"update_id": 41}',
                               "fetched_at": before["inbox"][0]["fetched_at"]}]

    db = Database(target)
    await db.open()
    try:
        third = await db.cohorts.ensure(-300)  # the identity sequence was moved past the copy
        assert third.id > max(int(str(row["id"])) for row in before["cohorts"])
        assert await db.profiles.get(501) == Profile(years=4, state="TX")
        async with db.unit(40) as fresh:
            assert not fresh  # handled before the move: not handled again after it
    finally:
        await db.close()


async def test_a_target_with_rows_is_refused_and_left_alone(
        tmp_path: Path, postgres: PostgresCluster, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "bot.sqlite3"
    await _filled_sqlite(source)
    target = postgres.create_database()
    db = Database(target)
    await db.open()
    await db.profiles.save(9, Profile(years=9))
    await db.close()

    assert await _migrate(source, target) == 1
    assert "not empty" in capsys.readouterr().err
    rows = await _rows(target)
    assert len(rows.pop("profiles")) == 1 and all(found == [] for found in rows.values())


async def _migrate(source: Path, target: str) -> int:
    """`ehr-coach migrate-data` in this process (in a thread: it runs its own event loop)."""
    return await asyncio.to_thread(main, ["migrate-data", str(source), target])


async def test_a_copy_that_fails_leaves_the_target_empty(
        tmp_path: Path, postgres: PostgresCluster, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "bot.sqlite3"
    await _filled_sqlite(source)
    with sqlite3.connect(source) as conn:  # foreign keys off: an answer to no poll
        conn.execute("INSERT INTO quiz_answers VALUES (502, 'gone', 'q1', 'coding', 1, NULL, "
                     "'2027-01-05T09:00:00+00:00')")
    target = postgres.create_database()

    assert await _migrate(source, target) == 1
    assert "ForeignKeyViolation" in capsys.readouterr().err
    assert all(rows == [] for rows in (await _rows(target)).values())
