"""Daily practice questions in private chats: one JobQueue job per user, restored at start-up.

Schedules live in the database; the jobs are rebuilt from it when the bot starts. Each job
fires at the chosen time in the user's zone plus a small fixed offset (see
`knowledge.study_calendar.staggered`), so that many users picking 08:00 are not all sent at
once. Each question is claimed in `daily_runs` before it is sent, keyed by the moment it fell
due; one that fell due while the bot was down is sent on start when at most CATCH_UP_WITHIN
late, once. A user who blocked the bot has their daily question switched off. A cohort's daily
question is part of its rhythm (handlers.rounds), which catches up on its own.

With several replicas only the scheduler replica keeps the jobs (bot.replicas): a change made
on another is noted for it (handlers.schedule_changes); the claim makes a second replica, or a
catch-up after a takeover, find a question sent already and send nothing; a job that fires for
a time the user has since changed or switched off finds nothing due.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, time, timedelta

from telegram.error import Forbidden, TelegramError
from telegram.ext import Application, CallbackContext

from bot.delivery import transient
from db.study import StudySettings
from handlers.deps import Services, job_queue, services
from handlers.quiz import quiz_user
from handlers.schedule_changes import (
    USER,
    on_schedule_change,
    on_scheduler_start,
    schedule_changed,
)
from handlers.user_jobs import on_user_blocked, user_blocked, user_job_name
from knowledge.study_calendar import last_due, missed, parse_clock, staggered, zone

log = logging.getLogger(__name__)

DAILY = "daily"  # the purpose in the user's daily job name (handlers.user_jobs convention)
# A question that fell due while the bot was down is sent on start when at most this late.
CATCH_UP_WITHIN = timedelta(hours=1)
# A job may fire a moment before its time by the clock it reads: still that day's question.
EARLY = timedelta(seconds=5)


def unschedule(app: Application, name: str) -> None:
    for job in job_queue(app).get_jobs_by_name(name):
        job.schedule_removal()


def _daily_clock(settings: StudySettings) -> time:
    """The moment of the day the user's question goes out: their time, staggered by id."""
    assert settings.daily_time is not None
    chosen = parse_clock(settings.daily_time).replace(tzinfo=zone(settings.timezone))
    return staggered(chosen, settings.user_id)


async def daily_changed(app: Application, settings: StudySettings) -> None:
    """The user changed their daily time or zone: reschedule here when this replica keeps the
    jobs, and tell the scheduler replica (call in the update, after storing the change)."""
    if await schedule_changed(app, USER, settings.user_id):
        schedule_user(app, settings)


async def refresh_user(app: Application, user_id: int, _since: datetime | None) -> None:
    """A change noted by another replica: reschedule from the stored settings."""
    schedule_user(app, await services_of(app).db.study.get(user_id))


def schedule_user(app: Application, settings: StudySettings, *, replace: bool = True) -> None:
    """(Re)schedule the user's daily question from their settings, or remove it when off.

    The job carries the user's id (and private chat id), so /forget can find and cancel it.
    `replace=False` skips looking for an existing job (at start-up there is none).
    """
    name = user_job_name(settings.user_id, DAILY)
    if replace:
        unschedule(app, name)
    if settings.daily_time:
        job_queue(app).run_daily(send_user_daily, _daily_clock(settings), name=name,
                              data=settings.user_id, user_id=settings.user_id,
                              chat_id=settings.user_id)


async def _catch_up(app: Application, settings: StudySettings) -> bool:
    """At start: send now, once, a question that fell due while the bot was down."""
    if not settings.daily_time:
        return False
    name = user_job_name(settings.user_id, DAILY)
    now = services_of(app).clock()
    due = last_due(_daily_clock(settings), now)
    if not missed(due, await services_of(app).db.daily_runs.last(name), now, CATCH_UP_WITHIN):
        return False
    job_queue(app).run_once(send_user_daily, 0, name=name, data=settings.user_id,
                         user_id=settings.user_id, chat_id=settings.user_id)
    return True


async def send_user_daily(context: CallbackContext) -> None:
    """The question due now by the user's stored settings, claimed first: sent once across
    restarts and replicas (a failure that is not the network's releases the claim)."""
    assert context.job is not None and context.job.name is not None
    user_id = int(context.job.data)  # type: ignore[arg-type]
    name = context.job.name
    db = services(context).db
    settings = await db.study.get(user_id)
    if not settings.daily_time:  # switched off since (on another replica, /forget, a block)
        context.job.schedule_removal()
        return
    now = services(context).clock()
    due = last_due(_daily_clock(settings), now + EARLY)
    previous = await db.daily_runs.last(name)
    if not await db.daily_runs.claim(name, due.astimezone(UTC), now, user_id):
        log.info("daily_already_sent user=%s", user_id)
        return
    try:
        await quiz_user(context.bot, db, user_id)
    except Forbidden:
        await user_blocked(context.application, user_id)
    except TelegramError as error:
        # A call that failed for the network's sake is in bot.delivery's outbox and goes out
        # from there; sending it again would send it twice.
        if not transient(error):
            await db.daily_runs.unclaim(name, previous)
        raise


async def restore_daily_jobs(app: Application) -> None:
    db = app.bot_data["services"].db
    users = await db.study.with_daily()
    caught_up = 0
    for settings in users:
        schedule_user(app, settings, replace=False)
        caught_up += await _catch_up(app, settings)
    log.info("daily_jobs_restored users=%s caught_up=%s", len(users), caught_up)


async def daily_off(app: Application, user_id: int) -> None:
    """The user blocked the bot: their daily question is switched off (their job is cancelled
    with the rest of their jobs)."""
    await app.bot_data["services"].db.study.set_daily(user_id, None)
    log.info("daily_off_blocked user=%s", user_id)


def services_of(app: Application) -> Services:
    return app.bot_data["services"]


def register(app: Application) -> None:
    on_scheduler_start(app, restore_daily_jobs)
    on_schedule_change(app, USER, refresh_user)
    on_user_blocked(daily_off)
