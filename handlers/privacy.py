"""/privacy, /export and /forget: what is stored about a user, a copy of it, and deleting it.

The data itself is found generically (db.user_data: every table with a `user_id` column), so
features added later are covered without touching this module.
"""

from __future__ import annotations

import json
import logging
import time
from datetime import UTC, datetime

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, InputFile, Update
from telegram.ext import (
    Application,
    CallbackContext,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
)

from handlers.deps import services
from handlers.personal import require_private
from handlers.render import edit_or_reply, is_private, reply, thread_of
from handlers.start import register_deep_link
from handlers.user_jobs import cancel_user_jobs, user_blocked
from knowledge.numbers import is_ascii_number

log = logging.getLogger(__name__)

CONFIRMATION_LIFETIME = 600  # seconds a /forget confirmation button stays valid
EXPORT_FILENAME = "ehr-career-coach-my-data.json"

PRIVACY_TEXT = """\
<b>Your data and privacy</b>

<b>What I keep</b>, linked to your Telegram user id:
• your profile fields — only the ones you set (experience, state, education, certifications, \
employer type, skills, goal), to make salary and career answers personal, and while you edit \
one, which one it is (so that your next message is read as its value);
• if you use them: your exam date and certification, time zone and daily-question time; your \
quiz answers, for your stats and streak; questions you reported, with the reason you gave; \
your cohort memberships, with your first name for the leaderboard (/leaderboard hide shows \
you as an anonymous member instead, also from this chat). Group quiz polls are not anonymous: \
Telegram shows everyone in the group who voted for what, whatever the leaderboard shows.

<b>What I don't keep</b>: the texts of your messages (a report's reason aside), your phone \
number or contacts. The logs hold ids and event names only. To avoid handling one message \
twice after a restart I note update numbers (not linked to you) for two days. A question I \
could not answer is counted by its text alone, without who asked it, so that I learn what to \
add; as it is not linked to you, /forget cannot find it.

<b>How long</b>: as long as you use the bot. Nothing expires on its own — delete it whenever \
you like.

<b>Your controls</b>
/profile — see and change your profile
/export — every stored row about you, as a JSON file
/forget — delete all of it and cancel your daily questions (asks first)

In groups I never show anyone's profile."""

FORGET_QUESTION = (
    "<b>Delete everything I store about you?</b>\n\n"
    "Your profile, study settings, quiz answers, reports, cohort memberships and daily "
    "questions go, and cannot be restored. "
    "Use /export first if you want a copy."
)


async def show_privacy(update: Update, context: CallbackContext) -> None:
    await reply(update, PRIVACY_TEXT)


async def _privacy_link(update: Update, context: CallbackContext, _: str) -> None:
    await show_privacy(update, context)


async def _only_in_private(update: Update, context: CallbackContext, command: str) -> bool:
    return await require_private(update, context, f"Your data stays private, so /{command} works "
                                 "only in our private chat. Tap below and send it there.",
                                 "privacy")


def export_document(user_id: int, tables: dict[str, list[dict[str, object]]]) -> bytes:
    document = {
        "about": "Everything EHR Career Coach stores about you. /forget deletes it.",
        "user_id": user_id,
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "tables": tables,
    }
    return json.dumps(document, indent=2, ensure_ascii=False, default=str).encode()


async def export_data(update: Update, context: CallbackContext) -> None:
    assert update.effective_user is not None and update.effective_chat is not None
    if not await _only_in_private(update, context, "export"):
        return
    user_id = update.effective_user.id
    tables = await services(context).db.user_data.export(user_id)
    rows = sum(len(found) for found in tables.values())
    caption = (f"Everything I store about you: {rows} row(s) in {len(tables)} table(s). "
               "/forget deletes it." if rows else
               "I store nothing about you at the moment — the file shows it.")
    await update.effective_chat.send_document(
        InputFile(export_document(user_id, tables), filename=EXPORT_FILENAME), caption=caption,
        message_thread_id=thread_of(update))
    log.info("Exported the data of user %s (%d rows)", user_id, rows)


async def ask_to_forget(update: Update, context: CallbackContext) -> None:
    if not await _only_in_private(update, context, "forget"):
        return
    confirm = f"forget:yes:{int(time.time())}"
    markup = InlineKeyboardMarkup([[
        InlineKeyboardButton("🗑 Yes, delete everything", callback_data=confirm),
        InlineKeyboardButton("Keep my data", callback_data="forget:no"),
    ]])
    await reply(update, FORGET_QUESTION, markup)


def _confirmation_is_fresh(data: str) -> bool:
    """`forget:yes:<unix time>` pressed within CONFIRMATION_LIFETIME seconds."""
    stamp = data.removeprefix("forget:yes:")
    return is_ascii_number(stamp) and 0 <= time.time() - int(stamp) <= CONFIRMATION_LIFETIME


async def on_forget_button(update: Update, context: CallbackContext) -> None:
    query = update.callback_query
    assert query is not None and update.effective_user is not None
    data = query.data or ""
    if data == "forget:no":
        await query.answer()
        await edit_or_reply(update, "Nothing was deleted. /privacy explains what I keep.")
        return
    if not is_private(update) or not _confirmation_is_fresh(data):
        await query.answer("This button is out of date — send /forget again.", show_alert=True)
        return
    user_id = update.effective_user.id
    deleted = await services(context).db.user_data.forget(user_id)
    jobs = cancel_user_jobs(context.job_queue, user_id)
    context.application.drop_user_data(user_id)
    context.application.drop_chat_data(user_id)
    log.info("Forgot user %s: %d row(s), %d job(s)", user_id, sum(deleted.values()), jobs)
    await query.answer("Deleted")
    details = ", ".join(f"{table}: {count}" for table, count in sorted(deleted.items()))
    # Reply instead when the question's message is gone: the data is deleted either way.
    await edit_or_reply(
        update,
        "Done — everything I stored about you is deleted"
        + (f" ({details})" if details else " (there was nothing stored)")
        + (f" and {jobs} scheduled reminder(s) cancelled" if jobs else "")
        + ".\nIf you write to me again, I start from scratch.")


async def on_my_chat_member(update: Update, context: CallbackContext) -> None:
    """A user blocked the bot in their private chat: switch off what was scheduled for them."""
    change = update.my_chat_member
    if change is None or change.chat.type != change.chat.PRIVATE:
        return
    if change.new_chat_member.status == change.new_chat_member.BANNED:
        await user_blocked(context.application, change.chat.id)


def register(app: Application) -> None:
    app.add_handler(CommandHandler("privacy", show_privacy))
    app.add_handler(CommandHandler("export", export_data))
    app.add_handler(CommandHandler("forget", ask_to_forget))
    app.add_handler(CallbackQueryHandler(on_forget_button, pattern=r"^forget:"))
    app.add_handler(ChatMemberHandler(on_my_chat_member, ChatMemberHandler.MY_CHAT_MEMBER))
    register_deep_link("privacy", _privacy_link)
