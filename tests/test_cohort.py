"""A study cohort's life in a group chat, through the Bot API stand-in."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from handlers import quiz
from tests.fake_clock import run_until, scheduled_job, use_fake_clock
from tests.harness import BotHarness, last_text, replies
from tests.test_quiz import answer, poll_id, poll_of, question_of

GROUP_ID = -100777
ADMIN = 601


def members(bot: BotHarness) -> dict[str, dict[str, Any]]:
    return {"admin": bot.user(ADMIN, "Ada"), "bea": bot.user(602, "Bea"),
            "eve": bot.user(603, "<Eve>"), "zed": bot.user(604, "Zed")}


async def setup_cohort(bot: BotHarness) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    group = bot.api.group_chat(GROUP_ID, "CEHRS study")
    people = members(bot)
    bot.api.set_member_status(GROUP_ID, ADMIN, "administrator")
    await bot.feed(bot.api.my_chat_member_update(people["admin"], group, "left", "member"))
    date = (datetime.now(UTC).date() + timedelta(days=90)).isoformat()
    await bot.send(f'/cohort name="Spring CEHRS" exam=cehrs date={date} tz=America/New_York',
                   user=people["admin"], chat=group)
    for who in ("admin", "bea", "eve"):
        await bot.send("/join", user=people[who], chat=group)
    return group, people


async def test_added_to_a_group_the_bot_introduces_the_cohort_commands(bot: BotHarness) -> None:
    group = bot.api.group_chat(GROUP_ID)
    calls = await bot.feed(bot.api.my_chat_member_update(bot.user(), group, "left", "member"))
    text = last_text(calls)
    assert calls[-1].chat_id == GROUP_ID
    for command in ("/join", "/quiz", "/leaderboard", "/countdown", "/cohort name="):
        assert command in text
    assert "/profile" not in text and "/stats" not in text
    assert await bot.db.cohorts.for_chat(GROUP_ID) is not None


async def test_admin_sets_the_cohort_and_others_are_refused_politely(bot: BotHarness) -> None:
    group, people = await setup_cohort(bot)
    cohort = await bot.db.cohorts.for_chat(GROUP_ID)
    assert cohort is not None and cohort.name == "Spring CEHRS" and cohort.exam_cert == "CEHRS"
    assert cohort.timezone == "America/New_York"
    text = last_text(await bot.send("/cohort name=Hijacked", user=people["bea"], chat=group))
    assert "Only the group's admins" in text
    assert (await bot.db.cohorts.for_chat(GROUP_ID)).name == "Spring CEHRS"  # type: ignore[union-attr]
    shown = last_text(await bot.send("/cohort@ehr_coach_bot", user=people["bea"], chat=group))
    assert "Spring CEHRS" in shown and "Members: 3" in shown and "America/New_York" in shown
    assert f"start=join_{cohort.code}" in shown


async def test_bad_cohort_settings_change_nothing(bot: BotHarness) -> None:
    group, people = await setup_cohort(bot)
    admin = people["admin"]
    for typed, expected in (("date=2020-01-01", "in the past"), ("exam=<MD>", "&lt;MD&gt;"),
                            ("tz=Mars/Base", "don't know that zone"),
                            ("colour=blue", "unknown key"), ("name=" + "x" * 80, "1 to 64"),
                            ('name="Open', "quote is not closed")):
        text = last_text(await bot.send(f"/cohort {typed}", user=admin, chat=group))
        assert expected in text and "Nothing was changed" in text, typed
    cohort = await bot.db.cohorts.for_chat(GROUP_ID)
    assert cohort is not None and cohort.name == "Spring CEHRS"


async def test_a_mistyped_admin_action_names_the_admin_tools(bot: BotHarness) -> None:
    group, people = await setup_cohort(bot)
    text = last_text(await bot.send("/cohort paws", user=people["admin"], chat=group))
    assert "Nothing was changed" in text
    for tool in ("/cohort pause", "/cohort season", "/cohort window=6", "/cohort topic=",
                 "/cohort members", "/cohort remove", "/cohort newcode"):
        assert tool in text, tool
    cohort = await bot.db.cohorts.for_chat(GROUP_ID)
    assert cohort is not None and not cohort.paused


async def test_group_quiz_answered_by_several_members_and_the_leaderboard(
        bot: BotHarness, monkeypatch: pytest.MonkeyPatch) -> None:
    group, people = await setup_cohort(bot)
    monkeypatch.setattr(quiz, "GROUP_QUIZ_COOLDOWN", timedelta(0))  # two questions in a row
    await bot.send("/leaderboard hide", user=people["bea"], chat=group)
    call = poll_of(await bot.send("/quiz", user=people["bea"], chat=group))
    assert call.chat_id == GROUP_ID and call.params["is_anonymous"] is False
    await answer(bot, call, right=True, user=people["admin"])
    await answer(bot, call, right=True, user=people["bea"])
    await answer(bot, call, right=False, user=people["eve"])
    await answer(bot, call, right=True, user=people["zed"])  # not a member: not on the board
    second = poll_of(await bot.send("/quiz", user=people["admin"], chat=group))
    assert second.params["question"] != call.params["question"]
    await answer(bot, second, right=True, user=people["eve"])
    text = last_text(await bot.send("/leaderboard", user=people["zed"], chat=group))
    week, all_time = text.split("All time")
    assert "This week" in week
    for board in (week, all_time):
        assert "1. Ada — 1 correct of 1" in board
        assert "1. Anonymous member — 1 correct of 1" in board
        assert "3. &lt;Eve&gt; — 1 correct of 2" in board
        assert "Bea" not in board and "Zed" not in board
    # Zed's answer still counts for Zed's own practice.
    assert [(r.answered, r.correct) for r in await bot.db.quiz.results_by_domain(604)] == [(1, 1)]


async def test_a_group_gets_one_question_on_request_per_cooldown(bot: BotHarness) -> None:
    group, people = await setup_cohort(bot)
    first = poll_of(await bot.send("/quiz", user=people["bea"], chat=group))
    calls = await bot.send("/quiz", user=people["admin"], chat=group)
    assert not [c for c in calls if c.method == "sendPoll"]
    assert "next one in 30 s" in last_text(calls) or "next one in 29 s" in last_text(calls)
    assert await bot.db.quiz.last_sent_in_chat(GROUP_ID) is not None
    # Private practice is not held back by the group's.
    poll_of(await bot.send("/quiz", user=people["bea"]))
    assert first.chat_id == GROUP_ID


async def test_join_leave_and_deep_link(bot: BotHarness) -> None:
    group, people = await setup_cohort(bot)
    assert "already in" in last_text(await bot.send("/join", user=people["bea"], chat=group))
    assert "you left" in last_text(await bot.send("/leave", user=people["bea"], chat=group))
    assert "not a member" in last_text(await bot.send("/leave", user=people["bea"], chat=group))
    cohort = await bot.db.cohorts.for_chat(GROUP_ID)
    assert cohort is not None
    text = last_text(await bot.send(f"/start join_{cohort.code}", user=people["zed"]))
    assert "You joined <b>Spring CEHRS</b>" in text
    assert await bot.db.cohorts.is_member(cohort.id, 604)
    assert "out of date" in last_text(await bot.send("/start join_nope", user=people["zed"]))
    assert "works in a study group" in last_text(await bot.send("/join", user=people["zed"]))


async def test_group_daily_set_by_an_admin_fires_into_the_group(bot: BotHarness) -> None:
    group, people = await setup_cohort(bot)
    text = last_text(await bot.send("/daily 19:00", user=people["bea"], chat=group))
    assert "Only the group's admins" in text
    text = last_text(await bot.send("/daily 19:00", user=people["admin"], chat=group))
    assert "19:00" in text and "America/New_York" in text
    cohort = await bot.db.cohorts.for_chat(GROUP_ID)
    assert cohort is not None and cohort.daily_time == "19:00"
    use_fake_clock(bot, datetime.now(UTC))
    job = scheduled_job(bot, cohort.id)
    assert job is not None
    local = job.due.astimezone(ZoneInfo("America/New_York"))
    assert (local.hour, local.minute) in {(19, 0), (19, 1), (19, 2), (19, 3)}  # staggered
    polls = [c for c in await run_until(bot, cohort.id, job.due) if c.method == "sendPoll"]
    assert [p.chat_id for p in polls] == [GROUP_ID]
    sent = await bot.db.quiz.poll(poll_id(polls[0]))
    assert sent is not None and sent.cohort_id == cohort.id


async def test_countdown_in_the_group(bot: BotHarness) -> None:
    group, people = await setup_cohort(bot)
    cohort = await bot.db.cohorts.for_chat(GROUP_ID)
    assert cohort is not None and cohort.exam_date is not None
    new_york_today = datetime.now(ZoneInfo("America/New_York")).date()
    days = (cohort.exam_date - new_york_today).days
    text = last_text(await bot.send("/countdown", user=people["eve"], chat=group))
    assert f"CEHRS exam on {cohort.exam_date.isoformat()}: <b>{days} days</b>" in text


async def test_the_bot_leaving_archives_the_cohort_and_stops_its_job(bot: BotHarness) -> None:
    group, people = await setup_cohort(bot)
    await bot.send("/daily 19:00", user=people["admin"], chat=group)
    cohort = await bot.db.cohorts.for_chat(GROUP_ID)
    assert cohort is not None
    await bot.feed(bot.api.my_chat_member_update(people["admin"], group, "member", "kicked"))
    assert await bot.db.cohorts.for_chat(GROUP_ID) is None
    assert scheduled_job(bot, cohort.id) is None
    assert await bot.db.cohorts.active() == []
    # Added back later: the cohort comes back with its members and its daily question.
    await bot.feed(bot.api.my_chat_member_update(people["admin"], group, "left", "member"))
    revived = await bot.db.cohorts.for_chat(GROUP_ID)
    assert revived == cohort and await bot.db.cohorts.member_count(cohort.id) == 3
    assert scheduled_job(bot, cohort.id) is not None


async def test_a_group_that_blocks_posting_is_archived_by_its_daily_job(bot: BotHarness) -> None:
    group, people = await setup_cohort(bot)
    await bot.send("/daily 19:00", user=people["admin"], chat=group)
    cohort = await bot.db.cohorts.for_chat(GROUP_ID)
    assert cohort is not None
    use_fake_clock(bot, datetime.now(UTC))
    job = scheduled_job(bot, cohort.id)
    assert job is not None
    bot.api.fail("sendMessage", 403, "Forbidden: bot was kicked from the supergroup chat")
    await run_until(bot, cohort.id, job.due)
    assert await bot.db.cohorts.for_chat(GROUP_ID) is None
    assert scheduled_job(bot, cohort.id) is None


async def test_migration_to_a_supergroup_moves_the_cohort(bot: BotHarness) -> None:
    old = bot.api.group_chat(-4242, "Old group", kind="group")
    admin = bot.user(ADMIN, "Ada")
    await bot.send("/join", user=admin, chat=old)
    cohort = await bot.db.cohorts.for_chat(-4242)
    assert cohort is not None
    new_id = -1004242
    await bot.feed(bot.api.update(message=bot.api.message(admin, old,
                                                          migrate_to_chat_id=new_id)))
    moved = await bot.db.cohorts.for_chat(new_id)
    assert moved is not None and moved.id == cohort.id
    assert await bot.db.cohorts.for_chat(-4242) is None
    assert await bot.db.cohorts.is_member(moved.id, ADMIN)


async def test_group_commands_keep_profiles_out(bot: BotHarness) -> None:
    group, people = await setup_cohort(bot)
    await bot.send("/profile years=3 state=TX", user=people["bea"])
    calls = []
    for command in ("/cohort", "/leaderboard", "/countdown", "/stats"):
        calls += replies(await bot.send(command, user=people["bea"], chat=group))
    assert all("Texas" not in c.text and "years" not in c.text for c in calls)


async def test_an_anonymous_admin_posting_as_the_group_may_set_the_cohort(
        bot: BotHarness) -> None:
    group = bot.api.group_chat(GROUP_ID)
    anonymous = bot.user(1087968824, "Group", username="GroupAnonymousBot", is_bot=True)
    await bot.send("/cohort exam=RHIT", user=anonymous, chat=group, sender_chat=group)
    cohort = await bot.db.cohorts.for_chat(GROUP_ID)
    assert cohort is not None and cohort.exam_cert == "RHIT"
    assert not bot.api.calls_to("getChatMember")
    call = poll_of(await bot.send("/quiz", chat=group))
    assert question_of(call).exam == "RHIT"
