"""An online copy of the live database with SQLite's backup API (`ehr-coach backup PATH`).

The bot may keep running: in WAL mode the copy reads one consistent snapshot while the bot goes
on writing. The copy is written beside the target and renamed into place when complete, so
PATH is never a half-written file.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class BackupResult:
    schema_version: int
    size_bytes: int


def backup_database(source: Path, target: Path) -> BackupResult:
    """Copy the database at `source` to `target` (replaced when it exists) and check the copy.

    Raises FileNotFoundError when there is no database at `source` (it is opened read-only, so a
    wrong path never creates an empty one) and sqlite3.Error when the copy fails its check.
    """
    if not source.is_file():
        raise FileNotFoundError(f"no database at {source}")
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)
    try:
        with closing(sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)) as live, \
                closing(sqlite3.connect(partial)) as copy:
            live.backup(copy)
            # A copy is a plain database: no WAL files beside it to carry around.
            copy.execute("PRAGMA journal_mode = DELETE")
            if copy.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise sqlite3.DatabaseError("the copy failed SQLite's quick_check")
            version = copy.execute("PRAGMA user_version").fetchone()[0]
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return BackupResult(schema_version=int(version), size_bytes=target.stat().st_size)
