"""Several identical replicas on one database: one of them runs the scheduled work, any of
them handles an update, none loses one a dead replica acknowledged (docs/replicas.md).

- **One scheduler, elected by a lease.** Every replica tries to take or renew the lease row
  `scheduler_lease('scheduler')` (db.scheduling.hold: one conditional upsert) every third of
  its lifetime (`REPLICA_LEASE_SECONDS`, 30 s: every 10 s). The replica that holds it keeps
  the JobQueue jobs of the features (daily questions, cohort rhythms, the outbox): on taking
  it, it runs the features' scheduler hooks, which rebuild the jobs from the database and catch
  up what fell due meanwhile. A replica that finds another holder, or cannot renew before its
  lease ends, drops those jobs. When the scheduler replica dies, its lease expires and another
  takes it at its next try: within 40 s. A clean stop releases the lease at once.
- **Changes reach the scheduler.** A replica that changes a schedule notes the subject in
  `schedule_changes`, in the update's transaction (handlers.schedule_changes); the scheduler
  reschedules each noted subject from the database at its next tick.
- **Exactly once, even when two believe they lead** (a paused process resuming after its
  lease passed to another, clocks that disagree): every scheduled effect is claimed in the
  database before it is sent — a private daily question in `daily_runs` by the moment it fell
  due, a cohort's post in `cohort_posts` by its key, a round's closing in `quiz_rounds` — so a
  second sender finds it claimed. The lease only decides who does the work; the claims decide
  that it is done once. A takeover catches up by the same claims: a post the dead replica sent
  is not sent again, one it had not sent yet is (daily questions up to an hour late, cohort
  posts up to six).
- **Orphaned updates.** A replica stores each update in the shared inbox before answering
  Telegram (bot.webhook), so an update acknowledged by a replica that died before handling it
  is still there. At every tick each replica adopts inbox rows stored more than two lease
  lifetimes ago and still unhandled: it claims each by restamping it (one conditional update,
  so two survivors never both take it) and handles it; the processed mark (db.database) makes
  a late second handling a no-op. At start the replica that takes the lease (a lone process,
  or the scheduler restarted) handles the whole inbox at once, as before replicas.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from telegram import Update
from telegram.ext import Application, CallbackContext

from bot.heartbeat import JOB_NAME as HEARTBEAT_JOB
from handlers.deps import Services

log = logging.getLogger(__name__)

LEASE = "scheduler"
TICK_JOB = "replica_tick"
# Jobs every replica keeps for itself; all others belong to the scheduler replica.
OWN_JOBS = frozenset({TICK_JOB, HEARTBEAT_JOB})
TICKS_PER_LEASE = 3
ORPHAN_AFTER_LEASES = 2  # an unhandled update this many lease lifetimes old is adopted


@dataclass
class Replica:
    """This replica's part: its name in the lease, the lease's lifetime, what it holds."""

    name: str
    lease: timedelta
    leading: bool = False
    valid_until: datetime | None = None  # the end of the lease as this replica last took it

    @property
    def tick_seconds(self) -> float:
        return self.lease.total_seconds() / TICKS_PER_LEASE


def replica_of(app: Application) -> Replica:
    return app.bot_data["replica"]


def _services(app: Application) -> Services:
    return app.bot_data["services"]


async def join(app: Application) -> None:
    """At start-up (after the features' start-up hooks): take the lease if free and, holding
    it, build the scheduled jobs."""
    await tick(app)


def start_ticking(app: Application) -> None:
    """Renew or try the lease, apply noted changes and adopt orphans every tick (once the
    Application runs)."""
    assert app.job_queue is not None
    app.job_queue.run_repeating(_tick_job, replica_of(app).tick_seconds,
                                first=replica_of(app).tick_seconds, name=TICK_JOB)


async def _tick_job(context: CallbackContext) -> None:  # type: ignore[type-arg]
    await tick(context.application)


async def tick(app: Application) -> None:
    """One round of the replica's duties (see the module)."""
    replica, services = replica_of(app), _services(app)
    now = services.clock()
    try:
        holds = await services.db.scheduling.hold(LEASE, replica.name, now, now + replica.lease)
    except Exception as error:  # the database is away: hold on only while the lease lasts
        log.warning("scheduler_lease_unreachable error=%s", type(error).__name__)
        holds = replica.leading and replica.valid_until is not None and now < replica.valid_until
        if not holds and replica.leading:
            step_down(app)
        return
    if holds:
        replica.valid_until = now + replica.lease
        if not replica.leading:
            await _take_over(app)
        await apply_changes(app)
    elif replica.leading:
        step_down(app)
    await adopt_orphans(app, now)


async def _take_over(app: Application) -> None:
    """Build the scheduled jobs; if a hook fails, drop what was built, so that the next tick
    starts again from nothing rather than adding the jobs twice."""
    replica, services = replica_of(app), _services(app)
    replica.leading = services.schedules_here = True
    log.info("scheduler_lease_taken replica=%s", replica.name)
    try:
        for hook in services.scheduler_hooks:
            await hook(app)
    except BaseException:
        step_down(app)
        raise


def step_down(app: Application) -> None:
    """Another replica holds the lease (or this one lost it): drop the scheduled jobs."""
    replica, services = replica_of(app), _services(app)
    replica.leading = services.schedules_here = False
    replica.valid_until = None
    dropped = 0
    if app.job_queue is not None:
        for job in app.job_queue.jobs():
            if job.name not in OWN_JOBS:
                job.schedule_removal()
                dropped += 1
    log.info("scheduler_lease_lost replica=%s jobs_dropped=%s", replica.name, dropped)


async def apply_changes(app: Application) -> None:
    """Reschedule each subject another replica noted (from the database), then forget the
    notes."""
    services = _services(app)
    changes = await services.db.scheduling.changes()
    for change in changes:
        kind, _, subject_id = change.subject.partition(":")
        refresher = services.refreshers.get(kind)
        if refresher is not None and subject_id.lstrip("-").isdigit():
            await refresher(app, int(subject_id), change.since)
    await services.db.scheduling.changes_done(change.id for change in changes)


async def adopt_orphans(app: Application, now: datetime) -> int:
    """Handle the stored updates no replica handled in time (their replica died); how many."""
    db = _services(app).db
    adopted = 0
    for orphan in await db.scheduling.orphans(now - ORPHAN_AFTER_LEASES * replica_of(app).lease):
        if await db.scheduling.adopt(orphan, now):
            await app.update_queue.put(Update.de_json(orphan.body, app.bot))
            adopted += 1
    if adopted:
        log.info("orphaned_updates_adopted count=%s", adopted)
    return adopted


async def leave(app: Application) -> None:
    """A clean stop: give the lease up so that another replica takes it at its next tick."""
    replica = replica_of(app)
    if replica.leading and _services(app).db.is_open:
        await _services(app).db.scheduling.release(LEASE, replica.name)
        replica.leading = _services(app).schedules_here = False
