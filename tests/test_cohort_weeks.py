"""A cohort played over simulated weeks with a fake clock, through the Bot API stand-in:
daily questions open and close on time, results and weekly summaries carry the right figures,
exam reminders fire on the right local days, nothing fires twice after a restart, and a new
season resets the scores but keeps the history."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.fake_api import ApiCall
from db.quiz import DomainResult
from handlers.domain_scores import domain_lines
from knowledge.study_calendar import stagger_seconds
from tests.fake_clock import FakeClock, run_until, scheduled_job, use_fake_clock
from tests.harness import BotHarness, last_text
from tests.test_quiz import answer, poll_id, question_of

GROUP_ID = -100888
ADMIN = 701
NEW_YORK = ZoneInfo("America/New_York")
MONDAY = date(2027, 1, 4)
EXAM = date(2027, 2, 10)
NAMES = {"Ada": 701, "Bea": 702, "Cy": 703, "Dee": 704, "Eve": 705}
# Who answers on day i of the first week, in the order they answer (a minute apart), and
# whether right: Ada always right, Bea on even days, Cy right on days 0-2 and gone after day 3,
# Dee never answers, Eve always wrong.
ORDER = ("Bea", "Ada", "Cy", "Eve")


def plan(day: int) -> dict[str, bool]:
    answers = {"Bea": day % 2 == 0, "Ada": True, "Cy": day < 3, "Eve": False}
    if day > 3:
        del answers["Cy"]
    return answers


def local(day: date, hour: int, minute: int = 0, tz: ZoneInfo = NEW_YORK) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=tz).astimezone(UTC)


class Cohort:
    """The group, its people and the bot, with every Bot API call stamped with the clock."""

    def __init__(self, bot: BotHarness, clock: FakeClock) -> None:
        self.bot, self.clock = bot, clock
        self.group = bot.api.group_chat(GROUP_ID, "CEHRS study")
        self.people = {name: bot.user(uid, name) for name, uid in NAMES.items()}
        self.stamped: list[tuple[datetime, ApiCall]] = []
        bot.api.listeners.append(lambda call: self.stamped.append((clock.now, call)))
        self.cohort_id = 0

    async def set_up(self, tz: str = "America/New_York", exam: date = EXAM) -> None:
        bot, admin = self.bot, self.people["Ada"]
        bot.api.set_member_status(GROUP_ID, ADMIN, "administrator")
        await bot.feed(bot.api.my_chat_member_update(admin, self.group, "left", "member"))
        await self.say("Ada", f'/cohort name="Spring CEHRS" exam=CEHRS '
                              f'date={exam.isoformat()} tz={tz}')
        await self.say("Ada", "/daily 07:30")
        for name in NAMES:
            await self.say(name, "/join")
        cohort = await bot.db.cohorts.for_chat(GROUP_ID)
        assert cohort is not None
        self.cohort_id = cohort.id

    async def say(self, name: str, text: str) -> list[ApiCall]:
        return await self.bot.send(text, user=self.people[name], chat=self.group)

    async def until(self, moment: datetime) -> list[ApiCall]:
        return await run_until(self.bot, self.cohort_id, moment)

    def offset(self) -> timedelta:
        return timedelta(seconds=stagger_seconds(self.cohort_id))

    async def daily(self, day: date) -> ApiCall:
        """Run the clock to the day's question; return its poll."""
        calls = await self.until(local(day, 7, 30) + self.offset())
        polls = [c for c in calls if c.method == "sendPoll"]
        assert len(polls) == 1, [c.method for c in calls]
        assert self.clock.now == local(day, 7, 30) + self.offset()
        return polls[0]

    async def answers(self, poll: ApiCall, answers: dict[str, bool]) -> None:
        sent = self.clock.now
        for minutes, name in enumerate((n for n in ORDER if n in answers), start=1):
            self.clock.now = sent + timedelta(minutes=minutes)
            await answer(self.bot, poll, answers[name], user=self.people[name])


def texts(calls: list[ApiCall]) -> list[str]:
    return [c.text for c in calls if c.method == "sendMessage"]


async def test_a_cohort_week_rounds_results_summary_and_reminder(tmp_path: Path) -> None:
    async with BotHarness(tmp_path) as bot:
        clock = use_fake_clock(bot, local(MONDAY, 7))
        cohort = Cohort(bot, clock)
        await cohort.set_up()
        polls = []
        for day in range(7):
            poll = await cohort.daily(MONDAY + timedelta(days=day))
            assert "open until 19:30" in cohort.stamped[-2][1].text  # the header, then the poll
            assert f"<b>{(EXAM - MONDAY).days - day} days</b> to the CEHRS exam" \
                in cohort.stamped[-2][1].text
            await cohort.answers(poll, plan(day))
            # The round closes 12 hours after it opened: stopPoll, then the result.
            closing = await cohort.until(local(MONDAY + timedelta(days=day), 19, 45))
            assert [c.method for c in closing] == ["stopPoll", "sendMessage"]
            stamp = next(at for at, call in cohort.stamped if call is closing[0])
            assert stamp == local(MONDAY + timedelta(days=day), 19, 30) + cohort.offset()
            assert closing[0].params["message_id"] == poll.result["message_id"]
            result = closing[1].text
            question = question_of(poll)
            right = sum(plan(day).values())
            assert f"<b>{right} of {len(plan(day))}</b> got it right" in result
            assert question.explanation in result.replace("&amp;", "&")
            answering = [n for n in ORDER if n in plan(day)]
            fastest = next(n for n in answering if plan(day)[n])
            minutes = answering.index(fastest) + 1
            assert f"Fastest right answer: {fastest} ({minutes} min)" in result
            assert closing[1].params["reply_parameters"]["message_id"] \
                == poll.result["message_id"]
            polls.append(poll)
        # Nothing was posted for the (empty) week before the cohort began.
        assert not [t for t in texts([c for _, c in cohort.stamped]) if "Week of" in t]

        monday = await cohort.until(local(MONDAY + timedelta(days=7), 7, 31) + cohort.offset())
        summary, reminder = (t for t in texts(monday) if "Daily question" not in t)
        assert [c.method for c in monday] == ["sendMessage"] * 3 + ["sendPoll"]
        assert "Week of 2027-01-04 to 2027-01-10" in summary
        board = summary.split("<b>Leaderboard</b>")[1].split("<b>By domain</b>")[0]
        assert board.strip().splitlines() == ["1. Ada — 7 correct of 7", "2. Bea — 4 correct of 7",
                                              "3. Cy — 3 correct of 4", "4. Eve — 0 correct of 7"]
        expected: dict[str, list[int]] = {}
        for day, poll in enumerate(polls):
            counts = expected.setdefault(question_of(poll).domain, [0, 0])
            counts[0] += len(plan(day))
            counts[1] += sum(plan(day).values())
        by_domain = [DomainResult(d, n, c) for d, (n, c) in sorted(expected.items())]
        for line in domain_lines(by_domain):
            assert line in summary
        hardest = question_of(polls[3])  # 1 of 4 right: the lowest share of the week
        assert "1 of 4 got it right" in summary
        assert hardest.question.replace("&", "&amp;") in summary
        assert "⏰ <b>30 days</b> to the CEHRS exam (2027-02-10)" in reminder
        # A member's place, privately (Cy has opened a chat with the bot); the group sees
        # nothing of it.
        bot.api.start(NAMES["Cy"])
        calls = await cohort.say("Cy", "/leaderboard me")
        (private,) = [c for c in calls if c.method == "sendMessage"]
        assert private.chat_id == NAMES["Cy"]
        assert "your place is <b>3rd of 4</b>" in private.text
        # The cohort's own results by domain, for the group: the same figures.
        domains = last_text(await cohort.say("Bea", "/leaderboard domains"))
        assert all(line in domains for line in domain_lines(by_domain))


async def test_restarts_send_nothing_twice_and_catch_up_a_missed_question(
        tmp_path: Path) -> None:
    tuesday = MONDAY + timedelta(days=1)
    async with BotHarness(tmp_path) as bot:
        clock = use_fake_clock(bot, local(MONDAY, 7))
        cohort = Cohort(bot, clock)
        await cohort.set_up()
        await cohort.answers(await cohort.daily(MONDAY), plan(0))
        await cohort.until(local(tuesday, 7))  # Monday's round closed at 19:30
        first_poll = bot.api.calls_to("sendPoll")[0]
    # Down from 07:00 to 09:00: the 07:30 question goes out once, late, at start-up.
    bot = BotHarness(tmp_path)
    clock = use_fake_clock(bot, local(tuesday, 9))
    async with bot:
        cohort = Cohort(bot, clock)
        cohort.cohort_id = 1
        calls = await cohort.until(local(tuesday, 9))
        assert [c.method for c in calls] == ["sendMessage", "sendPoll"]
        assert "open until 21:00" in calls[0].text  # 12 hours from when it went out
        late_poll = calls[1]
        await cohort.answers(late_poll, {"Ada": True, "Bea": False})
    # Restarted again at 10:00: nothing is sent twice; the open round still closes on time.
    bot = BotHarness(tmp_path)
    clock = use_fake_clock(bot, local(tuesday, 10))
    async with bot:
        cohort = Cohort(bot, clock)
        cohort.cohort_id = 1
        assert await cohort.until(local(tuesday, 20, 59)) == []
        closing = await cohort.until(local(tuesday, 21, 1))
        assert [c.method for c in closing] == ["stopPoll", "sendMessage"]
        assert "<b>1 of 2</b> got it right" in closing[1].text
        assert closing[0].params["message_id"] == late_poll.result["message_id"]
        posted = await bot.db.rounds.posted(1)
        assert Counter(posted)["daily:2027-01-05"] == 1 and Counter(posted)["daily:2027-01-04"] == 1
        assert poll_id(first_poll) != poll_id(late_poll)


async def test_reminders_fire_on_the_right_local_days(tmp_path: Path) -> None:
    # UTC+13 in January: 07:30 there is the day before in UTC.
    auckland = ZoneInfo("Pacific/Auckland")
    exam = date(2027, 3, 1)
    async with BotHarness(tmp_path) as bot:
        clock = use_fake_clock(bot, datetime(2027, 1, 20, tzinfo=UTC))
        cohort = Cohort(bot, clock)
        await cohort.set_up(tz="Pacific/Auckland", exam=exam)
        await cohort.until(datetime(2027, 3, 2, tzinfo=UTC))
        reminders = [(at, call.text) for at, call in cohort.stamped
                     if call.method == "sendMessage" and call.text.startswith("⏰")]
        local_days = [at.astimezone(auckland).date() for at, _ in reminders]
        assert local_days == [exam - timedelta(days=n) for n in (30, 14, 7, 1)]
        assert all(at.date() != at.astimezone(auckland).date() for at, _ in reminders)
        assert all(at.astimezone(auckland).time().replace(second=0) >= time(7, 30)
                   for at, _ in reminders)
        assert "<b>30 days</b>" in reminders[0][1] and "<b>tomorrow</b>" in reminders[-1][1]
        # One daily question a local day, from 21 January to 2 March (13:00 there at the end),
        # and each closed with its result, but the last one, still open until 19:30.
        days = [at.astimezone(auckland).date() for at, call in cohort.stamped
                if call.method == "sendPoll"]
        assert days == [date(2027, 1, 21) + timedelta(days=n) for n in range(41)]
        assert len(bot.api.calls_to("stopPoll")) == len(days) - 1


async def test_a_failed_result_post_does_not_stop_the_rhythm(tmp_path: Path) -> None:
    async with BotHarness(tmp_path) as bot:
        clock = use_fake_clock(bot, local(MONDAY, 7))
        cohort = Cohort(bot, clock)
        await cohort.set_up()
        await cohort.daily(MONDAY)
        bot.api.fail("sendMessage", 400, "Bad Request: TOPIC_CLOSED")
        closing = await cohort.until(local(MONDAY, 20))
        assert [c.method for c in closing] == ["stopPoll", "sendMessage"]
        assert closing[1].error is not None
        await cohort.daily(MONDAY + timedelta(days=1))  # the next day goes on as planned


async def test_pause_season_and_admin_tools(tmp_path: Path) -> None:
    async with BotHarness(tmp_path) as bot:
        clock = use_fake_clock(bot, local(MONDAY, 7))
        cohort = Cohort(bot, clock)
        await cohort.set_up()
        await cohort.answers(await cohort.daily(MONDAY), plan(0))
        await cohort.until(local(MONDAY, 20))
        assert "paused" in last_text(await cohort.say("Ada", "/cohort pause"))
        assert "Only the group's admins" in last_text(await cohort.say("Bea", "/cohort resume"))
        assert not [c for c in await cohort.until(local(MONDAY + timedelta(days=2), 20))
                    if c.method == "sendPoll"]
        await cohort.say("Ada", "/cohort resume")
        await cohort.daily(MONDAY + timedelta(days=3))
        # A new season: the scores start again, the answers stay.
        answers_before = (await bot.db.user_data.export(NAMES["Bea"]))["quiz_answers"]
        text = last_text(await cohort.say("Ada", "/cohort season"))
        assert "Season 2 starts now" in text and "1. Ada — 1 correct of 1" in text
        board = last_text(await cohort.say("Bea", "/leaderboard"))
        assert "<b>Season 2</b>\nNo answers yet." in board
        assert (await bot.db.user_data.export(NAMES["Bea"]))["quiz_answers"] == answers_before
        # The member list goes to the admin privately; removing by name.
        calls = await cohort.say("Ada", "/cohort members")
        listing = next(c for c in calls if c.chat_id == ADMIN)
        assert "Dee — id <code>704</code>" in listing.text
        assert "no longer a member" in last_text(await cohort.say("Ada", "/cohort remove Dee"))
        assert not await bot.db.cohorts.is_member(cohort.cohort_id, NAMES["Dee"])
        # A new join code: the old link stops working.
        old = (await bot.db.cohorts.by_id(cohort.cohort_id)).code  # type: ignore[union-attr]
        await cohort.say("Ada", "/cohort newcode")
        assert "out of date" in last_text(await bot.send(f"/start join_{old}",
                                                         user=cohort.people["Dee"]))
        # A daily topic, and clearing it.
        await cohort.say("Ada", "/cohort topic=revenue")
        poll = await cohort.daily(MONDAY + timedelta(days=4))
        assert question_of(poll).domain == "revenue_cycle"
        assert "Cleared" in last_text(await cohort.say("Ada", "/cohort clear topic"))
        assert (await bot.db.cohorts.by_id(cohort.cohort_id)).daily_domain is None  # type: ignore[union-attr]
        assert scheduled_job(bot, cohort.cohort_id) is not None


async def test_a_post_kept_in_the_outbox_is_not_posted_again_after_a_restart(
        tmp_path: Path) -> None:
    exam = MONDAY + timedelta(days=30)  # Monday's 07:30 brings the 30-day reminder
    async with BotHarness(tmp_path) as bot:
        clock = use_fake_clock(bot, local(MONDAY, 7))
        cohort = Cohort(bot, clock)
        await cohort.set_up(exam=exam)
        # The reminder fails every attempt (the network is down): bot.delivery keeps it.
        bot.api.fail("sendMessage", 503, "Service Unavailable", times=4, chat_id=GROUP_ID)
        await cohort.daily(MONDAY)
        assert await bot.db.outbox.count() == 1
    bot = BotHarness(tmp_path)
    clock = use_fake_clock(bot, local(MONDAY, 8))
    async with bot:
        cohort = Cohort(bot, clock)
        cohort.cohort_id = 1
        outbox = bot.app.job_queue.get_jobs_by_name("outbox")[0]  # type: ignore[union-attr]
        await outbox.run(bot.app)
        await cohort.until(local(MONDAY, 9))
        reminders = [c for c in bot.api.calls_to("sendMessage", GROUP_ID)
                     if c.error is None and "⏰" in c.text]
        assert len(reminders) == 1 and "<b>30 days</b>" in reminders[0].text
        assert bot.api.calls_to("sendPoll") == []  # the daily question went out before


async def test_a_daily_header_lost_to_the_network_does_not_hold_back_the_question(
        tmp_path: Path) -> None:
    async with BotHarness(tmp_path) as bot:
        clock = use_fake_clock(bot, local(MONDAY, 7))
        cohort = Cohort(bot, clock)
        await cohort.set_up()
        bot.api.fail("sendMessage", 503, "Service Unavailable", times=4, chat_id=GROUP_ID)
        poll = await cohort.daily(MONDAY)
        assert poll.error is None and await bot.db.outbox.count() == 1  # the header, kept
        round_ = await bot.db.rounds.get(poll_id(poll))
        assert round_ is not None and round_.closes_at == local(MONDAY, 19, 30) + cohort.offset()
