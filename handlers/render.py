"""Sending text safely: HTML escaping, Telegram's 4096-character limit, private-chat buttons."""

from __future__ import annotations

import html
from collections.abc import Awaitable, Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.constants import MessageLimit
from telegram.error import BadRequest

MAX_ECHO = 40


def escape(text: object) -> str:
    """Escape user-provided text for an HTML message."""
    return html.escape(str(text), quote=False)


def cut(text: str, limit: int) -> str:
    """`text`, or its first `limit` - 1 characters and "…" when longer."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def echo(text: str) -> str:
    """A short, escaped excerpt of something the user typed, for error messages."""
    return escape(cut(text, MAX_ECHO))


def split_message(text: str, limit: int = MessageLimit.MAX_TEXT_LENGTH) -> list[str]:
    """Split on paragraph, then line boundaries so that no part exceeds `limit` characters.

    Parts never cut inside a line, so HTML tags opened and closed on one line stay balanced.
    """
    parts: list[str] = []
    current = ""
    for line in text.split("\n"):
        while len(line) > limit:
            parts.extend([current] if current else [])
            current = ""
            parts.append(line[:limit])
            line = line[limit:]
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            parts.append(current)
            candidate = line
        current = candidate
    if current or not parts:
        parts.append(current)
    return parts


def thread_of(update: Update) -> int | None:
    """The forum topic the update came from (a command, or a button under a message there):
    replies go to it, not to the General topic. Pass it as `message_thread_id`."""
    message = update.effective_message
    return message.message_thread_id \
        if isinstance(message, Message) and message.is_topic_message else None


async def reply(update: Update, text: str,
                markup: InlineKeyboardMarkup | None = None) -> Message | None:
    """Reply in the update's chat and topic, split when long; the keyboard goes on the last
    part."""
    chat = update.effective_chat
    if chat is None:
        return None
    parts = split_message(text)
    sent: Message | None = None
    for index, part in enumerate(parts):
        is_last = index == len(parts) - 1
        sent = await chat.send_message(part, reply_markup=markup if is_last else None,
                                       message_thread_id=thread_of(update))
    return sent


async def edited(edit: Awaitable[object]) -> bool:
    """Await an edit of a message: False when Telegram says it is "not modified" (the same
    button pressed twice: the first press already made the change), which is no error."""
    try:
        await edit
    except BadRequest as error:
        if "message is not modified" in str(error).lower():
            return False
        raise
    return True


async def edit_or_reply(update: Update, text: str,
                        markup: InlineKeyboardMarkup | None = None) -> None:
    """Edit the message whose button was pressed (menus change in place); reply otherwise,
    or when Telegram cannot edit it (too old to be shown to the bot, a photo, too long)."""
    query = update.callback_query
    if query is not None and query.message is not None and query.message.is_accessible:
        try:
            await edited(query.edit_message_text(text, reply_markup=markup))
            return
        except BadRequest:
            pass
    await reply(update, text, markup)


def rows(buttons: Sequence[InlineKeyboardButton],
         width: int) -> list[list[InlineKeyboardButton]]:
    """Keyboard rows of `width` buttons each (the last one may be shorter)."""
    return [list(buttons[i: i + width]) for i in range(0, len(buttons), width)]


def private_chat_link(bot_username: str, label: str, payload: str) -> InlineKeyboardButton:
    """A button that opens the private chat with the bot, with a /start payload."""
    return InlineKeyboardButton(label, url=f"https://t.me/{bot_username}?start={payload}")


def private_chat_button(bot_username: str, label: str, payload: str) -> InlineKeyboardMarkup:
    """A keyboard of just that button."""
    return InlineKeyboardMarkup([[private_chat_link(bot_username, label, payload)]])


def is_private(update: Update) -> bool:
    chat = update.effective_chat
    return chat is not None and chat.type == chat.PRIVATE
