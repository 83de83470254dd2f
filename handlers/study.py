"""Personal study settings and progress: /stats, /exam, /timezone, /daily, /countdown."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

from telegram import Update
from telegram.ext import Application, CallbackContext, CommandHandler, filters

from db.study import StudySettings
from handlers.arguments import command_arguments
from handlers.daily import daily_changed
from handlers.deps import services
from handlers.domain_scores import domain_lines, weakest_domain
from handlers.personal import require_private
from handlers.render import echo, escape, is_private, reply
from handlers.start import register_deep_link
from knowledge.practice import EXAMS
from knowledge.profile import Certification
from knowledge.study_calendar import (
    CalendarError,
    days_until,
    local_dates,
    local_today,
    parse_daily_time,
    parse_exam_date,
    parse_timezone,
    streak,
    zone,
)

CERTS = ", ".join(c.value for c in Certification)


def _today(settings: StudySettings) -> date:
    return local_today(datetime.now(UTC), zone(settings.timezone))


def countdown_line(exam_date: date | None, exam: str | None, today: date) -> str:
    if exam_date is None:
        return "No exam date yet — set one with <code>/exam 2027-03-01 CEHRS</code>."
    label = f"{escape(exam)} exam" if exam else "Exam"
    days = days_until(exam_date, today)
    if days > 1:
        return f"{label} on {exam_date.isoformat()}: <b>{days} days</b> to go."
    if days == 1:
        return f"{label} on {exam_date.isoformat()}: <b>tomorrow</b>. Good luck!"
    if days == 0:
        return f"{label}: <b>today</b>. Good luck!"
    return f"{label} date {exam_date.isoformat()} has passed — set the next one with /exam."


async def stats_command(update: Update, context: CallbackContext) -> None:
    assert update.effective_user is not None
    if not await require_private(update, context, "Your progress is personal, so I keep it "
                                                  "in our private chat.", "stats"):
        return
    db = services(context).db
    user_id = update.effective_user.id
    settings = await db.study.get(user_id)
    today = _today(settings)
    results = await db.quiz.results_by_domain(user_id)
    days = streak(local_dates(await db.quiz.answer_times(user_id), zone(settings.timezone)),
                  today)
    lines = ["<b>Your practice</b>", countdown_line(settings.exam_date, settings.exam_cert, today),
             f"Streak: <b>{days} day{'s' if days != 1 else ''}</b> in a row with an answer."]
    if not results:
        lines.append("\nNo answers yet — send /quiz for a first question.")
        await reply(update, "\n".join(lines))
        return
    lines += ["\n<b>Accuracy by domain</b>", *domain_lines(results)]
    answered = sum(r.answered for r in results)
    correct = sum(r.correct for r in results)
    lines.append(f"\nAll together: {correct}/{answered} ({round(100 * correct / answered)}%)")
    weakest = weakest_domain(results)
    if weakest is not None:
        lines.append(f"Practise your weakest domain: <code>/quiz {escape(weakest.domain)}</code>")
    await reply(update, "\n".join(lines))


async def exam_command(update: Update, context: CallbackContext) -> None:
    assert update.effective_user is not None and update.effective_message is not None
    if not await require_private(update, context, "Your exam date is personal, so I keep it "
                                                  "in our private chat.", "stats"):
        return
    db = services(context).db
    settings = await db.study.get(update.effective_user.id)
    words = command_arguments(update.effective_message.text).split()
    usage = (f"Send <code>/exam YYYY-MM-DD [CERT]</code>, e.g. <code>/exam 2027-03-01 CEHRS</code>."
             f"\nCertifications: {CERTS}.")
    if not words:
        today = _today(settings)
        await reply(update, f"{countdown_line(settings.exam_date, settings.exam_cert, today)}"
                            f"\n\n{usage}")
        return
    if len(words) > 2:
        await reply(update, f"That is more than a date and a certification. {usage}")
        return
    try:
        when = parse_exam_date(words[0], _today(settings))
    except CalendarError as error:
        await reply(update, f"“{echo(words[0])}”: {escape(error)}. Nothing was changed.\n{usage}")
        return
    cert = None
    if len(words) == 2:
        try:
            cert = Certification(words[1].upper()).value
        except ValueError:
            await reply(update, f"“{echo(words[1])}” is not a certification I know. "
                                f"Accepted: {CERTS}. Nothing was changed.")
            return
    await db.study.set_exam(update.effective_user.id, when, cert)
    settings = replace(settings, exam_date=when, exam_cert=cert or settings.exam_cert)
    lines = ["Saved ✅", countdown_line(settings.exam_date, settings.exam_cert, _today(settings))]
    if settings.exam_cert and settings.exam_cert not in EXAMS:
        lines.append(f"I have practice questions for {' and '.join(EXAMS)} only; "
                     "/quiz gives CEHRS questions until then.")
    await reply(update, "\n".join(lines))


async def timezone_command(update: Update, context: CallbackContext) -> None:
    assert update.effective_user is not None and update.effective_message is not None
    if not is_private(update):
        await reply(update, "A group's time zone is set by its admins: "
                            "<code>/cohort tz=America/New_York</code>.")
        return
    db = services(context).db
    typed = command_arguments(update.effective_message.text).strip()
    settings = await db.study.get(update.effective_user.id)
    if not typed:
        await reply(update, f"Your time zone: <b>{escape(settings.timezone or 'UTC')}</b>. "
                            "Change it with e.g. <code>/timezone America/Chicago</code>.")
        return
    try:
        chosen = parse_timezone(typed)
    except CalendarError as error:
        await reply(update, f"“{echo(typed)}”: {escape(error)}. Nothing was changed.")
        return
    await db.study.set_timezone(update.effective_user.id, chosen.key)
    await daily_changed(context.application, replace(settings, timezone=chosen.key))
    now = datetime.now(UTC).astimezone(chosen).strftime("%H:%M")
    await reply(update, f"Time zone set to <b>{escape(chosen.key)}</b> (it is {now} there now).")


async def daily_command(update: Update, context: CallbackContext) -> None:
    """/daily in a private chat (groups: see handlers.cohort)."""
    assert update.effective_user is not None and update.effective_message is not None
    db = services(context).db
    user_id = update.effective_user.id
    typed = command_arguments(update.effective_message.text).strip()
    settings = await db.study.get(user_id)
    where = escape(settings.timezone or "UTC")
    if not typed:
        state = f"at <b>{settings.daily_time}</b> ({where})" if settings.daily_time else "off"
        await reply(update, f"Your daily question is {state}.\n"
                            "<code>/daily 07:30</code> sets a time, <code>/daily off</code> "
                            "stops it.")
        return
    try:
        daily = parse_daily_time(typed)
    except CalendarError as error:
        await reply(update, f"“{echo(typed)}”: {escape(error)}, or <code>/daily off</code>. "
                            "Nothing was changed.")
        return
    await db.study.set_daily(user_id, daily)
    await daily_changed(context.application, replace(settings, daily_time=daily))
    if daily is None:
        await reply(update, "Daily questions are off. <code>/daily 07:30</code> turns them on.")
        return
    hint = "" if settings.timezone else \
        "\nSet your zone so it arrives at your local time: <code>/timezone America/Chicago</code>."
    await reply(update, f"Every day at <b>{daily}</b> ({where}) I'll send "
                        f"you a practice question (within a few minutes).{hint}")


async def countdown_command(update: Update, context: CallbackContext) -> None:
    assert update.effective_user is not None and update.effective_chat is not None
    db = services(context).db
    if is_private(update):
        settings = await db.study.get(update.effective_user.id)
        await reply(update, countdown_line(settings.exam_date, settings.exam_cert,
                                           _today(settings)))
        return
    cohort = await db.cohorts.for_chat(update.effective_chat.id)
    if cohort is None or cohort.exam_date is None:
        await reply(update, "This group has no exam date yet. An admin can set one: "
                            "<code>/cohort exam=CEHRS date=2027-03-01</code>.")
        return
    today = local_today(datetime.now(UTC), zone(cohort.timezone))
    await reply(update, countdown_line(cohort.exam_date, cohort.exam_cert, today))


async def open_stats_link(update: Update, context: CallbackContext, _: str) -> None:
    await stats_command(update, context)


def register(app: Application) -> None:
    app.add_handler(CommandHandler("stats", stats_command))
    app.add_handler(CommandHandler("exam", exam_command))
    app.add_handler(CommandHandler("timezone", timezone_command))
    app.add_handler(CommandHandler("daily", daily_command, filters.ChatType.PRIVATE))
    app.add_handler(CommandHandler("countdown", countdown_command))
    register_deep_link("stats", open_stats_link)
