"""Whether the database still answers: for /healthz and the polling heartbeat."""

from __future__ import annotations

import logging

from db.database import Database

log = logging.getLogger(__name__)


async def database_answers(db: Database) -> bool:
    """True when the database can start and commit a write transaction (SQLite: it is open, its
    thread responds and the file is writable; PostgreSQL: a pooled connection answers, a lost
    one being replaced, so a server that is back makes this True again). A hung database never
    returns: callers treat a missing answer as unhealthy (the heartbeat goes stale, the health
    check times out)."""
    if not db.is_open:
        return False
    try:
        async with db.transaction() as conn:
            await conn.execute_fetchall("SELECT 1")
    except (*db.errors, RuntimeError) as error:
        log.warning("Health check: the database does not answer (%s)", type(error).__name__)
        return False
    return True
