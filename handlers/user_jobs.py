"""Scheduled jobs that belong to a user, and what happens when a user leaves or blocks the bot.

Convention for every feature: a JobQueue job scheduled for one user is named with
`user_job_name(user_id, purpose)` — i.e. it starts with f"user:{user_id}:" — and/or is scheduled
with `user_id=` / `chat_id=` (their private chat). /forget and a block then cancel it, and the
hooks registered with `on_user_blocked` switch off what the feature stored (e.g. reminder rows).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from telegram.ext import Application, Job, JobQueue

log = logging.getLogger(__name__)

BlockedHook = Callable[[Application, int], Awaitable[None]]
_BLOCKED_HOOKS: list[BlockedHook] = []


def user_job_name(user_id: int, purpose: str) -> str:
    return f"user:{user_id}:{purpose}"


def jobs_of_user(job_queue: JobQueue | None, user_id: int) -> list[Job]:
    """The user's jobs: named by the convention, or scheduled for the user or their chat."""
    if job_queue is None:
        return []
    prefix = user_job_name(user_id, "")
    return [job for job in job_queue.jobs()
            if (job.name or "").startswith(prefix) or user_id in (job.user_id, job.chat_id)]


def cancel_user_jobs(job_queue: JobQueue | None, user_id: int) -> int:
    """Remove every job of the user; how many there were."""
    jobs = jobs_of_user(job_queue, user_id)
    for job in jobs:
        job.schedule_removal()
    return len(jobs)


def on_user_blocked(hook: BlockedHook) -> None:
    """Run `hook(app, user_id)` when a user blocks the bot (e.g. to switch reminders off)."""
    if hook not in _BLOCKED_HOOKS:
        _BLOCKED_HOOKS.append(hook)


async def user_blocked(app: Application, user_id: int) -> None:
    """The user blocked the bot: cancel their jobs and let the features switch off the rest."""
    cancelled = cancel_user_jobs(app.job_queue, user_id)
    log.info("User %s blocked the bot; %d job(s) cancelled", user_id, cancelled)
    for hook in _BLOCKED_HOOKS:
        await hook(app, user_id)
