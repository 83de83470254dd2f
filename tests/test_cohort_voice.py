"""A cohort's quiet, honest group voice: exams without questions are refused, only people
join, hiding works from the private chat and says votes are visible, a "why?" under a quiz
poll gets its explanation once the poll is closed, a leaderboard past ten rows keeps ties."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from handlers import quiz
from handlers.cohort import VOTES_VISIBLE
from knowledge.practice import EXAMS
from knowledge.profile import Certification
from knowledge.quiz_bank import load_quiz_bank
from tests.fake_clock import run_until, use_fake_clock
from tests.harness import BotHarness, last_text, replies
from tests.test_quiz import answer, poll_of, question_of

GROUP_ID = -100999
ADMIN = 801


async def group_with_admin(bot: BotHarness) -> tuple[dict[str, Any], dict[str, Any]]:
    group = bot.api.group_chat(GROUP_ID, "Study")
    admin = bot.user(ADMIN, "Ada")
    bot.api.set_member_status(GROUP_ID, ADMIN, "administrator")
    await bot.feed(bot.api.my_chat_member_update(admin, group, "left", "member"))
    return group, admin


async def test_every_exam_has_questions_or_is_refused_with_the_supported_list(
        bot: BotHarness, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(quiz, "GROUP_QUIZ_COOLDOWN", timedelta(0))
    group, admin = await group_with_admin(bot)
    for cert in Certification:
        text = last_text(await bot.send(f"/cohort exam={cert.value}", user=admin, chat=group))
        cohort = await bot.db.cohorts.for_chat(GROUP_ID)
        assert cohort is not None
        if cert.value in EXAMS:
            assert cohort.exam_cert == cert.value and load_quiz_bank().for_exam(cert.value)
            call = poll_of(await bot.send("/quiz", user=admin, chat=group))
            assert question_of(call).exam == cert.value
        else:
            assert f"no practice questions for {cert.value}" in text
            assert "supported: CEHRS and RHIT" in text and "Nothing was changed" in text
            assert cohort.exam_cert != cert.value


async def test_anonymous_admins_and_channels_cannot_join(bot: BotHarness) -> None:
    group, _ = await group_with_admin(bot)
    anonymous = bot.user(1087968824, "Group", username="GroupAnonymousBot", is_bot=True)
    text = last_text(await bot.send("/join", user=anonymous, chat=group, sender_chat=group))
    assert "Anonymous admins and channels can't join" in text
    channel = {"id": -1005555, "type": "channel", "title": "News"}
    text = last_text(await bot.send("/join", user=bot.user(136817688, "Channel", is_bot=True),
                                    chat=group, sender_chat=channel))
    assert "can't join" in text
    cohort = await bot.db.cohorts.for_chat(GROUP_ID)
    assert cohort is not None and await bot.db.cohorts.member_count(cohort.id) == 0


async def test_hiding_from_the_private_chat_is_confirmed_privately(bot: BotHarness) -> None:
    group, _ = await group_with_admin(bot)
    bea = bot.user(802, "Bea")
    assert "Only members" in last_text(await bot.send("/leaderboard hide", user=bea))
    await bot.send("/join", user=bea, chat=group)
    calls = await bot.send("/leaderboard hide", user=bea)
    assert [c.chat_id for c in replies(calls)] == [802]
    assert "Anonymous member" in last_text(calls) and VOTES_VISIBLE in last_text(calls)
    (member,) = await bot.db.cohorts.members((await bot.db.cohorts.for_chat(GROUP_ID)).id)  # type: ignore[union-attr]
    assert member.hidden
    # In the group, the confirmation goes to the private chat too, not to the group.
    calls = await bot.send("/leaderboard show", user=bea, chat=group)
    assert [c.chat_id for c in replies(calls)] == [802]
    assert "shows on the leaderboard" in last_text(calls)
    # Someone who never opened the private chat gets a button to it in the group.
    cy = bot.user(803, "Cy")
    await bot.send("/join", user=cy, chat=group)
    bot.api.block(803)
    calls = await bot.send("/leaderboard hide", user=cy, chat=group)
    assert replies(calls)[-1].chat_id == GROUP_ID and "Cy" not in last_text(calls)
    assert replies(calls)[-1].buttons()[0]["url"].startswith("https://t.me/ehr_coach_bot")
    assert "Telegram shows everyone in the group who voted for what" in last_text(
        await bot.send("/privacy", user=bea))


async def test_why_under_a_quiz_poll_gets_its_explanation_once_closed(bot: BotHarness) -> None:
    clock = use_fake_clock(bot, datetime(2027, 1, 4, 15, tzinfo=UTC))
    group, admin = await group_with_admin(bot)
    bea = bot.user(802, "Bea")
    await bot.send("/join", user=bea, chat=group)
    call = poll_of(await bot.send("/quiz", user=admin, chat=group))
    question = question_of(call)
    poll_message = bot.message_of(call)
    await answer(bot, call, right=False, user=bea)
    text = last_text(await bot.send("why?", user=bea, chat=group, reply_to_message=poll_message))
    assert "still open" in text and question.answer not in text
    # Chatter under the poll is not a question about it: this handler stays out of it.
    assert not any("Answer:" in c.text for c in replies(
        await bot.send("thanks!", user=bea, chat=group, reply_to_message=poll_message)))
    closing = await run_until(bot, 1, clock.now + timedelta(hours=13))
    assert [c.method for c in closing] == ["stopPoll", "sendMessage"]
    assert "<b>0 of 1</b> got it right" in closing[1].text
    text = last_text(await bot.send("why is that the answer?", user=bea, chat=group,
                                    reply_to_message=poll_message))
    assert question.explanation.replace("&", "&amp;") in text and question.source in text
    # In a private chat: after answering.
    private = poll_of(await bot.send("/quiz", user=bea))
    mine = bot.message_of(private)
    assert "Pick an answer first" in last_text(await bot.send("why", user=bea,
                                                              reply_to_message=mine))
    await answer(bot, private, right=True, user=bea)
    assert question_of(private).answer.replace("&", "&amp;") in last_text(
        await bot.send("why", user=bea, reply_to_message=mine))


async def test_a_long_leaderboard_keeps_ties_and_shows_everyone_on_request(
        bot: BotHarness, monkeypatch: pytest.MonkeyPatch) -> None:
    group, admin = await group_with_admin(bot)
    monkeypatch.setattr(quiz, "GROUP_QUIZ_COOLDOWN", timedelta(0))
    people = [bot.user(900 + i, f"M{i:02d}") for i in range(23)]
    for person in people:
        await bot.send("/join", user=person, chat=group)
    first = poll_of(await bot.send("/quiz", user=admin, chat=group))
    second = poll_of(await bot.send("/quiz", user=admin, chat=group))
    # M00-M07: 2 right; M08-M13: 1 right (ranks 9 to 14 tie); M14-M22: 0 right of 1.
    for i, person in enumerate(people):
        await answer(bot, first, right=i < 14, user=person)
        if i < 8:
            await answer(bot, second, right=True, user=person)
    board = last_text(await bot.send("/leaderboard", user=admin, chat=group))
    week = board.split("All time")[0]
    assert "9. M08 — 1 correct of 1" in week and "9. M13 — 1 correct of 1" in week
    assert "M14" not in week and "… and 9 more" in week
    everyone = last_text(await bot.send("/leaderboard all", user=admin, chat=group))
    assert "15. M22 — 0 correct of 1" in everyone
    bot.api.start(people[22]["id"])  # M22 has opened a chat with the bot
    calls = await bot.send("/leaderboard me", user=people[22], chat=group)
    assert replies(calls)[-1].chat_id == people[22]["id"]
    assert "your place is <b>15th of 23</b> (tied)" in last_text(calls)


async def test_group_texts_say_how_to_ask_and_skip_private_wording(bot: BotHarness) -> None:
    group = bot.api.group_chat(GROUP_ID)
    intro = last_text(await bot.feed(bot.api.my_chat_member_update(bot.user(), group, "left",
                                                                   "member")))
    assert "/ask" in intro and "mention @ehr_coach_bot" in intro and "reply to one" in intro
    assert "CEHRS and RHIT" in intro
    welcome = replies(await bot.send("/start", chat=group))[-1]
    assert "plain words" not in welcome.text and "Tell me a little about yourself" \
        not in welcome.text
    assert "/ask" in welcome.text
    assert [b.get("url") for b in welcome.buttons()] == ["https://t.me/ehr_coach_bot"]


async def test_a_tap_on_a_group_answer_opens_the_presser_s_private_chat(bot: BotHarness) -> None:
    group, admin = await group_with_admin(bot)
    answer_message = replies(await bot.send("/ask what is rhit", user=admin, chat=group))[-1]
    topic = next(data for data in answer_message.button_data() if data.startswith("ask:t:"))
    bea = bot.user(802, "Bea")
    calls = await bot.press(topic, user=bea, chat=group, message=bot.message_of(answer_message))
    assert not replies(calls)  # the group's message stays as it was
    (answered,) = calls
    payload = "topic_" + topic.removeprefix("ask:t:").replace(":", "-")
    assert answered.params["url"] == f"https://t.me/ehr_coach_bot?start={payload}"
    private = replies(await bot.send(f"/start {payload}", user=bea))[-1]
    assert private.chat_id == 802 and "More:" in private.text and private.button_data()
    assert "no longer available" in last_text(await bot.send("/start topic_nope", user=bea))
