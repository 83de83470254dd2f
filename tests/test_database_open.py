"""A database that cannot be opened or migrated stops the bot at once, saying why.

- `Database.open` closes the connection it opened when a pragma or a migration fails (its
  thread would otherwise keep the process alive: the hang of issue 18).
- A migration that fails leaves the database as it was and names itself in one line.
- The real process (`python -m bot`) exits non-zero within seconds in both cases.
"""

from __future__ import annotations

import asyncio
import sqlite3
import sys
import threading
import time
from pathlib import Path

import pytest

from bot.fake_api import FakeTelegram
from bot.fake_api.server import FakeBotServer
from db import Database
from db.database import DatabaseOpenError
from db.migrate import available_migrations, statements
from tests.harness import TEST_TOKEN
from tests.http_bot import ROOT, wait_for

FIRST_OF_MINE = 70  # 0070_inbox_outbox.sql creates the table `inbox`


def half_migrated(path: Path) -> None:
    """A database at the version before 0070 that already has a table 0070 creates."""
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE inbox (x)")
        conn.execute(f"PRAGMA user_version = {FIRST_OF_MINE - 1}")


async def threads_back_to(count: int) -> None:
    """A closed connection's thread ends just after close() returns."""
    await wait_for(lambda: threading.active_count() == count, timeout=5,
                   what=f"{count} thread(s)")


async def test_a_failing_migration_closes_the_connection_and_changes_nothing(
        tmp_path: Path) -> None:
    path = tmp_path / "m.sqlite3"
    half_migrated(path)
    threads = threading.active_count()
    with pytest.raises(DatabaseOpenError) as raised:
        await Database(path).open()
    assert "migration 0070_inbox_outbox.sql failed: table inbox already exists" in str(
        raised.value)
    assert "\n" not in str(raised.value)
    await threads_back_to(threads)  # the connection's thread is gone
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone() == (FIRST_OF_MINE - 1,)
        assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'outbox'"
                            ).fetchone() is None


async def test_an_unusable_path_is_refused_in_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("")
    threads = threading.active_count()
    with pytest.raises(DatabaseOpenError, match="cannot open the database at"):
        await Database(blocker / "bot.sqlite3").open()
    await threads_back_to(threads)


async def test_two_processes_migrating_at_once_apply_each_migration_once(
        tmp_path: Path) -> None:
    path = tmp_path / "race.sqlite3"
    first, second = Database(path), Database(path)
    await asyncio.gather(first.open(), second.open())
    try:
        with sqlite3.connect(path) as conn:
            assert conn.execute("PRAGMA user_version").fetchone()[0] == \
                available_migrations()[-1].version
    finally:
        await first.close()
        await second.close()


def test_migration_scripts_split_into_statements() -> None:
    script = ("-- a comment\nCREATE TABLE a (x); -- trailing\nCREATE TRIGGER t AFTER INSERT ON a "
              "BEGIN\n  UPDATE a SET x = 1;\nEND;\n-- the end\n")
    parts = list(statements(script))
    assert len(parts) == 2 and parts[1].endswith("END;")  # the trigger's body stays whole
    conn = sqlite3.connect(":memory:")
    for part in parts:
        conn.execute(part)  # one statement each
    assert {row[0] for row in conn.execute("SELECT name FROM sqlite_master")} == {"a", "t"}


async def _run_bot(tmp_path: Path, database: Path) -> tuple[int, str, float]:
    """`python -m bot` against the stand-in: exit code, stderr, seconds it took."""
    api = FakeTelegram()
    async with FakeBotServer(api) as server:
        env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "PYTHONPATH": str(ROOT),
               "TELEGRAM_BOT_TOKEN": TEST_TOKEN, "TELEGRAM_API_BASE_URL": server.base_url,
               "TELEGRAM_API_FILE_URL": server.file_url, "DATABASE_PATH": str(database)}
        started = time.monotonic()
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", cwd=tmp_path, env=env,
            stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE)
        try:
            _, stderr = await asyncio.wait_for(process.communicate(), 60)
        except TimeoutError:
            process.kill()
            raise AssertionError("the bot hung instead of exiting") from None
        return process.returncode or 0, stderr.decode(errors="replace"), \
            time.monotonic() - started


async def test_the_bot_exits_non_zero_within_seconds_when_a_migration_fails(
        tmp_path: Path) -> None:
    database = tmp_path / "bot.sqlite3"
    half_migrated(database)
    code, stderr, seconds = await _run_bot(tmp_path, database)
    assert code != 0 and seconds < 30, (code, seconds)
    assert "migration 0070_inbox_outbox.sql failed: table inbox already exists" in stderr


async def test_the_bot_exits_non_zero_with_a_clear_message_when_the_database_is_unwritable(
        tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file where the database's directory should be")
    code, stderr, seconds = await _run_bot(tmp_path, blocker / "bot.sqlite3")
    assert code != 0 and seconds < 30, (code, seconds)
    assert (f"the database at DATABASE_PATH={blocker / 'bot.sqlite3'} cannot be used"
            in stderr.splitlines()[-1])
