"""The error handler: log the exception (never the message text), apologise to the user.

Only the exception type and the update id go into the message; the traceback is kept, and the
exceptions our code raises never carry what a user typed (see handlers.arguments).
"""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import BadRequest, Forbidden, NetworkError, TelegramError
from telegram.ext import Application, CallbackContext

from handlers.user_jobs import user_blocked

log = logging.getLogger(__name__)

APOLOGY = "Sorry, something went wrong on my side. Please try again in a moment."
# Refusals that are normal events, not bugs: a button pressed under a message since deleted,
# or answered after Telegram's deadline (an update handled again after a restart).
EXPECTED_REFUSALS = ("message to edit not found", "message can't be edited",
                     "message is not modified", "query is too old", "query id is invalid",
                     "message to delete not found")


def expected_refusal(error: object) -> bool:
    return isinstance(error, BadRequest) and any(
        text in str(error).lower() for text in EXPECTED_REFUSALS)


async def on_error(update: object, context: CallbackContext) -> None:
    error = context.error
    update_id = update.update_id if isinstance(update, Update) else None
    if expected_refusal(error):
        log.info("Bot API refusal for update %s: %s", update_id, error)
        return
    # A refused call (BadRequest) is our bug, unlike a user who blocked us or a network hiccup.
    if isinstance(error, Forbidden | NetworkError) and not isinstance(error, BadRequest):
        log.warning("Bot API refused or unreachable (update %s): %s", update_id,
                    type(error).__name__)
        chat = update.effective_chat if isinstance(update, Update) else None
        if isinstance(error, Forbidden) and chat is not None and chat.type == chat.PRIVATE:
            await user_blocked(context.application, chat.id)
        return
    log.error("Unhandled %s while handling update %s", type(error).__name__, update_id,
              exc_info=error)
    if isinstance(update, Update) and update.effective_chat is not None:
        try:
            await update.effective_chat.send_message(APOLOGY)
        except TelegramError:
            log.warning("Could not send the apology for update %s", update_id)


def register(app: Application) -> None:
    app.add_error_handler(on_error)
