"""The one database several replicas share, for the replica tests.

THE SEAM FOR POSTGRESQL: today the shared database is a SQLite file (two connections, one per
replica, in WAL mode). When the PostgreSQL engine lands, `shared_database` takes the
`database_url` fixture (parametrized sqlite/postgresql) instead of `tmp_path`, and the three
methods below return `{"database_url": url}`, `{"DATABASE_URL": url}` and `Database(url)`;
nothing else in the replica tests names the engine.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from db import Database


@dataclass(frozen=True)
class SharedDatabase:
    path: Path

    def settings(self) -> dict[str, Any]:
        """Settings keywords pointing a replica at it (bot.settings.Settings)."""
        return {"database_path": self.path}

    def env(self) -> dict[str, str]:
        """The same for a `python -m bot` process."""
        return {"DATABASE_PATH": str(self.path)}

    def connect(self) -> Database:
        """A Database on it (not yet open): one more replica's view."""
        return Database(self.path)


@pytest.fixture
def shared_database(tmp_path: Path) -> SharedDatabase:
    return SharedDatabase(tmp_path / "shared.sqlite3")
