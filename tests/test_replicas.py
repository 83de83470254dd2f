"""Two replicas of the real Application on one shared database, against one Bot API
stand-in (bot.replicas, docs/replicas.md).

In process, with a fake clock and the lease's ticks driven by the test: a daily question set
on one replica fires once on the scheduler replica, once again when a paused scheduler and
its successor both fire it, and once after the scheduler died and the other took over (caught
up); a cohort set up on one replica posts its daily question once a day, across a takeover
too. The profile editor's typed step is understood by either replica. The real processes over
HTTP are in tests/test_replicas_webhook.py.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from telegram.ext import Job

from bot import replicas
from bot.fake_api import FakeTelegram
from handlers.daily import DAILY
from handlers.user_jobs import user_job_name
from knowledge.profile import Profile
from knowledge.study_calendar import staggered
from tests.fake_clock import FakeClock, scheduled_job
from tests.harness import BotHarness, last_text
from tests.shared_database import SharedDatabase, shared_database
from tests.test_cohort_weeks import MONDAY, Cohort, local

__all__ = ["shared_database"]  # the fixture, imported for pytest

USER = 4242
DAY = date(2027, 1, 4)
AT = staggered(time(8, 0, tzinfo=UTC), USER)  # when USER's 08:00 question goes out


def due(day: int) -> datetime:
    return datetime.combine(DAY + timedelta(days=day), AT)


class Replica(BotHarness):
    """One replica: the real Application from build_application() with its own Database on
    the shared one and the Bot API stand-in shared with the other replica, started as in
    production up to the JobQueue (its jobs run when the test says, at the fake clock's time)."""

    def __init__(self, tmp_path: Path, name: str, api: FakeTelegram, shared: SharedDatabase,
                 clock: FakeClock) -> None:
        super().__init__(tmp_path, api=api, replica_name=name, **shared.settings())
        self.app.bot_data["services"].clock = clock
        self.dana = self.user(USER, "Dana")

    async def start(self) -> None:
        await self.__aenter__()

    async def stop(self) -> None:
        await self.__aexit__()

    async def die(self) -> None:
        """Gone without a word: no lease released, nothing finished."""
        await self.app.shutdown()
        await self.db.close()

    @property
    def leading(self) -> bool:
        return replicas.replica_of(self.app).leading

    async def tick(self) -> None:
        """One of the replica's lease ticks (every 10 s in production)."""
        await replicas.tick(self.app)

    async def says(self, text: str) -> str:
        """Dana's text to this replica; the text of the last reply."""
        return last_text(await self.send(text, user=self.dana))

    async def presses(self, data: str) -> str:
        return last_text(await self.press(data, user=self.dana))

    def daily_jobs(self) -> list[Job]:
        assert self.app.job_queue is not None
        return list(self.app.job_queue.get_jobs_by_name(user_job_name(USER, DAILY)))

    async def fire(self) -> None:
        """Run the user's daily jobs now, as the JobQueue would at their time."""
        for job in self.daily_jobs():
            await job.run(self.app)


def two_replicas(tmp_path: Path, shared: SharedDatabase, clock: FakeClock
                 ) -> tuple[Replica, Replica]:
    api = FakeTelegram()
    return Replica(tmp_path, "a", api, shared, clock), Replica(tmp_path, "b", api, shared, clock)


async def test_a_daily_question_fires_once_across_replicas_and_after_a_takeover(
        tmp_path: Path, shared_database: SharedDatabase) -> None:
    clock = FakeClock(due(0) - timedelta(hours=2))
    a, b = two_replicas(tmp_path, shared_database, clock)
    api = a.api
    await a.start()
    await b.start()
    try:
        assert a.leading and not b.leading

        def polls() -> int:
            return len(api.calls_to("sendPoll", USER))

        # Set on the replica that is not the scheduler: noted for the scheduler, not kept here.
        assert "08:00" in await b.says("/daily 08:00")
        assert b.daily_jobs() == [] and a.daily_jobs() == []
        await a.tick()  # the scheduler picks the change up
        await b.tick()
        assert len(a.daily_jobs()) == 1 and b.daily_jobs() == []

        # Day 0: the scheduler sends it; a second run at the same moment sends nothing.
        clock.now = due(0) - timedelta(seconds=10)
        await a.tick()
        clock.now = due(0)
        await a.fire()
        await a.fire()
        assert polls() == 1

        # Day 1: the scheduler is paused past its lease; b takes over and has the job too.
        # Both fire: the claim in daily_runs lets one question out.
        clock.now = due(1) - timedelta(seconds=60)
        await a.tick()
        clock.now = due(1) - timedelta(seconds=29)
        await b.tick()
        assert b.leading and a.leading  # a has not noticed yet
        assert len(b.daily_jobs()) == 1  # rebuilt from the database; nothing to catch up
        clock.now = due(1)
        await a.fire()
        await b.fire()
        assert polls() == 2
        await a.tick()  # a wakes up: b holds the lease, so a drops its jobs
        assert not a.leading and a.daily_jobs() == []

        # Day 2: the scheduler (b) dies 20 s before the question is due; a takes over 15 s
        # after it was due and catches it up, once.
        clock.now = due(2) - timedelta(seconds=20)
        await b.tick()
        await b.die()
        clock.now = due(2)
        await a.tick()
        assert not a.leading  # b's lease still runs
        clock.now = due(2) + timedelta(seconds=15)
        await a.tick()
        assert a.leading
        assert len(a.daily_jobs()) == 2  # the daily job and the catch-up
        await a.fire()
        await a.fire()
        assert polls() == 3

        # Day 3: the new scheduler's own job, once.
        clock.now = due(3) - timedelta(seconds=5)
        await a.tick()
        clock.now = due(3)
        await a.fire()
        assert polls() == 4
        assert [call.params["chat_id"] for call in api.calls_to("sendPoll")] == [USER] * 4
    finally:
        await a.stop()


async def test_a_change_made_on_another_replica_reschedules_and_off_stops_the_job(
        tmp_path: Path, shared_database: SharedDatabase) -> None:
    clock = FakeClock(due(0) - timedelta(hours=2))
    a, b = two_replicas(tmp_path, shared_database, clock)
    api = a.api
    await a.start()
    await b.start()
    try:
        await a.says("/daily 08:00")  # on the scheduler itself: scheduled at once
        assert len(a.daily_jobs()) == 1
        await b.says("/daily off")  # elsewhere: the scheduler's job still fires…
        clock.now = due(0)
        await a.fire()
        assert api.calls_to("sendPoll") == []  # …finds the question switched off, and goes
        assert a.daily_jobs() == []
        await a.tick()  # the note changes nothing more
        assert a.daily_jobs() == []
        assert await a.app.bot_data["services"].db.scheduling.changes() == []
    finally:
        await b.stop()
        await a.stop()


async def test_a_value_typed_for_the_profile_editor_is_understood_by_the_other_replica(
        tmp_path: Path, shared_database: SharedDatabase) -> None:
    a, b = two_replicas(tmp_path, shared_database, FakeClock(due(0)))
    await a.start()
    await b.start()
    try:
        assert "Years of experience" in await a.presses("prof:edit:years")
        assert "Your profile" in await b.says("7")  # the next update went to the other replica
        assert await b.app.bot_data["services"].db.profiles.get(USER) == Profile(years=7)
        # The editor is closed, on both: plain text is a question again.
        assert "RHIT" in await a.says("how much does an RHIT earn?")
        assert "nothing to cancel" in await b.says("/cancel")
    finally:
        await b.stop()
        await a.stop()


async def test_a_cohort_set_up_on_one_replica_posts_once_and_after_a_takeover(
        tmp_path: Path, shared_database: SharedDatabase) -> None:
    clock = FakeClock(local(MONDAY, 7))
    a, b = two_replicas(tmp_path, shared_database, clock)
    await a.start()
    await b.start()
    try:
        group = Cohort(b, clock)
        await group.set_up()  # on b, which is not the scheduler: its rhythm is noted for a
        assert scheduled_job(b, group.cohort_id) is None
        await a.tick()
        on_a = Cohort(a, clock)
        on_a.cohort_id = group.cohort_id
        assert scheduled_job(a, on_a.cohort_id) is not None
        await on_a.daily(MONDAY)  # exactly one poll (Cohort.daily checks)

        # a runs the rhythm up to Tuesday 07:29, renews its lease, and dies; b takes over at
        # 07:45 and catches Tuesday's 07:30 question up, once; Monday's is not repeated.
        tuesday, wednesday = MONDAY + timedelta(days=1), MONDAY + timedelta(days=2)
        await on_a.until(local(tuesday, 7, 29))
        await a.tick()
        await a.die()
        clock.now = local(tuesday, 7, 45)
        await b.tick()
        assert b.leading
        on_b = Cohort(b, clock)
        on_b.cohort_id = group.cohort_id
        caught_up = await on_b.until(local(tuesday, 7, 45))
        assert [c.method for c in caught_up].count("sendPoll") == 1
        await on_b.daily(wednesday)
        posted = await b.db.rounds.posted(group.cohort_id)
        assert [key for key in posted if key.startswith("daily:")] == [
            f"daily:{day.isoformat()}" for day in (MONDAY, tuesday, wednesday)]
        assert len(b.api.calls_to("sendPoll")) == 3
    finally:
        await b.stop()
