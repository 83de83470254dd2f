"""What handlers reach through the Application: the database and a few settings
(`context.bot_data`), and the JobQueue."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from telegram.ext import Application, CallbackContext, JobQueue

from db import Database

StartupHook = Callable[[Application], Awaitable[None]]
# Reschedules one subject (a user's or a cohort's jobs) from the database: (app, id, since).
Refresher = Callable[[Application, int, datetime | None], Awaitable[None]]
Clock = Callable[[], datetime]


def utc_clock() -> datetime:
    return datetime.now(UTC)


@dataclass
class Services:
    db: Database
    operator_ids: frozenset[int] = frozenset()
    startup_hooks: list[StartupHook] = field(default_factory=list)
    shutdown_hooks: list[StartupHook] = field(default_factory=list)
    clock: Clock = utc_clock  # the current time (UTC); tests replace it with a fake clock
    # Several replicas (bot.replicas): only the one holding the scheduler lease keeps the
    # scheduled jobs. It runs `scheduler_hooks` when it takes the lease, and `refreshers[kind]`
    # for each schedule change another replica noted ("user:<id>", "cohort:<id>").
    schedules_here: bool = True
    scheduler_hooks: list[StartupHook] = field(default_factory=list)
    refreshers: dict[str, Refresher] = field(default_factory=dict)


def services(context: CallbackContext) -> Services:  # type: ignore[type-arg]
    return context.application.bot_data["services"]


def job_queue(app: Application) -> JobQueue:
    """The Application's JobQueue (the scheduled daily questions and cohort rhythms)."""
    queue = app.job_queue
    if queue is None:
        raise RuntimeError("python-telegram-bot was installed without the job-queue extra")
    return queue
