"""/start: the welcome, the main menu, and routing of deep-link payloads."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import Application, CallbackContext, CallbackQueryHandler, CommandHandler

from handlers.render import edit_or_reply, escape, is_private, reply, rows

DeepLinkHandler = Callable[[Update, CallbackContext, str], Awaitable[None]]

# Deep-link payloads: a prefix (e.g. "join_" or "salary") and the handler of its features.
_DEEP_LINKS: dict[str, DeepLinkHandler] = {}
_PAYLOAD = re.compile(r"^[A-Za-z0-9_-]{1,64}$")

# Main-menu buttons: (label, callback data); features add theirs when registered.
MENU: list[tuple[str, str]] = [("👤 My profile", "menu:profile")]
# The way back from every menu page: the page turns into the main menu again.
MENU_BUTTON = InlineKeyboardButton("🏠 Menu", callback_data="menu:main")


def register_deep_link(prefix: str, handler: DeepLinkHandler) -> None:
    _DEEP_LINKS[prefix] = handler


def has_deep_link(payload: str) -> bool:
    """Whether a feature opens something for this exact /start payload."""
    return payload in _DEEP_LINKS


def add_menu_button(label: str, data: str) -> None:
    if (label, data) not in MENU:
        MENU.append((label, data))


def main_menu() -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(rows(
        [InlineKeyboardButton(label, callback_data=data) for label, data in MENU], 2))


def group_welcome_text(bot_username: str) -> str:
    return (
        "Hi! I'm <b>EHR Career Coach</b>. In this group, ask me with "
        f"<code>/ask your question</code>, by mentioning @{escape(bot_username)}, or by "
        "replying to one of my messages; /help lists what works here. Anything personal "
        "(your profile, your salary estimate) stays in our private chat."
    )


def welcome_text(first_name: str) -> str:
    return (
        f"Hi {escape(first_name)}! I'm <b>EHR Career Coach</b>.\n\n"
        "I answer questions about pay, certifications and career steps for EHR specialists, "
        "medical records specialists and health information technicians — every figure with "
        "its source. Tell me a little about yourself and my estimates become personal.\n\n"
        "Pick a topic below, ask me anything in plain words, or send /help for every command."
    )


async def start(update: Update, context: CallbackContext) -> None:
    payload = context.args[0] if context.args else ""
    if payload:
        await route_deep_link(update, context, payload)
        return
    if not is_private(update):
        button = InlineKeyboardButton("Open our private chat",
                                      url=f"https://t.me/{context.bot.username}")
        await reply(update, group_welcome_text(context.bot.username),
                    InlineKeyboardMarkup([[button]]))
        return
    user = update.effective_user
    await reply(update, welcome_text(user.first_name if user else "there"), main_menu())


async def route_deep_link(update: Update, context: CallbackContext, payload: str) -> None:
    if _PAYLOAD.match(payload):
        for prefix in sorted(_DEEP_LINKS, key=len, reverse=True):
            if payload == prefix or (prefix.endswith("_") and payload.startswith(prefix)):
                await _DEEP_LINKS[prefix](update, context, payload.removeprefix(prefix))
                return
    user = update.effective_user
    await reply(
        update,
        "That link is not one I recognise (it may be out of date), so here is the main menu.\n\n"
        + welcome_text(user.first_name if user else "there"),
        main_menu(),
    )


async def back_to_menu(update: Update, context: CallbackContext) -> None:
    """`menu:main`: the page whose button was pressed turns back into the main menu."""
    assert update.callback_query is not None
    await update.callback_query.answer()
    user = update.effective_user
    await edit_or_reply(update, welcome_text(user.first_name if user else "there"), main_menu())


def register(app: Application) -> None:
    app.add_handler(CommandHandler("start", start))
    app.add_handler(CallbackQueryHandler(back_to_menu, pattern=r"^menu:main$"))
