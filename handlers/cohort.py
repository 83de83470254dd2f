"""Study cohorts in group chats: setup by admins, membership, leaderboard, group daily question.

A group has at most one active cohort, created the first time it is needed. The cohort follows
the group when it becomes a supergroup, and is archived (its rhythm job removed) when the bot
leaves or is removed. What is personal (a member's place, their domains, the member list for
an admin, confirmations of hiding) is sent in the private chat, never to the group.
"""

from __future__ import annotations

import logging
from datetime import date

from telegram import ChatMember, ChatMemberUpdated, Update
from telegram.error import Forbidden
from telegram.ext import (
    Application,
    CallbackContext,
    ChatMemberHandler,
    CommandHandler,
    MessageHandler,
    filters,
)

from db import Database
from db.cohorts import Cohort
from handlers.arguments import ArgumentError, command_arguments, parse_pairs
from handlers.commands import COMMANDS
from handlers.deps import services
from handlers.domain_scores import domain_lines, weakest_domain
from handlers.members import is_present
from handlers.render import echo, escape, is_private, private_chat_button, reply
from handlers.rounds import (
    board_lines,
    refresh_cohort,
    restore_rhythms,
    schedule_rhythm,
    unschedule_rhythm,
)
from handlers.schedule_changes import COHORT, on_schedule_change, on_scheduler_start
from handlers.start import register_deep_link
from knowledge.cohort_calendar import MAX_ROUND_HOURS, ROUND_HOURS
from knowledge.leaderboard import Place, Score, Standing, rank, standing_of
from knowledge.numbers import ordinal
from knowledge.practice import EXAMS, match_domain, practice_exam
from knowledge.profile import Certification
from knowledge.quiz_bank import load_quiz_bank
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
LEADERBOARD_ROWS = 10
_ADMIN_STATUSES = {ChatMember.ADMINISTRATOR, ChatMember.OWNER}
# What an admin may set or clear: the key typed → the cohort's column.
_KEYS = {"name": "name", "exam": "exam_cert", "cert": "exam_cert", "date": "exam_date",
         "tz": "timezone", "timezone": "timezone", "topic": "daily_domain",
         "domain": "daily_domain", "window": "round_hours"}
_SETTINGS_USAGE = ('<code>/cohort name="Spring CEHRS" exam=CEHRS date=2027-03-01 '
                   'tz=America/New_York</code> (any of the keys; admins only)')
_ADMIN_USAGE = ("Admins also have: <code>/cohort topic=clinical</code> (the daily question's "
                f"domain), <code>/cohort window=6</code> (hours a question stays open, 1 to "
                f"{MAX_ROUND_HOURS}), <code>/cohort clear topic</code>, "
                "<code>/cohort pause</code> / <code>resume</code>, <code>/cohort season</code> "
                "(a new season: scores start again, history is kept), "
                "<code>/cohort members</code>, <code>/cohort remove Sam</code> (or reply to "
                "their message with <code>/cohort remove</code>), <code>/cohort newcode</code>.")
VOTES_VISIBLE = ("Quiz polls in the group are not anonymous: Telegram shows the group who "
                 "voted for what, whatever the leaderboard shows.")


def supported_exams() -> str:
    return " and ".join(EXAMS)


def introduction(bot_username: str) -> str:
    commands = [c for section in ("Groups", "Study") for c in COMMANDS
                if c.group and c.section == section]
    lines = ["Hello! I'm <b>EHR Career Coach</b>. I can run this group as a study cohort: "
             "a daily quiz question with its answer when it closes, a leaderboard, a weekly "
             "summary and a countdown to the exam.\n"]
    lines += [f"/{c.name} — {escape(c.description)}" for c in commands]
    lines.append(f"\nTo ask me something here, use <code>/ask your question</code>, mention "
                 f"@{escape(bot_username)}, or reply to one of my messages; I stay quiet "
                 "otherwise.")
    lines.append(f"Admins set the cohort up with {_SETTINGS_USAGE}; I have practice questions "
                 f"for {supported_exams()}.")
    lines.append("Profiles and salaries stay out of groups: ask me those in a private chat.")
    return "\n".join(lines)


def cohort_text(cohort: Cohort, members: int, bot_username: str) -> str:
    def shown(value: object, default: str = "not set") -> str:
        return escape(value) if value else default

    daily = f"{cohort.daily_time} ({shown(cohort.timezone, 'UTC')})" if cohort.daily_time \
        else "off"
    domain = load_quiz_bank().domain(cohort.daily_domain) if cohort.daily_domain else None
    return "\n".join([
        f"<b>{shown(cohort.name, 'Study cohort')}</b>" + (" (paused)" if cohort.paused else ""),
        f"• Exam: {shown(cohort.exam_cert)}" + (
            f" — I have no questions for it, so the questions are {practice_exam(None)}; "
            f"an admin can choose {supported_exams()}"
            if cohort.exam_cert and cohort.exam_cert not in EXAMS else ""),
        f"• Exam date: {cohort.exam_date.isoformat() if cohort.exam_date else 'not set'}",
        f"• Time zone: {shown(cohort.timezone, 'UTC')}",
        f"• Daily question: {daily}",
        f"• Daily topic: {escape(domain.name) if domain else 'a mix weighted like the exam'}",
        f"• A question stays open: {cohort.round_hours or ROUND_HOURS} h at most, "
        "until the next daily question",
        f"• Members: {members}; season {cohort.season}",
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


async def group_cohort(db: Database, chat_id: int) -> Cohort:
    """The group's active cohort, created on first use. Looked up first: `ensure` writes even
    when the cohort exists (an upsert), which made every group command a write transaction
    and a commit."""
    return await db.cohorts.for_chat(chat_id) or await db.cohorts.ensure(chat_id)


async def _group_cohort(update: Update, context: CallbackContext, what: str) -> Cohort | None:
    """The group's cohort (created on first use); None, after saying so, in a private chat."""
    assert update.effective_chat is not None
    if is_private(update):
        await reply(update, f"{what} works in a study group: add me to a group, "
                            "then use it there.")
        return None
    return await group_cohort(services(context).db, update.effective_chat.id)


async def _not_admin(update: Update) -> None:
    await reply(update, "Thanks for the idea! Only the group's admins can change this — "
                        "please ask one of them.")


async def send_privately(update: Update, context: CallbackContext, text: str,
                         payload: str = "") -> bool:
    """Send `text` to the user's private chat. In a group, when the user has not opened that
    chat yet, say so in the group with a button to it (and return False)."""
    assert update.effective_user is not None
    try:
        await context.bot.send_message(update.effective_user.id, text)
    except Forbidden:
        if is_private(update):
            return False
        await reply(update, "I'd answer you privately, but you haven't opened a chat with me "
                            "yet. Open it, then send the command again.",
                    private_chat_button(context.bot.username, "Open our private chat", payload))
        return False
    return True


def _parse_exam(value: str) -> str:
    """A cohort's exam: one the question bank has questions for."""
    try:
        cert = Certification(value.upper()).value
    except ValueError:
        accepted = ", ".join(c.value for c in Certification)
        raise ValueError(f"exam “{echo(value)}” is not one I know (certifications: "
                         f"{accepted})") from None
    if cert not in EXAMS:
        raise ValueError(f"I have no practice questions for {cert} yet, so a cohort can't "
                         f"study for it with me; supported: {supported_exams()}")
    return cert


def _parse_settings(pairs: list[tuple[str, str]], cohort: Cohort, today: date
                    ) -> dict[str, str | int | None]:
    """The typed cohort settings, validated; raises ValueError naming what is accepted."""
    changes: dict[str, str | int | None] = {}
    columns = []
    for key, value in pairs:
        column = _KEYS.get(key.lower())
        if column is None:
            raise ValueError(f"unknown key “{echo(key)}”; keys: name, exam, date, tz, topic, "
                             "window")
        columns.append((column, value))
    for column, value in sorted(columns, key=lambda item: item[0] != "exam_cert"):
        if column == "name":
            if not 1 <= len(value) <= MAX_NAME:
                raise ValueError(f"a name has 1 to {MAX_NAME} characters")
            changes[column] = value
        elif column == "exam_cert":
            changes[column] = _parse_exam(value)
        elif column == "exam_date":
            try:
                changes[column] = parse_exam_date(value, today).isoformat()
            except CalendarError as error:
                raise ValueError(f"date “{echo(value)}”: {error}") from None
        elif column == "daily_domain":
            exam = practice_exam(str(changes.get("exam_cert") or cohort.exam_cert))
            domain = match_domain(load_quiz_bank().domains_for(exam), value, exam)
            if domain is None:
                names = ", ".join(d.id for d in load_quiz_bank().domains_for(exam))
                raise ValueError(f"topic “{echo(value)}” is not a {exam} domain; one of: "
                                 f"{names}")
            changes[column] = domain.id
        elif column == "round_hours":
            if not value.isdigit() or not 1 <= int(value) <= MAX_ROUND_HOURS:
                raise ValueError(f"window “{echo(value)}”: hours from 1 to {MAX_ROUND_HOURS}")
            changes[column] = int(value)
        else:
            try:
                changes[column] = parse_timezone(value).key
            except CalendarError as error:
                raise ValueError(f"tz “{echo(value)}”: {error}") from None
    if "exam_cert" in changes and "daily_domain" not in changes and cohort.daily_domain:
        domain = load_quiz_bank().domain(cohort.daily_domain)
        if domain is None or domain.exam != changes["exam_cert"]:
            changes["daily_domain"] = None  # the topic belonged to the other exam
    return changes


async def _refuse_settings(update: Update, problem: str) -> None:
    await reply(update, f"I could not use that: {problem}.\nNothing was changed. "
                        f"Example: {_SETTINGS_USAGE}.\n{_ADMIN_USAGE}")


async def cohort_command(update: Update, context: CallbackContext) -> None:
    assert update.effective_chat is not None and update.effective_message is not None
    cohort = await _group_cohort(update, context, "/cohort")
    if cohort is None:
        return
    db = services(context).db
    typed = command_arguments(update.effective_message.text).strip()
    if typed:
        if not await _is_admin(update, context):
            await _not_admin(update)
            return
        word, _, rest = typed.partition(" ")
        action = _ACTIONS.get(word.lower())
        if action is not None:
            await action(update, context, cohort, rest.strip())
            return
        today = local_today(services(context).clock(), zone(cohort.timezone))
        try:
            changes = _parse_settings(parse_pairs(typed), cohort, today)
        except ArgumentError as error:
            await _refuse_settings(update, escape(error.explanation))
            return
        except ValueError as error:  # its message is already escaped
            await _refuse_settings(update, str(error))
            return
        if not await _change(update, context, cohort, changes):
            return
        cohort = await db.cohorts.by_id(cohort.id) or cohort
    members = await db.cohorts.member_count(cohort.id)
    await reply(update, cohort_text(cohort, members, context.bot.username))


async def _change(update: Update, context: CallbackContext, cohort: Cohort,
                  changes: dict[str, str | int | None]) -> bool:
    """Store the changes and reschedule the cohort's rhythm; False when it was archived
    meanwhile (the bot was removed from the group)."""
    db = services(context).db
    await db.cohorts.update(cohort.id, **changes)
    if await db.cohorts.by_id(cohort.id) is None:
        return False
    await schedule_rhythm(context.application, cohort.id, since=services(context).clock())
    log.info("cohort_updated cohort=%s keys=%s", cohort.id, sorted(changes))
    return True


async def _clear(update: Update, context: CallbackContext, cohort: Cohort, rest: str) -> None:
    column = _KEYS.get(rest.lower())
    if column is None:
        await reply(update, "Clear one of: name, exam, date, tz, topic, window — e.g. "
                            "<code>/cohort clear topic</code>. Nothing was changed.")
        return
    if await _change(update, context, cohort, {column: None}):
        await reply(update, f"Cleared: <b>{escape(rest.lower())}</b> is back to its default.")


async def _pause(update: Update, context: CallbackContext, cohort: Cohort, _: str) -> None:
    if await _change(update, context, cohort, {"paused": 1}):
        await reply(update, "The cohort is paused: no daily questions, reminders or weekly "
                            "summaries until an admin sends <code>/cohort resume</code>. "
                            "Questions already open still close with their answer.")


async def _resume(update: Update, context: CallbackContext, cohort: Cohort, _: str) -> None:
    if await _change(update, context, cohort, {"paused": 0}):
        await reply(update, "The cohort is back on: daily questions, reminders and summaries "
                            "go out as set.")


async def _new_code(update: Update, context: CallbackContext, cohort: Cohort, _: str) -> None:
    code = await services(context).db.cohorts.new_code(cohort.id)
    log.info("cohort_code_rotated cohort=%s", cohort.id)
    await reply(update, "New join link: "
                        f"https://t.me/{context.bot.username}?start=join_{code}\n"
                        "The old link no longer works; members stay members.")


async def _new_season(update: Update, context: CallbackContext, cohort: Cohort, _: str) -> None:
    db = services(context).db
    final = rank(await _season_scores(context, cohort), LEADERBOARD_ROWS)
    await db.cohorts.new_season(cohort.id, services(context).clock())
    log.info("cohort_new_season cohort=%s season=%s", cohort.id, cohort.season + 1)
    lines = [f"🏁 <b>Season {cohort.season + 1} starts now</b>: everyone is back to zero on the "
             "leaderboard. Every answer is kept, so your own /stats still count them."]
    if final:
        lines += ["", f"<b>Season {cohort.season}: final standings</b>", *board_lines(final)]
    await reply(update, "\n".join(lines))


async def _members(update: Update, context: CallbackContext, cohort: Cohort, _: str) -> None:
    members = await services(context).db.cohorts.members(cohort.id)
    title = escape(cohort.name or "the study cohort")
    lines = [f"<b>Members of {title}</b> ({len(members)})"]
    lines += [f"• {escape(m.name)} — id <code>{m.user_id}</code>"
              + (" (hidden on the leaderboard)" if m.hidden else "") for m in members]
    lines.append("\nTo remove one, send <code>/cohort remove NAME</code> or "
                 "<code>/cohort remove ID</code> in the group.")
    if await send_privately(update, context, "\n".join(lines)):
        await reply(update, "I've sent you the member list in our private chat.")


async def _remove(update: Update, context: CallbackContext, cohort: Cohort, rest: str) -> None:
    db = services(context).db
    members = await db.cohorts.members(cohort.id)
    message = update.effective_message
    quoted = message.reply_to_message if message is not None else None
    if not rest and quoted is not None and quoted.from_user is not None:
        chosen = [m for m in members if m.user_id == quoted.from_user.id]
    else:
        wanted = rest.strip().lstrip("@")
        chosen = [m for m in members if str(m.user_id) == wanted] or \
                 [m for m in members if m.name.casefold() == wanted.casefold()]
    if len(chosen) != 1:
        problem = "Several members have that name" if chosen else "I found no member by that"
        await reply(update, f"{problem}. Reply to the member's message with "
                            "<code>/cohort remove</code>, or use the id from "
                            "<code>/cohort members</code>. Nothing was changed.")
        return
    await db.cohorts.leave(cohort.id, chosen[0].user_id)
    log.info("cohort_member_removed cohort=%s", cohort.id)
    await reply(update, f"{escape(chosen[0].name)} is no longer a member of the cohort; their "
                        "own practice stats are kept.")


_ACTIONS = {"pause": _pause, "resume": _resume, "clear": _clear, "newcode": _new_code,
            "season": _new_season, "newseason": _new_season, "members": _members,
            "remove": _remove}


def _cannot_join(update: Update) -> str | None:
    """Why the sender cannot be a member: only people answer quizzes."""
    message, user = update.effective_message, update.effective_user
    if (message is not None and message.sender_chat is not None) or (user and user.is_bot):
        return ("Anonymous admins and channels can't join: the leaderboard counts the answers "
                "of people. Switch to posting as yourself, then send /join.")
    return None


async def join_command(update: Update, context: CallbackContext) -> None:
    assert update.effective_chat is not None and update.effective_user is not None
    cohort = await _group_cohort(update, context, "/join")
    if cohort is None:
        return
    refusal = _cannot_join(update)
    if refusal:
        await reply(update, refusal)
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


# ----- the leaderboard -----------------------------------------------------------------------

def _season_name(cohort: Cohort) -> str:
    return f"Season {cohort.season}" if cohort.season > 1 else "All time"


async def _season_scores(context: CallbackContext, cohort: Cohort) -> list[Score]:
    return await services(context).db.cohorts.scores(cohort.id, cohort.season_started_at)


def _board(title: str, places: list[Place], everyone: int) -> list[str]:
    lines = [f"\n<b>{title}</b>"]
    if not places:
        return [*lines, "No answers yet."]
    lines += board_lines(places)
    if everyone > len(places):
        lines.append(f"… and {everyone - len(places)} more: <code>/leaderboard all</code>")
    return lines


def _place_text(label: str, standing: Standing) -> str:
    if standing.rank is None:
        return f"{label}: no answers yet"
    tie = " (tied)" if standing.tied else ""
    return f"{label}: your place is <b>{ordinal(standing.rank)} of {standing.ranked}</b>{tie}"


async def _my_place(update: Update, context: CallbackContext, cohorts: list[Cohort]) -> None:
    """Privately: the member's place in each cohort, their domains there, their weakest."""
    assert update.effective_user is not None
    db = services(context).db
    user_id = update.effective_user.id
    if not cohorts:
        await reply(update, "You are not in a study cohort yet: send /join in a group "
                            "that has me.")
        return
    now = services(context).clock()
    lines: list[str] = []
    for cohort in cohorts:
        since = week_start(now, zone(cohort.timezone))
        lines += [f"<b>{escape(cohort.name or 'Study cohort')}</b>",
                  _place_text("This week", standing_of(await db.cohorts.scores(cohort.id, since),
                                                       user_id)),
                  _place_text(_season_name(cohort), standing_of(
                      await _season_scores(context, cohort), user_id))]
        mine = await db.rounds.domain_results(cohort.id, cohort.season_started_at,
                                              user_id=user_id)
        if mine:
            lines += ["Your answers by domain:", *domain_lines(mine)]
            weakest = weakest_domain(mine)
            if weakest is not None:
                lines.append(f"Your weakest domain: <code>/quiz {escape(weakest.domain)}</code>"
                             " practises it here.")
        lines.append("")
    await send_privately(update, context, "\n".join(lines).strip(), "stats")


async def _set_hidden(update: Update, context: CallbackContext, cohorts: list[Cohort],
                      hidden: bool) -> None:
    """Hide or show the member on the leaderboards, confirmed in the private chat."""
    assert update.effective_user is not None
    db = services(context).db
    changed = [c for c in cohorts
               if await db.cohorts.set_hidden(c.id, update.effective_user.id, hidden)]
    if not changed:
        await reply(update, "Only members are listed — /join a cohort first.")
        return
    names = ", ".join(escape(c.name or "study cohort") for c in changed)
    text = (f"Done: on the leaderboard of {names} you now appear as “Anonymous member”. "
            f"{VOTES_VISIBLE}" if hidden else
            f"Done: your first name shows on the leaderboard of {names} again.")
    if not await send_privately(update, context, text, "privacy") and is_private(update):
        await reply(update, text)


async def _cohort_domains(update: Update, context: CallbackContext, cohort: Cohort) -> None:
    """The cohort's share of right answers in each domain this season (no one's own)."""
    results = await services(context).db.rounds.domain_results(cohort.id,
                                                              cohort.season_started_at)
    lines = [f"<b>By domain — {escape(cohort.name or 'study cohort')}, "
             f"{_season_name(cohort).lower()}</b>"]
    lines += domain_lines(results) if results else ["No answers yet."]
    weakest = weakest_domain(results)
    if weakest is not None:
        lines.append(f"\nThe cohort's weakest: <code>/quiz {escape(weakest.domain)}</code> "
                     "practises it.")
    await reply(update, "\n".join(lines))


async def leaderboard_command(update: Update, context: CallbackContext) -> None:
    assert update.effective_chat is not None and update.effective_user is not None
    assert update.effective_message is not None
    db = services(context).db
    choice = command_arguments(update.effective_message.text).strip().lower()
    if is_private(update):
        cohorts = await db.cohorts.of_member(update.effective_user.id)
        if choice in {"hide", "show"}:
            await _set_hidden(update, context, cohorts, choice == "hide")
        else:
            await _my_place(update, context, cohorts)
        return
    cohort = await group_cohort(db, update.effective_chat.id)
    if choice in {"hide", "show"}:
        await _set_hidden(update, context, [cohort], choice == "hide")
        return
    if choice == "me":
        await _my_place(update, context, [cohort])
        return
    if choice == "domains":
        await _cohort_domains(update, context, cohort)
        return
    if choice not in {"", "all"}:
        await reply(update, "Send /leaderboard, <code>/leaderboard all</code> for every "
                            "member, <code>/leaderboard domains</code> for the cohort's "
                            "results by domain, <code>/leaderboard me</code> for your own "
                            "place (privately), or <code>/leaderboard hide</code> / "
                            "<code>show</code> to hide or show your name.")
        return
    limit = None if choice == "all" else LEADERBOARD_ROWS
    since = week_start(services(context).clock(), zone(cohort.timezone))
    lines = [f"<b>Leaderboard — {escape(cohort.name or 'study cohort')}</b>"]
    for title, scores in (("This week", await db.cohorts.scores(cohort.id, since)),
                          (_season_name(cohort), await _season_scores(context, cohort))):
        lines += _board(title, rank(scores, limit), len(rank(scores, None)))
    lines.append("\nAnswers count once you /join. <code>/leaderboard me</code> sends you your "
                 "place privately; rather not be listed? <code>/leaderboard hide</code>")
    await reply(update, "\n".join(lines))


async def group_daily_command(update: Update, context: CallbackContext) -> None:
    assert update.effective_chat is not None and update.effective_message is not None
    db = services(context).db
    cohort = await group_cohort(db, update.effective_chat.id)
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
    if not await _change(update, context, cohort, {"daily_time": daily}):
        return
    await reply(update, f"The group gets a practice question every day at <b>{daily}</b> "
                        f"({where})." if daily else "The group's daily question is off.")


async def on_my_chat_member(update: Update, context: CallbackContext) -> None:
    change: ChatMemberUpdated | None = update.my_chat_member
    if change is None:
        return
    db = services(context).db
    was_in = is_present(change.old_chat_member)
    is_in = is_present(change.new_chat_member)
    chat_id = change.chat.id
    if change.chat.type == change.chat.PRIVATE:
        return  # a user blocking the bot: handlers.privacy and the blocked-user hooks
    if is_in and not was_in:
        cohort = await db.cohorts.restore(chat_id) or await db.cohorts.ensure(chat_id)
        await schedule_rhythm(context.application, cohort.id, since=services(context).clock())
        log.info("bot_added chat=%s", chat_id)
        await context.bot.send_message(chat_id, introduction(context.bot.username))
    elif was_in and not is_in:
        cohort = await db.cohorts.archive(chat_id)
        if cohort is not None:
            unschedule_rhythm(context.application, cohort.id)
        log.info("bot_removed chat=%s", chat_id)


async def on_migration(update: Update, context: CallbackContext) -> None:
    """A group became a supergroup (a new chat id): the cohort and its rhythm follow."""
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
        await schedule_rhythm(context.application, cohort.id)
        log.info("cohort_moved cohort=%s", cohort.id)


def register(app: Application) -> None:
    on_scheduler_start(app, restore_rhythms)
    on_schedule_change(app, COHORT, refresh_cohort)
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
