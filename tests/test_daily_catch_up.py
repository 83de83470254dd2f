"""A daily question that fell due while the bot was down is sent on start, once, when it is at
most an hour late; one sent already, or too late to be useful, is not."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

from bot.app import build_application
from bot.fake_api import FakeRequest, FakeTelegram
from bot.lifecycle import running
from bot.settings import Settings
from db import Database
from handlers.daily import DAILY
from handlers.user_jobs import user_job_name
from knowledge.study_calendar import last_due, missed
from tests.harness import TEST_TOKEN
from tests.http_bot import wait_for

LATE, TOO_LATE, SENT = 601, 602, 603


async def _prepare(url: str, now: datetime) -> None:
    db = Database(url)
    await db.open()
    try:
        for user_id, minutes_ago in ((LATE, 20), (TOO_LATE, 130), (SENT, 20)):
            await db.study.set_daily(user_id, (now - timedelta(minutes=minutes_ago))
                                     .strftime("%H:%M"))
        sent_at = now - timedelta(minutes=1)
        await db.daily_runs.claim(user_job_name(SENT, DAILY), sent_at, sent_at, SENT)
    finally:
        await db.close()


async def _start_and_stop(url: str, tmp_path: Path, api: FakeTelegram, until: str) -> None:
    """Run the bot until the stand-in saw a call to `until` (to the user LATE, for a poll)."""
    settings = Settings(_env_file=None, telegram_bot_token=TEST_TOKEN,  # type: ignore[call-arg]
                        database_url=url, database_path=tmp_path / "unused.sqlite3",
                        rate_limit=False)
    app = build_application(settings, request=FakeRequest(api))
    async with running(app):
        await wait_for(lambda: api.calls_to(until, LATE if until == "sendPoll" else None),
                       timeout=20, what=until)
        await asyncio.sleep(1.0)  # time for a (wrong) second catch-up to go out


async def test_a_missed_daily_question_is_sent_on_start_once(tmp_path: Path,
                                                             database_url: str) -> None:
    await _prepare(database_url, datetime.now(UTC))
    api = FakeTelegram()
    await _start_and_stop(database_url, tmp_path, api, "sendPoll")
    api2 = FakeTelegram()
    await _start_and_stop(database_url, tmp_path, api2, "setMyCommands")  # a restart: sent
    assert len(api.calls_to("sendPoll", LATE)) == 1
    assert api.calls_to("sendPoll", TOO_LATE) == [] and api.calls_to("sendPoll", SENT) == []
    assert api2.calls_to("sendPoll") == []


def test_last_due_and_missed() -> None:
    eight = time(8, 0, tzinfo=UTC)
    morning = datetime(2026, 3, 2, 8, 30, tzinfo=UTC)
    assert last_due(eight, morning) == datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
    assert last_due(eight, morning.replace(hour=7)) == datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
    due = last_due(eight, morning)
    assert missed(due, None, morning, timedelta(hours=1))
    assert missed(due, due - timedelta(days=1), morning, timedelta(hours=1))
    assert not missed(due, due + timedelta(seconds=5), morning, timedelta(hours=1))
    assert not missed(due, None, morning + timedelta(hours=2), timedelta(hours=1))
