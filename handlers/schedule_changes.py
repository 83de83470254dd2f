"""Scheduling with several replicas: only the replica holding the scheduler lease keeps JobQueue
jobs (bot.replicas). A feature that changes what is scheduled calls `schedule_changed` in the
update's transaction: it notes the subject for the scheduler replica (which reschedules it from
the database within seconds) and says whether this replica schedules it itself, now."""

from __future__ import annotations

from datetime import datetime

from telegram.ext import Application

from handlers.deps import Refresher, Services, StartupHook

USER = "user"
COHORT = "cohort"


async def schedule_changed(app: Application, kind: str, subject_id: int,
                           since: datetime | None = None) -> bool:
    """Note that `kind:subject_id`'s schedule changed; True when this replica keeps the jobs
    (then the caller reschedules at once; the note makes it redo that, harmlessly)."""
    services: Services = app.bot_data["services"]
    await services.db.scheduling.note_change(f"{kind}:{subject_id}", since, services.clock())
    return services.schedules_here


def on_schedule_change(app: Application, kind: str, refresher: Refresher) -> None:
    """`refresher(app, id, since)` reschedules a subject of `kind` from the database."""
    app.bot_data["services"].refreshers[kind] = refresher


def on_scheduler_start(app: Application, hook: StartupHook) -> None:
    """Run `hook(app)` when this replica takes the scheduler lease (at start when alone):
    rebuild the feature's jobs from the database, catching up what fell due meanwhile."""
    app.bot_data["services"].scheduler_hooks.append(hook)
