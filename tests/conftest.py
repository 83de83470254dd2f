"""Shared fixtures.

`database_url` is the engine fixture: every test that takes it runs twice, once on SQLite
(`sqlite:///<tmp>/bot.sqlite3`, a fresh file) and once on PostgreSQL (a fresh, empty database
on the session's throwaway server, `postgresql://postgres@127.0.0.1:<port>/test_<n>`). Pass
it to `Database(url)` or `Settings(database_url=url)`. The server (`postgres`, a
`tests.postgres_cluster.PostgresCluster`) is started once per session with initdb + pg_ctl;
where no PostgreSQL binaries exist the PostgreSQL half is skipped, saying why, except in CI
(`CI=true`), where it fails instead.

`bot` (the harness) runs on SQLite; `TEST_BOT_ENGINE=postgresql` runs every harness test on
PostgreSQL instead (a fresh database each), to try the whole bot on that engine.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from tests.harness import BotHarness
from tests.postgres_cluster import PostgresCluster, PostgresUnavailable

ENGINES = ("sqlite", "postgresql")


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresCluster]:
    """The session's PostgreSQL server (skipped without binaries, outside CI)."""
    try:
        cluster = PostgresCluster.create()
    except PostgresUnavailable as error:
        if _in_ci():
            pytest.fail(f"CI needs PostgreSQL for the tests: {error}")
        pytest.skip(str(error))
    yield cluster
    cluster.destroy()


@pytest.fixture(params=ENGINES)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database on each engine in turn (see the module docstring)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'bot.sqlite3'}"
    cluster: PostgresCluster = request.getfixturevalue("postgres")
    return cluster.create_database()


@pytest.fixture
async def bot(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[BotHarness]:
    settings = {}
    if os.environ.get("TEST_BOT_ENGINE") == "postgresql":
        settings["database_url"] = request.getfixturevalue("postgres").create_database()
    async with BotHarness(tmp_path, **settings) as harness:
        yield harness
        assert not harness.api.problems, [
            (c.method, c.error) for c in harness.api.problems
        ]
