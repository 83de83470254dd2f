"""/exam, /timezone, /daily (jobs restored after a restart, fired without waiting), /countdown."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from telegram.ext import Job

from handlers.daily import DAILY
from handlers.rounds import rhythm_job_name
from handlers.user_jobs import user_job_name
from tests.harness import BotHarness, last_text

USER = 501


def daily_job(bot: BotHarness, name: str) -> Job:
    assert bot.app.job_queue is not None
    jobs = bot.app.job_queue.get_jobs_by_name(name)
    assert len(jobs) == 1, jobs
    return jobs[0]


def next_fire(job: Job) -> datetime:
    """When the job fires next (the harness never starts the scheduler, so ask the trigger)."""
    fire = job.job.trigger.get_next_fire_time(None, datetime.now(UTC))
    assert fire is not None
    return fire


async def test_exam_date_and_certification(bot: BotHarness) -> None:
    future = (datetime.now(UTC).date() + timedelta(days=100)).isoformat()
    text = last_text(await bot.send(f"/exam {future} rhit"))
    assert "Saved" in text and "RHIT exam" in text and "100 days" in text
    settings = await bot.db.study.get(USER)
    assert settings.exam_date == date.fromisoformat(future) and settings.exam_cert == "RHIT"
    assert "100 days" in last_text(await bot.send("/countdown"))
    assert "100 days" in last_text(await bot.send("/stats"))


async def test_bad_exam_input_changes_nothing(bot: BotHarness) -> None:
    assert "YYYY-MM-DD" in last_text(await bot.send("/exam 03/01/2027"))
    assert "in the past" in last_text(await bot.send("/exam 2020-01-01"))
    assert "years away" in last_text(await bot.send("/exam 2099-01-01"))
    assert "does not exist" in last_text(await bot.send("/exam 2027-02-30"))
    future = (datetime.now(UTC).date() + timedelta(days=30)).isoformat()
    text = last_text(await bot.send(f"/exam {future} <PhD>"))
    assert "&lt;PhD&gt;" in text and "CEHRS, RHIT" in text
    assert (await bot.db.study.get(USER)).exam_date is None


async def test_exam_for_a_cert_without_questions_mentions_it(bot: BotHarness) -> None:
    future = (datetime.now(UTC).date() + timedelta(days=30)).isoformat()
    text = last_text(await bot.send(f"/exam {future} CPC"))
    assert "practice questions for CEHRS and RHIT only" in text


async def test_timezone(bot: BotHarness) -> None:
    text = last_text(await bot.send("/timezone america/chicago"))
    assert "America/Chicago" in text
    assert (await bot.db.study.get(USER)).timezone == "America/Chicago"
    text = last_text(await bot.send("/timezone Mars/Base"))
    assert "don't know that zone" in text and "Nothing was changed" in text
    assert (await bot.db.study.get(USER)).timezone == "America/Chicago"


async def test_daily_schedules_a_job_in_the_users_zone(bot: BotHarness) -> None:
    await bot.send("/timezone America/Chicago")
    text = last_text(await bot.send("/daily 7:30"))
    assert "07:30" in text and "America/Chicago" in text
    job = daily_job(bot, user_job_name(USER, DAILY))
    local = next_fire(job).astimezone(ZoneInfo("America/Chicago"))
    assert (local.hour, local.minute // 10) == (7, 3)  # 07:30 plus a stagger of a few minutes
    assert "HH:MM" in last_text(await bot.send("/daily 25:00"))
    assert (await bot.db.study.get(USER)).daily_time == "07:30"
    assert "off" in last_text(await bot.send("/daily off"))
    assert bot.app.job_queue.get_jobs_by_name(user_job_name(USER, DAILY)) == ()  # type: ignore[union-attr]
    assert (await bot.db.study.get(USER)).daily_time is None


async def test_daily_jobs_are_restored_after_a_restart_and_fire(tmp_path: Path) -> None:
    async with BotHarness(tmp_path) as first:
        await first.send("/daily 08:00")
        await first.send("/daily 09:15", user=first.user(502, "Bea"))
        group = first.api.group_chat(-100321)
        first.api.set_member_status(-100321, USER, "creator")
        await first.send("/daily 18:00", chat=group)
        cohort = await first.db.cohorts.for_chat(-100321)
        assert cohort is not None
    async with BotHarness(tmp_path) as second:
        second.api.start(USER)  # Telegram remembers who started the bot; a new stand-in not
        job = daily_job(second, user_job_name(USER, DAILY))
        daily_job(second, user_job_name(502, DAILY))
        daily_job(second, rhythm_job_name(cohort.id))
        before = len(second.api.calls)
        await job.run(second.app)
        polls = second.api.calls_to("sendPoll")[before:]
        assert [p.chat_id for p in polls] == [USER]
        assert await second.db.quiz.poll(str(polls[0].result["poll"]["id"])) is not None


async def test_a_blocked_user_is_switched_off_and_the_others_still_get_theirs(
        bot: BotHarness) -> None:
    await bot.send("/daily 08:00")
    other = bot.user(502, "Bea")
    await bot.send("/daily 08:00", user=other)
    bot.api.block(USER)
    await daily_job(bot, user_job_name(USER, DAILY)).run(bot.app)
    await daily_job(bot, user_job_name(502, DAILY)).run(bot.app)
    assert (await bot.db.study.get(USER)).daily_time is None
    assert bot.app.job_queue.get_jobs_by_name(user_job_name(USER, DAILY)) == ()  # type: ignore[union-attr]
    assert [c.chat_id for c in bot.api.calls_to("sendPoll") if c.error is None] == [502]
    assert (await bot.db.study.get(502)).daily_time == "08:00"


async def test_same_time_daily_jobs_are_staggered(bot: BotHarness) -> None:
    for user_id in range(600, 640):
        await bot.send("/daily 08:00", user=bot.user(user_id))
    times = {next_fire(daily_job(bot, user_job_name(u, DAILY))) for u in range(600, 640)}
    assert len(times) > 20


async def test_stats_and_exam_stay_out_of_groups(bot: BotHarness) -> None:
    group = bot.api.group_chat(-100555)
    for command in ("/stats", "/exam 2027-03-01"):
        calls = await bot.send(command, chat=group)
        assert "private chat" in last_text(calls)
        assert calls[-1].buttons()[0]["url"].endswith("?start=stats")
    assert (await bot.db.study.get(USER)).exam_date is None


async def test_blocking_the_bot_in_private_switches_the_daily_off(bot: BotHarness) -> None:
    await bot.send("/daily 08:00")
    chat = bot.api.private_chat(bot.user())
    await bot.feed(bot.api.my_chat_member_update(bot.user(), chat, "member", "kicked"))
    assert (await bot.db.study.get(USER)).daily_time is None
    assert bot.app.job_queue.get_jobs_by_name(user_job_name(USER, DAILY)) == ()  # type: ignore[union-attr]
