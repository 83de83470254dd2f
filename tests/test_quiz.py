"""/quiz in a private chat, poll answers, /stats and /report."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.fake_api import ApiCall
from knowledge.quiz_bank import load_quiz_bank
from tests.harness import BotHarness, last_text

USER = 501


def poll_of(calls: list[ApiCall]) -> ApiCall:
    polls = [c for c in calls if c.method == "sendPoll"]
    assert len(polls) == 1, [c.method for c in calls]
    return polls[0]


def poll_id(call: ApiCall) -> str:
    return str(call.result["poll"]["id"])


def question_of(call: ApiCall) -> Any:
    question = next(q for q in load_quiz_bank().questions if q.question == call.params["question"])
    return question


async def answer(bot: BotHarness, call: ApiCall, right: bool, user: dict[str, Any] | None = None
                 ) -> list[ApiCall]:
    correct = int(call.params["correct_option_ids"][0])
    option = correct if right else (correct + 1) % len(call.params["options"])
    return await bot.feed(bot.api.poll_answer_update(user or bot.user(), poll_id(call), [option]))


async def test_quiz_sends_a_shuffled_quiz_poll_with_the_right_key(bot: BotHarness) -> None:
    call = poll_of(await bot.send("/quiz"))
    params = call.params
    assert params["type"] == "quiz" and params["is_anonymous"] is False
    assert 60 <= int(params["open_period"]) <= 600
    question = question_of(call)
    assert question.exam == "CEHRS"
    options = [option["text"] for option in params["options"]]
    assert sorted(options) == sorted(question.options)
    assert options[params["correct_option_ids"][0]] == question.answer
    assert params["explanation"] == question.explanation
    stored = await bot.db.quiz.poll(poll_id(call))
    assert stored is not None and stored.question_id == question.id and stored.chat_id == USER


async def test_answers_are_recorded_per_domain_and_shown_in_stats(bot: BotHarness) -> None:
    first = poll_of(await bot.send("/quiz"))
    second = poll_of(await bot.send("/quiz"))
    assert question_of(first).id != question_of(second).id
    await answer(bot, first, right=True)
    await answer(bot, second, right=False)
    await answer(bot, second, right=True)  # a second answer to the same poll is not counted
    results = await bot.db.quiz.results_by_domain(USER)
    assert sum(r.answered for r in results) == 2 and sum(r.correct for r in results) == 1
    text = last_text(await bot.send("/stats"))
    assert "Accuracy by domain" in text and "1/2 (50%)" in text
    assert "1 day</b> in a row" in text
    assert load_quiz_bank().domain(question_of(first).domain).name in text  # type: ignore[union-attr]
    assert "No exam date yet" in text
    assert "% of the exam*" in text and "Share of scored items: CEHRS exam domains guide" in text


async def test_quiz_narrowed_to_a_domain(bot: BotHarness) -> None:
    for typed in ("clinical", "Clinical operations", "clinical-op"):
        call = poll_of(await bot.send(f"/quiz {typed}"))
        assert question_of(call).domain == "clinical"


async def test_unknown_domain_lists_the_accepted_ones(bot: BotHarness) -> None:
    calls = await bot.send("/quiz <astrology>")
    assert not [c for c in calls if c.method == "sendPoll"]
    text = last_text(calls)
    assert "&lt;astrology&gt;" in text and "<code>clinical</code>" in text
    assert "rhit_privacy" in text and "/quiz rhit" in text


async def test_no_repeats_until_the_domain_pool_is_used_up(bot: BotHarness) -> None:
    bank = load_quiz_bank()
    domain = min((d for d in bank.domains if bank.for_domain(d.id)),
                 key=lambda d: len(bank.for_domain(d.id)))
    pool = bank.for_domain(domain.id)
    seen = [question_of(poll_of(await bot.send(f"/quiz {domain.id}"))).id for _ in pool]
    assert sorted(seen) == sorted(q.id for q in pool)
    again = question_of(poll_of(await bot.send(f"/quiz {domain.id}"))).id
    assert again in seen


async def test_answers_after_a_restart_still_count(tmp_path: Path) -> None:
    async with BotHarness(tmp_path) as first:
        call = poll_of(await first.send("/quiz"))
    async with BotHarness(tmp_path) as second:
        await answer(second, call, right=True)
        results = await second.db.quiz.results_by_domain(USER)
        assert [(r.answered, r.correct) for r in results] == [(1, 1)]


async def test_unknown_poll_answers_are_ignored(bot: BotHarness) -> None:
    await bot.feed(bot.api.poll_answer_update(bot.user(), "no-such-poll", [0]))
    await bot.feed(bot.api.poll_answer_update(bot.user(), "no-such-poll", []))
    assert await bot.db.quiz.results_by_domain(USER) == []


async def test_report_flags_the_question_replied_to(bot: BotHarness) -> None:
    call = poll_of(await bot.send("/quiz"))
    quoted = bot.message_of(call)
    assert "add what looks wrong" in last_text(await bot.send("/report", reply_to_message=quoted))
    text = last_text(await bot.send("/report two options look right", reply_to_message=quoted))
    assert "flagged for review" in text
    other = bot.user(777, "Kim")
    await bot.send("/report the key <is> wrong", user=other, reply_to_message=quoted)
    flags = await bot.db.quiz_flags.top(5)
    assert [(f.question_id, f.flags) for f in flags] == [(question_of(call).id, 2)]
    assert flags[0].latest_reason == "the key <is> wrong"


async def test_report_needs_a_quiz_reply_and_a_short_reason(bot: BotHarness) -> None:
    assert "reply to my quiz poll" in last_text(await bot.send("/report wrong"))
    call = poll_of(await bot.send("/quiz"))
    quoted = bot.message_of(call)
    assert "under 300" in last_text(await bot.send("/report " + "x" * 400,
                                                   reply_to_message=quoted))
    assert await bot.db.quiz_flags.top(5) == []


async def test_next_button_keeps_the_focus_and_clears_the_old_button(bot: BotHarness) -> None:
    call = poll_of(await bot.send("/quiz clinical"))
    assert call.button_data() == ["quiz:next:clinical"]
    calls = await bot.press("quiz:next:clinical", message=bot.message_of(call))
    assert [c.method for c in calls if c.method != "answerCallbackQuery"] == \
        ["editMessageReplyMarkup", "sendPoll"]
    assert question_of(poll_of(calls)).domain == "clinical"
    stale = await bot.press("quiz:next:astrology")
    assert "out of date" in stale[-1].params["text"]
