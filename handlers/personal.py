"""Keeping personal answers private: the profile is read only in a private chat, and group
answers get a button that opens the private chat for the personal version."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import CallbackContext

from handlers.deps import services
from handlers.render import is_private, private_chat_button, private_chat_link, reply
from knowledge.profile import Profile


async def private_profile(update: Update, context: CallbackContext) -> Profile | None:
    """The user's profile in a private chat; None in a group, or when nothing is set."""
    if not is_private(update) or update.effective_user is None:
        return None
    profile = await services(context).db.profiles.get(update.effective_user.id)
    return None if profile is None or profile.is_empty() else profile


async def require_private(update: Update, context: CallbackContext, text: str, payload: str,
                          label: str = "Open our private chat") -> bool:
    """True in a private chat; elsewhere, reply `text` with a button to the private chat
    (`/start payload`) and return False."""
    if is_private(update):
        return True
    await reply(update, text, private_chat_button(context.bot.username, label, payload))
    return False


def for_chat(update: Update, context: CallbackContext, markup: InlineKeyboardMarkup | None,
             label: str, payload: str) -> InlineKeyboardMarkup | None:
    """`markup` as is in a private chat; in a group, with a button to the private chat added."""
    if is_private(update):
        return markup
    button = private_chat_link(context.bot.username, label, payload)
    rows = list(markup.inline_keyboard) if markup is not None else []
    return InlineKeyboardMarkup([*rows, [button]])
