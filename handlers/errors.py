"""The error handler: log the exception (never the message text), apologise to the user.

Only the exception type and the update id go into the message; the traceback is kept, and the
exceptions our code raises never carry what a user typed (see handlers.arguments).
"""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import BadRequest, Forbidden, NetworkError, TelegramError
from telegram.ext import Application, CallbackContext

from handlers.render import thread_of

log = logging.getLogger(__name__)

APOLOGY = "Sorry, something went wrong on my side. Please try again in a moment."


async def on_error(update: object, context: CallbackContext) -> None:
    error = context.error
    update_id = update.update_id if isinstance(update, Update) else None
    # A refused call (BadRequest) is our bug, unlike a user who blocked us or a network hiccup.
    if isinstance(error, Forbidden | NetworkError) and not isinstance(error, BadRequest):
        log.warning("Bot API refused or unreachable (update %s): %s", update_id,
                    type(error).__name__)
        return
    log.error("Unhandled %s while handling update %s", type(error).__name__, update_id,
              exc_info=error)
    if isinstance(update, Update) and update.effective_chat is not None:
        try:
            await update.effective_chat.send_message(APOLOGY, message_thread_id=thread_of(update))
        except TelegramError:
            log.warning("Could not send the apology for update %s", update_id)


def register(app: Application) -> None:
    app.add_error_handler(on_error)
