"""A cohort's rhythm: quiz rounds that close with a result, the daily question, the weekly
summary and the exam reminders.

Every group poll is a round, stored with the time it closes; at that time the bot stops the
poll (stopPoll) and posts the answer, the explanation and how the group did. One JobQueue job
per cohort (`rhythm_job_name`) wakes at the next thing due — a round closing or a post from
`knowledge.cohort_calendar` — does everything due since it last ran, and schedules itself
again. Everything due lives in the database (rounds, posts already sent), so the job is rebuilt
from it at start-up; posts missed while the bot was down are sent when at most
`CATCH_UP` late, and a post that was sent is never sent again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from telegram import Message, ReplyParameters
from telegram.error import BadRequest, Forbidden, TelegramError
from telegram.ext import Application, CallbackContext

from bot.delivery import transient
from db import Database
from db.cohorts import Cohort
from db.quiz import SentPoll
from db.rounds import OpenRound, RoundResult
from handlers.deps import Services, job_queue
from handlers.domain_scores import domain_lines, weakest_domain
from handlers.quiz_polls import send_quiz
from handlers.render import escape
from handlers.schedule_changes import COHORT, schedule_changed
from knowledge.cohort_calendar import (
    CATCH_UP,
    DAILY,
    REMINDER,
    SUMMARY,
    Post,
    Rhythm,
    next_post,
    posts_between,
    round_closes_at,
    week_before,
)
from knowledge.leaderboard import Place, rank
from knowledge.practice import Focus, practice_exam
from knowledge.quiz_bank import load_quiz_bank
from knowledge.study_calendar import parse_clock, stagger_seconds, zone

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RhythmJob:
    """What a cohort's job carries: when it is due and since when posts count as due."""

    cohort_id: int
    due: datetime
    since: datetime


def rhythm_job_name(cohort_id: int) -> str:
    return f"cohort:{cohort_id}:rhythm"


def rhythm_of(cohort: Cohort) -> Rhythm:
    return Rhythm(zone(cohort.timezone),
                  parse_clock(cohort.daily_time) if cohort.daily_time else None,
                  cohort.exam_date, stagger_seconds(cohort.id))


def _services(app: Application) -> Services:
    return app.bot_data["services"]


def scheduled(app: Application, cohort_id: int) -> RhythmJob | None:
    jobs = job_queue(app).get_jobs_by_name(rhythm_job_name(cohort_id))
    return jobs[0].data if jobs and isinstance(jobs[0].data, RhythmJob) else None


def unschedule_rhythm(app: Application, cohort_id: int) -> None:
    for job in job_queue(app).get_jobs_by_name(rhythm_job_name(cohort_id)):
        job.schedule_removal()


async def schedule_rhythm(app: Application, cohort_id: int, since: datetime | None = None
                          ) -> RhythmJob | None:
    """The cohort's rhythm changed (a setting, a round opened): reschedule it here when this
    replica keeps the jobs, and note it for the scheduler replica (handlers.schedule_changes)."""
    if not await schedule_changed(app, COHORT, cohort_id, since):
        return None
    return await reschedule_rhythm(app, cohort_id, since)


async def refresh_cohort(app: Application, cohort_id: int, since: datetime | None) -> None:
    """A change noted by another replica: reschedule from the stored cohort and rounds."""
    await reschedule_rhythm(app, cohort_id, since)


async def reschedule_rhythm(app: Application, cohort_id: int, since: datetime | None = None
                            ) -> RhythmJob | None:
    """(Re)schedule the cohort's job for the next round closing or post after `since`.

    Without `since`, the job already scheduled keeps its own (so posts it was about to catch
    up stay due); a changed setting passes the current time, so a daily time set to a moment
    that has just passed does not send today's question at once.
    """
    services = _services(app)
    cohort = await services.db.cohorts.by_id(cohort_id)
    closing = await services.db.rounds.next_closing(cohort_id) if cohort else None
    # From here on nothing awaits, so no other caller can schedule the job in between.
    now = services.clock()
    existing = scheduled(app, cohort_id)
    unschedule_rhythm(app, cohort_id)
    if cohort is None:
        return None
    since = since or (existing.since if existing else now)
    candidates = [closing] if closing is not None else []
    post = None if cohort.paused else next_post(rhythm_of(cohort), since)
    if post is not None:
        candidates.append(post.at)
    if not candidates:
        return None
    job = RhythmJob(cohort.id, min(candidates), since)
    delay = max(0.0, (job.due - now).total_seconds())
    job_queue(app).run_once(run_rhythm, delay, name=rhythm_job_name(cohort.id), data=job)
    return job


async def run_rhythm(context: CallbackContext) -> None:
    """The cohort's job: close the rounds whose time is up, send the posts due, reschedule."""
    assert context.job is not None and isinstance(context.job.data, RhythmJob)
    job: RhythmJob = context.job.data
    app = context.application
    services = _services(app)
    now = services.clock()
    cohort = await services.db.cohorts.by_id(job.cohort_id)
    if cohort is None:
        unschedule_rhythm(app, job.cohort_id)
        return
    archived = False
    try:
        for due in await services.db.rounds.due(cohort.id, now):
            await close_round(app, cohort, due)
        if not cohort.paused:
            for post in posts_between(rhythm_of(cohort), max(job.since, now - CATCH_UP), now):
                await _send_once(app, cohort, post)
    except Forbidden:
        log.info("cohort_archived_forbidden cohort=%s", cohort.id)
        await services.db.cohorts.archive(cohort.chat_id)
        unschedule_rhythm(app, cohort.id)
        archived = True
    finally:  # an unexpected error reaches the error handler, and the rhythm goes on
        if not archived:
            await reschedule_rhythm(app, cohort.id, since=now)


async def _send_once(app: Application, cohort: Cohort, post: Post) -> None:
    db = _services(app).db
    if not await db.rounds.claim_post(cohort.id, post.key, _services(app).clock()):
        return
    try:
        if post.kind == DAILY:
            await post_daily(app, cohort, post.day)
        elif post.kind == SUMMARY:
            await post_summary(app, cohort, post.day)
        elif post.kind == REMINDER:
            await post_reminder(app, cohort, post)
    except Forbidden:
        raise
    except TelegramError as error:
        log.exception("cohort_post_failed cohort=%s kind=%s", cohort.id, post.kind)
        # A call that failed for the network's sake is in bot.delivery's outbox and goes out
        # from there; sending the post again (at a restart) would post it twice.
        if not transient(error):
            await db.rounds.release_post(cohort.id, post.key)
    else:
        log.info("cohort_post cohort=%s kind=%s", cohort.id, post.kind)


async def restore_rhythms(app: Application) -> None:
    """At start-up: a job per active cohort, catching up what fell due while the bot was down
    (at most `CATCH_UP` ago)."""
    services = _services(app)
    since = services.clock() - CATCH_UP
    cohorts = await services.db.cohorts.active()
    for cohort in cohorts:
        await reschedule_rhythm(app, cohort.id, since=since)
    log.info("cohort_rhythms_restored cohorts=%s", len(cohorts))


# ----- rounds ----------------------------------------------------------------------------------

def cohort_focus(cohort: Cohort) -> Focus:
    """What the cohort's daily question draws from: its chosen domain, or its exam's mix."""
    domain = load_quiz_bank().domain(cohort.daily_domain) if cohort.daily_domain else None
    return Focus(domain.exam, domain) if domain else Focus(practice_exam(cohort.exam_cert))


async def post_round(app: Application, cohort: Cohort, focus: Focus | None = None,
                     header: Callable[[str], str] | None = None,
                     thread_id: int | None = None) -> Message | None:
    """A question for the whole group (in forum topic `thread_id` when given), open until its
    round closes; not repeated there until the pool is used up. `header(closing time)` is a
    message sent just before it."""
    services = _services(app)
    db, now = services.db, services.clock()
    focus = focus or cohort_focus(cohort)
    pool = focus.pool(load_quiz_bank())
    closes = round_closes_at(rhythm_of(cohort), now, cohort.round_hours)
    if header is not None and pool:
        try:
            await app.bot.send_message(cohort.chat_id, header(local_clock(cohort, closes, now)))
        except TelegramError as error:
            if not transient(error):
                raise
            # Kept in bot.delivery's outbox, which sends it (and the poll, if kept too) later.
    message = await send_quiz(app.bot, db, cohort.chat_id, pool,
                              await db.quiz.asked_in_chat(cohort.chat_id), cohort_id=cohort.id,
                              at=now, thread_id=thread_id)
    if message is None or message.poll is None:
        return None
    await db.rounds.open(message.poll.id, cohort.id, closes)
    await schedule_rhythm(app, cohort.id)
    return message


async def adopt_round(app: Application, poll: SentPoll, sent_at: datetime) -> None:
    """A group poll whose id was never stored (see `db.quiz.adopt_pending`) gets the round
    `post_round` would have opened, so that it still closes and its result is posted."""
    services = _services(app)
    cohort = await services.db.cohorts.by_id(poll.cohort_id) if poll.cohort_id else None
    if cohort is None or await services.db.rounds.get(poll.poll_id) is not None:
        return
    closes = round_closes_at(rhythm_of(cohort), sent_at, cohort.round_hours)
    await services.db.rounds.open(poll.poll_id, cohort.id, closes)
    await schedule_rhythm(app, cohort.id)
    log.info("round_adopted cohort=%s poll=%s", cohort.id, poll.poll_id)


def local_clock(cohort: Cohort, moment: datetime, now: datetime) -> str:
    """`19:30` in the cohort's zone, with the weekday when it is not today there."""
    tz = zone(cohort.timezone)
    local = moment.astimezone(tz)
    same_day = local.date() == now.astimezone(tz).date()
    return local.strftime("%H:%M" if same_day else "%a %H:%M")


async def close_round(app: Application, cohort: Cohort, due: OpenRound) -> None:
    """Stop the poll and post its result, once (a second closer finds it closed)."""
    db = _services(app).db
    if not await db.rounds.close(due.poll_id, _services(app).clock()):
        return
    # A poll adopted from its pending row has no known message (0): nothing to stop or quote.
    if due.message_id:
        try:
            await app.bot.stop_poll(due.chat_id, due.message_id)
        except BadRequest:
            log.info("round_stop_failed poll=%s", due.poll_id)  # already closed or deleted
    question = load_quiz_bank().by_id(due.question_id)
    if question is None:
        return
    text = result_text(question.answer, question.explanation, await db.rounds.result(due.poll_id))
    quoted = ReplyParameters(due.message_id, allow_sending_without_reply=True) \
        if due.message_id else None
    # To the cohort's chat: the poll's may be the old id of a group that became a supergroup.
    await app.bot.send_message(cohort.chat_id, text, reply_parameters=quoted)
    log.info("round_closed cohort=%s poll=%s", cohort.id, due.poll_id)


def duration(seconds: int) -> str:
    """45 → "45 s", 125 → "2 min 5 s", 3720 → "1 h 2 min"."""
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours} h {minutes} min" if minutes else f"{hours} h"
    if minutes:
        return f"{minutes} min {secs} s" if secs else f"{minutes} min"
    return f"{secs} s"


def result_text(answer: str, explanation: str, result: RoundResult) -> str:
    lines = [f"✅ <b>Answer:</b> {escape(answer)}", escape(explanation), ""]
    if result.answered == 0:
        lines.append("Nobody answered this one.")
    else:
        lines.append(f"<b>{result.correct} of {result.answered}</b> got it right.")
    if result.fastest is not None:
        name = "an anonymous member" if result.fastest.hidden else escape(result.fastest.name)
        lines.append(f"Fastest right answer: {name} ({duration(result.fastest.seconds)}).")
    return "\n".join(lines)


# ----- posts -----------------------------------------------------------------------------------

def countdown_text(cohort: Cohort, today: date) -> str | None:
    """The cohort's countdown, or None without an upcoming exam date."""
    if cohort.exam_date is None or cohort.exam_date < today:
        return None
    exam = f"the {escape(cohort.exam_cert)} exam" if cohort.exam_cert else "the exam"
    days = (cohort.exam_date - today).days
    if days == 0:
        return f"{exam[0].upper()}{exam[1:]} is <b>today</b>. Good luck, everyone!"
    if days == 1:
        return f"{exam[0].upper()}{exam[1:]} is <b>tomorrow</b> ({cohort.exam_date.isoformat()})."
    return f"<b>{days} days</b> to {exam} ({cohort.exam_date.isoformat()})."


async def post_daily(app: Application, cohort: Cohort, day: date) -> None:
    countdown = countdown_text(cohort, day)

    def header(closes: str) -> str:
        line = f"📅 <b>Daily question</b>, open until {closes}."
        return f"{line}\n{countdown}" if countdown else line

    await post_round(app, cohort, header=header)


async def post_reminder(app: Application, cohort: Cohort, post: Post) -> None:
    countdown = countdown_text(cohort, post.day)
    if countdown is None:
        return
    lines = [f"⏰ {countdown}"]
    weakest = weakest_domain(await _services(app).db.rounds.domain_results(cohort.id))
    domain = load_quiz_bank().domain(weakest.domain) if weakest else None
    if weakest is not None and domain is not None:
        percent = round(100 * weakest.correct / weakest.answered)
        lines.append(f"The cohort's weakest domain so far: {escape(domain.name)} ({percent}% "
                     f"right) — <code>/quiz {escape(domain.id)}</code> practises it.")
    if post.days_to_exam > 1:
        lines.append("Keep answering the daily question; /leaderboard shows where you stand.")
    await app.bot.send_message(cohort.chat_id, "\n".join(lines))


def board_lines(places: list[Place]) -> list[str]:
    return [f"{p.rank}. {escape(p.name)} — {p.correct} correct of {p.answered}" for p in places]


async def post_summary(app: Application, cohort: Cohort, day: date) -> None:
    """The week that ended: its leaderboard, each domain's hit rate, the hardest question.
    Nothing is posted for a week without answers."""
    db: Database = _services(app).db
    since, until = week_before(rhythm_of(cohort), day)
    places = rank(await db.cohorts.scores(cohort.id, since, until))
    if not places:
        return
    first, last = day - timedelta(days=7), day - timedelta(days=1)
    lines = [f"🗓 <b>Week of {first.isoformat()} to {last.isoformat()}</b> — "
             f"{escape(cohort.name or 'study cohort')}", "", "<b>Leaderboard</b>",
             *board_lines(places), "", "<b>By domain</b>",
             *domain_lines(await db.rounds.domain_results(cohort.id, since, until))]
    hardest = await db.rounds.hardest(cohort.id, since, until)
    question = load_quiz_bank().by_id(hardest.question_id) if hardest else None
    if hardest is not None and question is not None:
        lines += ["", "<b>Hardest question</b>", escape(question.question),
                  f"{hardest.correct} of {hardest.answered} got it right. "
                  f"Answer: {escape(question.answer)}"]
    await app.bot.send_message(cohort.chat_id, "\n".join(lines))
