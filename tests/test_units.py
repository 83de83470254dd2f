"""The database unit of an update (db.database): its writes and its processed mark commit
together, once; and a quiz poll whose id was never stored still counts its answers."""

from __future__ import annotations

import asyncio
from contextlib import nullcontext
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from db import Database
from db.quiz import SentPoll
from knowledge.profile import Profile
from knowledge.quiz_bank import load_quiz_bank
from tests.fake_clock import run_until, use_fake_clock
from tests.harness import BotHarness, replies
from tests.postgres_cluster import PostgresCluster


@pytest.fixture
async def db(database_url: str):  # type: ignore[no-untyped-def]
    database = Database(database_url)
    await database.open()
    yield database
    await database.close()


async def test_a_unit_commits_its_writes_with_its_mark(db: Database) -> None:
    async with db.unit(1) as fresh:
        assert fresh
        await db.profiles.save(5, Profile(years=1))
    assert await db.processed_updates.seen(1)
    assert await db.profiles.get(5) == Profile(years=1)
    async with db.unit(1) as fresh:  # delivered again
        assert not fresh


async def test_a_unit_that_fails_leaves_neither_writes_nor_mark(db: Database) -> None:
    with pytest.raises(asyncio.CancelledError):
        async with db.unit(2):
            await db.profiles.save(5, Profile(years=2))
            raise asyncio.CancelledError  # e.g. the process stopping mid-update
    assert not await db.processed_updates.seen(2)
    assert await db.profiles.get(5) is None


async def test_flush_makes_the_writes_durable_before_a_reply(db: Database, database_url: str
                                                             ) -> None:
    other = Database(database_url)  # another process's view of the database
    await other.open()
    try:
        async with db.unit(3):
            await db.profiles.save(5, Profile(years=3))
            assert await other.profiles.get(5) is None  # not committed yet
            await db.flush()  # what bot.delivery does before every Bot API call
            assert await other.profiles.get(5) == Profile(years=3)
            assert await other.processed_updates.seen(3)
    finally:
        await other.close()


async def test_writes_of_concurrent_units_never_mix(db: Database) -> None:
    async def update(update_id: int, fail: bool) -> None:
        async with db.unit(update_id):
            await db.profiles.save(update_id, Profile(years=update_id % 50))
            await asyncio.sleep(0)
            await db.profiles.save(update_id + 1000, Profile(years=1))
            if fail:
                raise asyncio.CancelledError

    results = await asyncio.gather(*(update(i, i % 3 == 0) for i in range(1, 61)),
                                   return_exceptions=True)
    assert len(results) == 60
    for i in range(1, 61):
        kept = i % 3 != 0
        assert (await db.profiles.get(i) is not None) is kept
        assert (await db.profiles.get(i + 1000) is not None) is kept
        assert await db.processed_updates.seen(i) is kept


async def test_a_failed_statement_does_not_leave_the_update_unmarked(db: Database) -> None:
    # A handler's statement fails (a bug: the error handler apologises) and the handler goes
    # on. SQLite fails that statement only; PostgreSQL aborts the transaction, so the unit
    # starts again. Either way later writes and the mark commit: the update is not run twice.
    async with db.unit(5):
        await db.profiles.save(5, Profile(years=5))
        with pytest.raises(db.errors):
            await db.cohorts.join(404, 5, "nobody")  # no such cohort: a foreign key fails
        await db.profiles.save(6, Profile(years=6))
    assert await db.processed_updates.seen(5)
    assert await db.profiles.get(6) == Profile(years=6)
    assert (await db.profiles.get(5) is not None) is (db.dialect == "sqlite")


async def test_a_transaction_inside_a_unit_is_all_or_nothing(db: Database) -> None:
    async with db.unit(4):
        await db.profiles.save(6, Profile(years=6))
        with pytest.raises(RuntimeError):
            async with db.transaction() as conn:
                await conn.execute("DELETE FROM profiles")
                raise RuntimeError("stop")
    assert await db.profiles.get(6) == Profile(years=6)


async def test_an_answer_to_a_poll_whose_id_was_never_stored_still_counts(
        bot: BotHarness) -> None:
    # The bot stopped after sending the poll and before storing its id: only the pending row.
    question = load_quiz_bank().questions[0]
    await bot.db.quiz.record_pending(question.id, 501, 1, None, private=True)
    await bot.feed(bot.api.poll_answer_update(bot.user(), "poll-never-stored", [1]))
    assert await bot.db.quiz.poll("poll-never-stored") is not None
    results = await bot.db.quiz.results_by_domain(501)
    assert [(r.domain, r.answered, r.correct) for r in results] == [(question.domain, 1, 1)]
    # Someone else's answer to an unknown poll is not matched to this user's private poll.
    await bot.db.quiz.record_pending(question.id, 501, 1, None, private=True)
    await bot.feed(bot.api.poll_answer_update(bot.user(502), "another-unknown", [1]))
    assert await bot.db.quiz.results_by_domain(502) == []


async def test_a_redelivered_quiz_is_not_posted_twice(bot: BotHarness) -> None:
    update = bot.api.text_update(bot.user(), "/quiz")
    assert [call.method for call in replies(await bot.feed(update))] == ["sendPoll"]
    assert await bot.feed(update) == []


async def one_member_cohort(bot: BotHarness, chat_id: int, user: dict[str, Any]) -> int:
    """A group with the bot and a cohort whose one member is `user`; the cohort's id."""
    group = bot.api.group_chat(chat_id, "Study")
    await bot.feed(bot.api.my_chat_member_update(user, group, "left", "member"))
    await bot.send("/join", user=user, chat=group)
    cohort = await bot.db.cohorts.for_chat(chat_id)
    assert cohort is not None
    return cohort.id


async def test_a_cohort_poll_whose_id_was_never_stored_still_closes_with_its_result(
        bot: BotHarness) -> None:
    # A daily question was sent, then the bot stopped before storing its id: only the pending
    # row, and no round. The first answer adopts it, and its round closes and posts the result.
    clock = use_fake_clock(bot, datetime.now(UTC))
    ada = bot.user(771, "Ada")
    cohort_id = await one_member_cohort(bot, -100777, ada)
    question = load_quiz_bank().questions[0]
    await bot.db.quiz.record_pending(question.id, -100777, 1, cohort_id, private=False)
    await bot.feed(bot.api.poll_answer_update(ada, "group-poll-never-stored", [1]))
    assert await bot.db.rounds.is_open("group-poll-never-stored")
    closing = await run_until(bot, cohort_id, clock.now + timedelta(hours=25))
    results = [c for c in closing if c.method == "sendMessage" and "Answer:" in c.text]
    assert len(results) == 1 and results[0].params["chat_id"] == -100777
    assert "<b>1 of 1</b> got it right" in results[0].text and "Ada" in results[0].text
    assert "stopPoll" not in [c.method for c in closing]  # its message is not known
    assert not await bot.db.rounds.is_open("group-poll-never-stored")


async def test_a_poll_adopted_before_its_sender_stored_it_keeps_one_round_and_its_message(
        bot: BotHarness) -> None:
    # The answer came in while the sender waited to store the poll: the sender then finds the
    # poll and its round there already, and adds the poll's message id.
    ada = bot.user(772, "Ada")
    cohort_id = await one_member_cohort(bot, -100778, ada)
    question = load_quiz_bank().questions[0]
    pending = await bot.db.quiz.record_pending(question.id, -100778, 1, cohort_id, private=False)
    await bot.feed(bot.api.poll_answer_update(ada, "raced-poll", [1]))
    round_ = await bot.db.rounds.get("raced-poll")
    assert round_ is not None and round_.message_id == 0
    await bot.db.quiz.record_poll(SentPoll("raced-poll", question.id, -100778, 9, 1, cohort_id),
                                  private=False, at=datetime.now(UTC), pending_id=pending)
    await bot.db.rounds.open("raced-poll", cohort_id, datetime.now(UTC) + timedelta(hours=12))
    stored = await bot.db.rounds.get("raced-poll")
    assert stored is not None and stored.message_id == 9
    assert stored.closes_at == round_.closes_at  # the round opened first stays
    assert [(r.answered, r.correct) for r in await bot.db.quiz.results_by_domain(772)] == [(1, 1)]


async def test_a_job_scheduled_during_an_update_writes_outside_its_unit(
        bot: BotHarness) -> None:
    # The JobQueue's timer copies the context of the update that scheduled the job; the job
    # must not join that update's transaction (nor be rolled back with it).
    db = bot.db

    async def job(context: object) -> None:
        await db.profiles.save(7, Profile(years=7))

    assert bot.app.job_queue is not None
    await bot.app.job_queue.start()
    try:
        with pytest.raises(asyncio.CancelledError):
            async with db.unit(999_999_001):
                await db.profiles.save(8, Profile(years=8))
                bot.app.job_queue.run_once(job, 0)
                for _ in range(100):
                    await asyncio.sleep(0.02)
                    if await db.profiles.get(7) is not None:
                        break
                raise asyncio.CancelledError  # the update fails after the job has run
    finally:
        await bot.app.job_queue.stop(wait=False)
    assert await db.profiles.get(8) is None  # the update's write rolled back
    assert await db.profiles.get(7) == Profile(years=7)  # the job's is its own


async def _waiting_for_a_lock(db: Database) -> int:
    rows = await db._connection().execute_fetchall(
        "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
        "AND datname = current_database()")
    return int(next(iter(rows))[0])


@pytest.mark.parametrize("first_fails", [False, True])
async def test_replicas_given_the_same_update_apply_it_once(
        postgres: PostgresCluster, first_fails: bool) -> None:
    # Two replicas (two pools) on one PostgreSQL: the second waits for the first's claim on
    # the update; it skips the update once that committed, and handles it when that rolled
    # back (the first replica died before answering, Telegram delivered the update again).
    url = postgres.create_database()
    first, second = Database(url), Database(url)
    await first.open()
    await second.open()
    handled: list[str] = []

    async def handle(db: Database, name: str) -> None:
        async with db.unit(77) as fresh:
            if fresh:
                handled.append(name)
                await db.unanswered.record("asked once", date(2027, 1, 4))

    try:
        with pytest.raises(asyncio.CancelledError) if first_fails else nullcontext():
            async with first.unit(77) as fresh:
                assert fresh
                await first.unanswered.record("asked once", date(2027, 1, 4))
                other = asyncio.create_task(handle(second, "second"))
                for _ in range(500):  # until the second replica waits on the claim
                    if await _waiting_for_a_lock(first):
                        break
                    await asyncio.sleep(0.01)
                assert await _waiting_for_a_lock(first) == 1 and not other.done()
                if first_fails:
                    raise asyncio.CancelledError
        await other
        assert handled == (["second"] if first_fails else [])
        assert [(q.question, q.count) for q in await second.unanswered.top()] == \
            [("asked once", 1)]
        assert await first.processed_updates.seen(77)
    finally:
        await first.close()
        await second.close()
