"""Last in line: a button no handler knows (stale or forged) and an unknown command get an answer.

Runs in a group of its own after every other, and speaks only when no other handler (in any
group, registered at any time) accepts the update.
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import (
    Application,
    CallbackContext,
    CallbackQueryHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from handlers.render import reply

GROUP = 1000
STALE_BUTTON = "This button no longer works. Send /help to see what I can do."
UNKNOWN_COMMAND = "I don't know that command. /help lists everything I can do."


def handled_elsewhere(app: Application, update: Update) -> bool:
    """Whether a handler outside this module accepts the update (catch-all guards aside)."""
    return any(
        handler.check_update(update) not in (None, False)
        for group, handlers in app.handlers.items() if group != GROUP
        for handler in handlers if not isinstance(handler, TypeHandler)
    )


async def stale_button(update: Update, context: CallbackContext) -> None:
    assert update.callback_query is not None
    if not handled_elsewhere(context.application, update):
        await update.callback_query.answer(STALE_BUTTON, show_alert=True)


async def unknown_command(update: Update, context: CallbackContext) -> None:
    if not handled_elsewhere(context.application, update):
        await reply(update, UNKNOWN_COMMAND)


def register(app: Application) -> None:
    app.add_handler(CallbackQueryHandler(stale_button), group=GROUP)
    # Only in private chats: in a group, an unknown command is probably meant for another bot.
    app.add_handler(MessageHandler(filters.COMMAND & filters.ChatType.PRIVATE
                                   & filters.UpdateType.MESSAGE, unknown_command), group=GROUP)
