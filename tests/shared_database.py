"""The one database several replicas share, for the replica tests: each test runs on SQLite (a
file, one connection per replica, in WAL mode) and on PostgreSQL (a fresh database on the
session's real server), through the `database_url` fixture of tests/conftest.py. Nothing else in
the replica tests names the engine.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from db import Database


@dataclass(frozen=True)
class SharedDatabase:
    url: str

    def settings(self) -> dict[str, Any]:
        """Settings keywords pointing a replica at it (bot.settings.Settings)."""
        return {"database_url": self.url}

    def env(self) -> dict[str, str]:
        """The same for a `python -m bot` process."""
        return {"DATABASE_URL": self.url}

    def connect(self) -> Database:
        """A Database on it (not yet open): one more replica's view."""
        return Database(self.url)


@pytest.fixture
def shared_database(database_url: str) -> SharedDatabase:
    return SharedDatabase(database_url)
