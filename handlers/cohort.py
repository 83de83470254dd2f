"""Study cohorts in group chats: setup by admins, membership, leaderboard, group daily question.

A group has at most one active cohort, created the first time it is needed. The cohort follows
the group when it becomes a supergroup, and is archived (its daily job removed) when the bot
leaves or is removed.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import UTC, date, datetime

from telegram import ChatMember, ChatMemberUpdated, Update
from telegram.ext import (
    Application,
    CallbackContext,
    ChatMemberHandler,
    CommandHandler,
    MessageHandler,
    filters,
)

from db.cohorts import Cohort
from handlers.arguments import ArgumentError, command_arguments, parse_pairs
from handlers.commands import COMMANDS
from handlers.daily import cohort_job_name, schedule_cohort, unschedule
from handlers.deps import services
from handlers.render import echo, escape, is_private, reply
from handlers.start import register_deep_link
from knowledge.leaderboard import Place, rank
from knowledge.profile import Certification
from knowledge.study_calendar import (
    CalendarError,
    local_today,
    parse_daily_time,
    parse_exam_date,
    parse_timezone,
    week_start,
    zone,
)

log = logging.getLogger(__name__)

MAX_NAME = 64
EVENTS_GROUP = 1
_ADMIN_STATUSES = {ChatMember.ADMINISTRATOR, ChatMember.OWNER}
_PRESENT = {ChatMember.MEMBER, ChatMember.ADMINISTRATOR, ChatMember.OWNER, ChatMember.RESTRICTED}
_KEYS = {"name": "name", "exam": "exam_cert", "cert": "exam_cert", "date": "exam_date",
         "tz": "timezone", "timezone": "timezone"}
_SETTINGS_USAGE = ('<code>/cohort name="Spring CEHRS" exam=CEHRS date=2027-03-01 '
                   'tz=America/New_York</code> (any of the keys; admins only)')


def introduction() -> str:
    commands = [c for section in ("Groups", "Study") for c in COMMANDS
                if c.group and c.section == section]
    lines = ["Hello! I'm <b>EHR Career Coach</b>. I can run this group as a study cohort: "
             "practice questions, a leaderboard and a countdown to the exam.\n"]
    lines += [f"/{c.name} — {escape(c.description)}" for c in commands]
    lines.append(f"\nAdmins set the cohort up with {_SETTINGS_USAGE}.")
    lines.append("Profiles and salaries stay out of groups: ask me those in a private chat.")
    return "\n".join(lines)


def cohort_text(cohort: Cohort, members: int, bot_username: str) -> str:
    def shown(value: object, default: str = "not set") -> str:
        return escape(value) if value else default

    daily = f"{cohort.daily_time} ({shown(cohort.timezone, 'UTC')})" if cohort.daily_time \
        else "off"
    return "\n".join([
        f"<b>{shown(cohort.name, 'Study cohort')}</b>",
        f"• Exam: {shown(cohort.exam_cert)}",
        f"• Exam date: {cohort.exam_date.isoformat() if cohort.exam_date else 'not set'}",
        f"• Time zone: {shown(cohort.timezone, 'UTC')}",
        f"• Daily question: {daily}",
        f"• Members: {members}",
        "",
        "Join with /join (or this link: "
        f"https://t.me/{bot_username}?start=join_{cohort.code}).",
        f"Admins: {_SETTINGS_USAGE}.",
    ])


async def _is_admin(update: Update, context: CallbackContext) -> bool:
    """Checked with the Bot API, never trusted from the message text."""
    chat, user, message = update.effective_chat, update.effective_user, update.effective_message
    assert chat is not None and user is not None
    if message is not None and message.sender_chat is not None \
            and message.sender_chat.id == chat.id:
        return True  # an anonymous group admin posts as the group itself
    member = await context.bot.get_chat_member(chat.id, user.id)
    return member.status in _ADMIN_STATUSES


async def _group_cohort(update: Update, context: CallbackContext, what: str) -> Cohort | None:
    """The group's cohort (created on first use); None, after saying so, in a private chat."""
    assert update.effective_chat is not None
    if is_private(update):
        await reply(update, f"{what} works in a study group: add me to a group, "
                            "then use it there.")
        return None
    return await services(context).db.cohorts.ensure(update.effective_chat.id)


async def _not_admin(update: Update) -> None:
    await reply(update, "Thanks for the idea! Only the group's admins can change this — "
                        "please ask one of them.")


def _parse_settings(pairs: list[tuple[str, str]], today: date) -> dict[str, str | None]:
    """The typed cohort settings, validated; raises ValueError naming what is accepted."""
    changes: dict[str, str | None] = {}
    for key, value in pairs:
        column = _KEYS.get(key.lower())
        if column is None:
            raise ValueError(f"unknown key “{echo(key)}”; keys: name, exam, date, tz")
        if column == "name":
            if not 1 <= len(value) <= MAX_NAME:
                raise ValueError(f"a name has 1 to {MAX_NAME} characters")
            changes[column] = value
        elif column == "exam_cert":
            try:
                changes[column] = Certification(value.upper()).value
            except ValueError:
                accepted = ", ".join(c.value for c in Certification)
                raise ValueError(f"exam “{echo(value)}” is not one I know; accepted: "
                                 f"{accepted}") from None
        elif column == "exam_date":
            try:
                changes[column] = parse_exam_date(value, today).isoformat()
            except CalendarError as error:
                raise ValueError(f"date “{echo(value)}”: {error}") from None
        else:
            try:
                changes[column] = parse_timezone(value).key
            except CalendarError as error:
                raise ValueError(f"tz “{echo(value)}”: {error}") from None
    return changes


async def _refuse_settings(update: Update, problem: str) -> None:
    await reply(update, f"I could not use that: {problem}.\nNothing was changed. "
                        f"Example: {_SETTINGS_USAGE}.")


async def cohort_command(update: Update, context: CallbackContext) -> None:
    assert update.effective_chat is not None and update.effective_message is not None
    cohort = await _group_cohort(update, context, "/cohort")
    if cohort is None:
        return
    db = services(context).db
    typed = command_arguments(update.effective_message.text)
    if typed.strip():
        if not await _is_admin(update, context):
            await _not_admin(update)
            return
        today = local_today(datetime.now(UTC), zone(cohort.timezone))
        try:
            changes = _parse_settings(parse_pairs(typed), today)
        except ArgumentError as error:
            await _refuse_settings(update, escape(error.explanation))
            return
        except ValueError as error:  # its message is already escaped
            await _refuse_settings(update, str(error))
            return
        await db.cohorts.update(cohort.id, **changes)
        # Read back rather than replace(): the date is stored as text, the Cohort holds a date.
        cohort = await db.cohorts.by_id(cohort.id)
        if cohort is None:  # archived meanwhile: the bot was removed from the group
            return
        if "timezone" in changes:
            schedule_cohort(context.application, cohort)
        log.info("cohort_updated cohort=%s keys=%s", cohort.id, sorted(changes))
    members = await db.cohorts.member_count(cohort.id)
    await reply(update, cohort_text(cohort, members, context.bot.username))


async def join_command(update: Update, context: CallbackContext) -> None:
    assert update.effective_chat is not None and update.effective_user is not None
    cohort = await _group_cohort(update, context, "/join")
    if cohort is None:
        return
    db = services(context).db
    user = update.effective_user
    added = await db.cohorts.join(cohort.id, user.id, user.first_name)
    name = escape(user.first_name)
    if added:
        await reply(update, f"Welcome to the cohort, {name}! Your answers to the group's "
                            "quizzes now count on the /leaderboard.")
    else:
        await reply(update, f"You're already in, {name}. /leaderboard shows the standings.")


async def join_link(update: Update, context: CallbackContext, code: str) -> None:
    """The `join_<code>` deep link, opened in the private chat."""
    assert update.effective_user is not None
    db = services(context).db
    cohort = await db.cohorts.by_code(code)
    if cohort is None:
        await reply(update, "That cohort link is out of date or the cohort was closed. "
                            "Ask the group for a fresh one, or send /join in the group.")
        return
    user = update.effective_user
    added = await db.cohorts.join(cohort.id, user.id, user.first_name)
    title = escape(cohort.name or "the study cohort")
    await reply(update, (f"You joined <b>{title}</b>. " if added else
                         f"You are already a member of <b>{title}</b>. ")
                + "Answer the quizzes posted in the group to climb the leaderboard; "
                  "/quiz practises here on your own.")


async def leave_command(update: Update, context: CallbackContext) -> None:
    assert update.effective_chat is not None and update.effective_user is not None
    cohort = await _group_cohort(update, context, "/leave")
    if cohort is None:
        return
    if not await services(context).db.cohorts.leave(cohort.id, update.effective_user.id):
        await reply(update, "You are not a member of this cohort. /join to become one.")
        return
    await reply(update, f"Done, {escape(update.effective_user.first_name)} — you left the "
                        "cohort. Your own /stats are kept; /join to come back.")


def _board(title: str, places: list[Place]) -> list[str]:
    lines = [f"\n<b>{title}</b>"]
    if not places:
        return [*lines, "No answers yet."]
    return lines + [f"{p.rank}. {escape(p.name)} — {p.correct} correct of {p.answered}"
                    for p in places]


async def leaderboard_command(update: Update, context: CallbackContext) -> None:
    assert update.effective_chat is not None and update.effective_user is not None
    assert update.effective_message is not None
    cohort = await _group_cohort(update, context, "/leaderboard")
    if cohort is None:
        return
    db = services(context).db
    choice = command_arguments(update.effective_message.text).strip().lower()
    if choice in {"hide", "show"}:
        if await db.cohorts.set_hidden(cohort.id, update.effective_user.id, choice == "hide"):
            await reply(update, "Done: you appear as “Anonymous member”." if choice == "hide"
                        else "Done: your name shows on the leaderboard again.")
        else:
            await reply(update, "Only members are listed — /join first.")
        return
    if choice:
        await reply(update, "Send /leaderboard, or <code>/leaderboard hide</code> / "
                            "<code>/leaderboard show</code> to hide or show your name.")
        return
    since = week_start(datetime.now(UTC), zone(cohort.timezone))
    lines = [f"<b>Leaderboard — {escape(cohort.name or 'study cohort')}</b>"]
    lines += _board("This week", rank(await db.cohorts.scores(cohort.id, since)))
    lines += _board("All time", rank(await db.cohorts.scores(cohort.id)))
    lines.append("\nAnswers count once you /join. Rather not be listed? "
                 "<code>/leaderboard hide</code>")
    await reply(update, "\n".join(lines))


async def group_daily_command(update: Update, context: CallbackContext) -> None:
    assert update.effective_chat is not None and update.effective_message is not None
    db = services(context).db
    cohort = await db.cohorts.ensure(update.effective_chat.id)
    typed = command_arguments(update.effective_message.text).strip()
    where = escape(cohort.timezone or "UTC")
    if not typed:
        state = f"at <b>{cohort.daily_time}</b> ({where})" if cohort.daily_time else "off"
        await reply(update, f"The group's daily question is {state}. Admins: "
                            "<code>/daily 19:00</code> or <code>/daily off</code>.")
        return
    if not await _is_admin(update, context):
        await _not_admin(update)
        return
    try:
        daily = parse_daily_time(typed)
    except CalendarError as error:
        await reply(update, f"“{echo(typed)}”: {escape(error)}, or <code>/daily off</code>."
                            " Nothing was changed.")
        return
    await db.cohorts.update(cohort.id, daily_time=daily)
    schedule_cohort(context.application, replace(cohort, daily_time=daily))
    await reply(update, f"The group gets a practice question every day at <b>{daily}</b> "
                        f"({where})." if daily else "The group's daily question is off.")


async def on_my_chat_member(update: Update, context: CallbackContext) -> None:
    change: ChatMemberUpdated | None = update.my_chat_member
    if change is None:
        return
    db = services(context).db
    was_in = change.old_chat_member.status in _PRESENT
    is_in = change.new_chat_member.status in _PRESENT
    chat_id = change.chat.id
    if change.chat.type == change.chat.PRIVATE:
        return  # a user blocking the bot: handlers.privacy and the blocked-user hooks
    if is_in and not was_in:
        cohort = await db.cohorts.restore(chat_id) or await db.cohorts.ensure(chat_id)
        schedule_cohort(context.application, cohort)
        log.info("bot_added chat=%s", chat_id)
        await context.bot.send_message(chat_id, introduction())
    elif was_in and not is_in:
        cohort = await db.cohorts.archive(chat_id)
        if cohort is not None:
            unschedule(context.application, cohort_job_name(cohort.id))
        log.info("bot_removed chat=%s", chat_id)


async def on_migration(update: Update, context: CallbackContext) -> None:
    """A group became a supergroup (a new chat id): the cohort and its daily job follow."""
    message = update.effective_message
    if message is None:
        return
    if message.migrate_to_chat_id:
        old, new = message.chat.id, message.migrate_to_chat_id
    elif message.migrate_from_chat_id:
        old, new = message.migrate_from_chat_id, message.chat.id
    else:
        return
    cohort = await services(context).db.cohorts.move_chat(old, new)
    if cohort is not None:
        schedule_cohort(context.application, cohort)
        log.info("cohort_moved cohort=%s", cohort.id)


def register(app: Application) -> None:
    # Their own handler group: other features (privacy) also watch the bot's membership.
    app.add_handler(ChatMemberHandler(on_my_chat_member, ChatMemberHandler.MY_CHAT_MEMBER),
                    group=EVENTS_GROUP)
    app.add_handler(MessageHandler(filters.StatusUpdate.MIGRATE, on_migration),
                    group=EVENTS_GROUP)
    app.add_handler(CommandHandler("cohort", cohort_command))
    app.add_handler(CommandHandler("join", join_command))
    app.add_handler(CommandHandler("leave", leave_command))
    app.add_handler(CommandHandler("leaderboard", leaderboard_command))
    app.add_handler(CommandHandler("daily", group_daily_command, filters.ChatType.GROUPS))
    register_deep_link("join_", join_link)
