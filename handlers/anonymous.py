"""Messages without a sender (channel posts, anonymous group admins) stop here.

Every feature may then rely on `update.effective_user` for messages and button presses.
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import Application, ApplicationHandlerStop, CallbackContext, TypeHandler

from handlers.render import reply

GROUP = -999  # before every feature

NO_SENDER = ("I can't tell who sent this — it comes from a channel or an anonymous admin. "
             "Please send it from your own account.")


async def stop_without_sender(update: Update, context: CallbackContext) -> None:
    message = update.effective_message
    if message is None or update.effective_user is not None:
        return
    chat = update.effective_chat
    if (chat is not None and chat.type != chat.CHANNEL and update.message is not None
            and (message.text or "").startswith("/")):
        await reply(update, NO_SENDER)
    raise ApplicationHandlerStop


def register(app: Application) -> None:
    app.add_handler(TypeHandler(Update, stop_without_sender), group=GROUP)
