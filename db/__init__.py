"""Persistence: SQLite through aiosqlite. Every SQL statement of the bot lives in this package."""

from db.database import Database

__all__ = ["Database"]
