"""Buttons on shared group messages answer the member who pressed them.

Everyone in a group sees the bot's menus there, so editing one in place for one member's tap
would change it for all. In a group, a press on a menu button opens the presser's private
chat with the bot at the same place instead (answerCallbackQuery with a t.me start link); the
group's message stays as it was.
"""

from __future__ import annotations

import re

from telegram import Update
from telegram.ext import Application, ApplicationHandlerStop, CallbackContext, CallbackQueryHandler

from handlers.render import is_private

GROUP = -900  # after handlers.anonymous, before every feature
# Menu buttons (a pattern of their data) → the /start payload that opens the same place in the
# private chat. Other features' buttons refuse in groups themselves (salary's what-ifs) or
# never appear there (the profile's).
PRIVATE_PLACES = {r"menu:profile$": "profile", r"menu:salary$": "salary",
                  r"menu:certify$": "certify", r"cert:": "certify", r"menu:career$": "career",
                  r"menu:steps$": ""}
PATTERN = re.compile("^(?:" + "|".join(PRIVATE_PLACES) + ")")


def private_place(data: str) -> str | None:
    """The payload for a menu button's data; None for buttons that are the group's."""
    return next((payload for pattern, payload in PRIVATE_PLACES.items()
                 if re.match(pattern, data)), None)


async def answer_privately(update: Update, context: CallbackContext) -> None:
    query = update.callback_query
    if query is None or is_private(update) or query.message is None:
        return
    payload = private_place(query.data or "")
    if payload is None:
        return
    start = f"?start={payload}" if payload else ""
    await query.answer(url=f"https://t.me/{context.bot.username}{start}")
    raise ApplicationHandlerStop


def register(app: Application) -> None:
    app.add_handler(CallbackQueryHandler(answer_privately, pattern=PATTERN), group=GROUP)
