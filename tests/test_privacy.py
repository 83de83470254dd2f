"""/privacy, /export, /forget; jobs of a user; redelivered updates."""

from __future__ import annotations

import json

from telegram.ext import Application

from handlers import user_jobs
from handlers.user_jobs import jobs_of_user, user_job_name
from knowledge.profile import Profile
from tests.harness import BotHarness, last_text, replies
from tests.test_cohort import ADMIN, setup_cohort
from tests.test_quiz import answer, poll_of


async def _noop(context: object) -> None:
    return None


async def _user_rows_left(bot: BotHarness, user_id: int) -> dict[str, int]:
    """Rows of `user_id` or their private chat, in every table of the schema (found generically)."""
    left = {}
    for table in await bot.db.user_data.tables():
        count = sum(1 for row in await bot.db.user_data.rows(table)
                    if user_id in (row.get("user_id"), row.get("chat_id")))
        if count:
            left[table] = count
    return left


async def test_privacy_explains_storage_and_deletion(bot: BotHarness) -> None:
    text = last_text(await bot.send("/privacy"))
    for expected in ("What I keep", "texts of your messages", "could not answer", "/export",
                     "/forget", "How long"):
        assert expected in text


async def test_export_sends_every_row_as_json(bot: BotHarness) -> None:
    await bot.send("/profile years=3 state=TX certs=RHIT")
    calls = await bot.send("/export")
    document = [c for c in calls if c.method == "sendDocument"]
    assert len(document) == 1 and "1 row(s)" in document[0].text
    exported = json.loads(bot.api.uploads["document"])
    assert exported["user_id"] == 501
    [row] = exported["tables"]["profiles"]
    assert row["years"] == 3 and row["state"] == "TX" and json.loads(row["certs"]) == ["RHIT"]


async def test_export_with_nothing_stored(bot: BotHarness) -> None:
    calls = await bot.send("/export")
    assert "store nothing" in calls[-1].text
    assert json.loads(bot.api.uploads["document"])["tables"] == {}


async def test_forget_asks_then_deletes_every_row_and_the_users_jobs(bot: BotHarness) -> None:
    other = bot.user(777, "Sam")
    await bot.send("/profile years=3 state=TX")
    await bot.send("/profile years=8", user=other)
    queue = bot.app.job_queue
    assert queue is not None
    queue.run_once(_noop, 3600, name=user_job_name(501, "reminder"))
    queue.run_once(_noop, 3600, chat_id=501, name="daily")
    queue.run_once(_noop, 3600, name=user_job_name(777, "reminder"))
    queue.run_once(_noop, 3600, name=user_job_name(5010, "reminder"))

    ask = replies(await bot.send("/forget"))[-1]
    assert "Delete everything" in ask.text
    assert await bot.db.profiles.get(501) is not None  # asking deletes nothing
    confirm = next(d for d in ask.button_data() if d.startswith("forget:yes:"))
    done = last_text(await bot.press(confirm, message=bot.message_of(ask)))
    assert "profiles: 1" in done and "2 scheduled reminder(s) cancelled" in done

    assert await _user_rows_left(bot, 501) == {}
    assert await bot.db.profiles.get(777) == Profile(years=8)
    remaining = sorted(job.name or "" for job in queue.jobs()
                       if not job.removed and job.name != "outbox")  # the bot's own
    assert remaining == sorted([user_job_name(777, "reminder"), user_job_name(5010, "reminder")])


async def test_keep_and_stale_confirmation_delete_nothing(bot: BotHarness) -> None:
    await bot.send("/profile years=3")
    ask = replies(await bot.send("/forget"))[-1]
    assert "Nothing was deleted" in last_text(await bot.press("forget:no",
                                                              message=bot.message_of(ask)))
    for stale in ("forget:yes:1000", "forget:yes:soon", "forget:yes:"):
        calls = await bot.press(stale, message=bot.message_of(ask))
        assert "out of date" in calls[-1].params["text"]
    assert await bot.db.profiles.get(501) == Profile(years=3)


async def test_data_commands_in_a_group_point_to_the_private_chat(bot: BotHarness) -> None:
    await bot.send("/profile years=3")
    group = bot.api.group_chat(-100123)
    for command in ("/export", "/forget@ehr_coach_bot"):
        calls = await bot.send(command, chat=group)
        assert [c.method for c in calls] == ["sendMessage"]
        assert "private" in calls[0].text and "start=privacy" in calls[0].buttons()[0]["url"]
    assert await bot.db.profiles.get(501) == Profile(years=3)
    assert "What I keep" in last_text(await bot.send("/start privacy"))


async def test_blocking_the_bot_cancels_jobs_and_runs_hooks(bot: BotHarness) -> None:
    blocked: list[int] = []

    async def remember(app: Application, user_id: int) -> None:
        blocked.append(user_id)

    user_jobs.on_user_blocked(remember)
    try:
        queue = bot.app.job_queue
        assert queue is not None
        queue.run_once(_noop, 3600, name=user_job_name(501, "reminder"))
        user = bot.user()
        await bot.feed(bot.api.my_chat_member_update(user, bot.api.private_chat(user),
                                                     "member", "kicked"))
        assert blocked == [501]
        assert all(job.removed for job in queue.jobs() if job.name != "outbox")
    finally:
        user_jobs._BLOCKED_HOOKS.remove(remember)


async def test_a_redelivered_update_is_not_applied_twice(bot: BotHarness) -> None:
    update = bot.api.text_update(bot.user(), "/profile years=3")
    assert replies(await bot.feed(update))
    await bot.send("/profile years=4")
    assert await bot.feed(update) == []
    assert await bot.db.profiles.get(501) == Profile(years=4)


async def test_forget_covers_every_feature_that_stores_rows(bot: BotHarness) -> None:
    """Profile, exam and daily settings, quiz answers and polls, flags, cohort membership."""
    group, people = await setup_cohort(bot)
    bea = people["bea"]
    await answer(bot, poll_of(await bot.send("/quiz", user=bea, chat=group)), True, bea)
    private_quiz = poll_of(await bot.send("/quiz", user=bea))
    await answer(bot, private_quiz, False, bea)
    await bot.send("/report the key looks wrong", user=bea,
                   reply_to_message=bot.message_of(private_quiz))
    await bot.send("/profile years=2 state=OH", user=bea)
    await bot.send("/exam 2027-03-01 CEHRS", user=bea)
    await bot.send("/daily 07:30", user=bea)
    assert bot.app.job_queue is not None
    assert len(jobs_of_user(bot.app.job_queue, bea["id"])) == 1

    stored = await _user_rows_left(bot, bea["id"])
    assert {"profiles", "study_settings", "quiz_answers", "quiz_polls", "quiz_flags",
            "cohort_members"} <= set(stored)
    await bot.send("/export", user=bea)
    exported = json.loads(bot.api.uploads["document"])["tables"]
    assert {table: len(rows) for table, rows in exported.items()} == stored

    ask = replies(await bot.send("/forget", user=bea))[-1]
    await bot.press(ask.button_data()[0], user=bea, message=bot.message_of(ask))
    assert await _user_rows_left(bot, bea["id"]) == {}
    assert jobs_of_user(bot.app.job_queue, bea["id"]) == []
    cohort = await bot.db.cohorts.for_chat(group["id"])
    assert cohort is not None and await bot.db.cohorts.is_member(cohort.id, ADMIN)
    assert "Bea" not in last_text(await bot.send("/leaderboard", user=people["admin"],
                                                 chat=group))
