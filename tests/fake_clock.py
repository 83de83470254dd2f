"""A fake clock for the bot's scheduled work, and a driver that runs a cohort's rhythm job at
every moment it is due, as the JobQueue would, without waiting."""

from __future__ import annotations

from datetime import datetime

from bot.fake_api import ApiCall
from handlers.rounds import RhythmJob, rhythm_job_name
from tests.harness import BotHarness

MAX_RUNS = 500  # a job due again and again at the same moment is a bug, not a long week


class FakeClock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def use_fake_clock(bot: BotHarness, now: datetime) -> FakeClock:
    clock = FakeClock(now)
    bot.app.bot_data["services"].clock = clock
    return clock


def scheduled_job(bot: BotHarness, cohort_id: int) -> RhythmJob | None:
    assert bot.app.job_queue is not None
    jobs = bot.app.job_queue.get_jobs_by_name(rhythm_job_name(cohort_id))
    assert len(jobs) <= 1, jobs
    return jobs[0].data if jobs else None


async def run_until(bot: BotHarness, cohort_id: int, until: datetime) -> list[ApiCall]:
    """Advance the fake clock to `until`, running the cohort's job each time it is due;
    the Bot API calls it made."""
    clock = bot.app.bot_data["services"].clock
    assert isinstance(clock, FakeClock)
    assert bot.app.job_queue is not None
    before = len(bot.api.calls)
    for _ in range(MAX_RUNS):
        jobs = bot.app.job_queue.get_jobs_by_name(rhythm_job_name(cohort_id))
        if not jobs or jobs[0].data.due > until:
            break
        clock.now = max(clock.now, jobs[0].data.due)
        await jobs[0].run(bot.app)
    else:
        raise AssertionError(f"the rhythm job ran {MAX_RUNS} times before {until}")
    clock.now = max(clock.now, until)
    return bot.api.calls[before:]
