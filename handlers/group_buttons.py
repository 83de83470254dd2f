"""Buttons on shared group messages answer the member who pressed them.

Everyone in a group sees the bot's menus there, so editing one in place for one member's tap
would change it for all. In a group, a press on a menu button or on a related topic under an
answer opens the presser's private chat with the bot at the same place instead
(answerCallbackQuery with a t.me start link); the group's message stays as it was.
"""

from __future__ import annotations

import re

from telegram import Update
from telegram.ext import Application, ApplicationHandlerStop, CallbackContext, CallbackQueryHandler

from handlers.ask import TOPIC_PREFIX, answer_keyboard, command_line, engine_of, entry_text
from handlers.render import is_private, reply
from handlers.start import register_deep_link

GROUP = -900  # after handlers.anonymous, before every feature
# Menu buttons (a pattern of their data) → the /start payload that opens the same place in the
# private chat. Other features' buttons refuse in groups themselves (salary's what-ifs) or
# never appear there (the profile's).
PRIVATE_PLACES = {r"menu:profile$": "profile", r"menu:salary$": "salary",
                  r"menu:certify$": "certify", r"cert:": "certify", r"menu:career$": "career",
                  r"menu:steps$": ""}
# + a knowledge entry's id, its ":" written "-" (ids are letters, digits, "_" and ":", and a
# /start payload may not hold ":"): that topic's answer, in the private chat.
TOPIC_LINK = "topic_"
PATTERN = re.compile("^(?:" + "|".join([*PRIVATE_PLACES, re.escape(TOPIC_PREFIX)]) + ")")
_PAYLOAD = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


def private_place(data: str) -> str | None:
    """The payload for a menu button's data; None for buttons that are the group's."""
    if data.startswith(TOPIC_PREFIX):
        payload = TOPIC_LINK + data.removeprefix(TOPIC_PREFIX).replace(":", "-")
        return payload if _PAYLOAD.match(payload) else ""
    return next((payload for pattern, payload in PRIVATE_PLACES.items()
                 if re.match(pattern, data)), None)


async def open_topic_link(update: Update, context: CallbackContext, topic_id: str) -> None:
    """A related topic pressed under a group answer, shown in the private chat."""
    engine = await engine_of(context)
    entry = engine.by_id.get(topic_id.replace("-", ":"))
    if entry is None:
        await reply(update, "That topic is no longer available — just ask me again.")
        return
    await reply(update, entry_text(entry) + command_line(entry.command),
                answer_keyboard(engine.related_to(entry), entry.command, True,
                                context.bot.username))


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
    register_deep_link(TOPIC_LINK, open_topic_link)
