"""The error handler: log the exception (never the message text), apologise to the user, and
tell the operators (OPERATOR_IDS) in one redacted line, at most once a minute.

Only the exception type, where it was raised and the update id go into the log message and the
alert; the traceback stays in the log, and the exceptions our code raises never carry what a
user typed (see handlers.arguments).
"""

from __future__ import annotations

import html
import logging
import time
import traceback
from pathlib import Path

from telegram import Update
from telegram.error import BadRequest, Forbidden, NetworkError, TelegramError
from telegram.ext import Application, CallbackContext

from handlers.deps import services
from handlers.render import thread_of
from handlers.user_jobs import user_blocked

log = logging.getLogger(__name__)

APOLOGY = "Sorry, something went wrong on my side. Please try again in a moment."
# At most one alert per this many seconds; the ones held back are counted in the next.
ALERT_INTERVAL = 60.0
OUR_PACKAGES = ("bot", "handlers", "knowledge", "db")
_clock = time.monotonic
# Refusals that are normal events, not bugs: a button pressed under a message since deleted,
# or answered after Telegram's deadline (an update handled again after a restart).
EXPECTED_REFUSALS = ("message to edit not found", "message can't be edited",
                     "message is not modified", "query is too old", "query id is invalid",
                     "message to delete not found")


def expected_refusal(error: object) -> bool:
    return isinstance(error, BadRequest) and any(
        text in str(error).lower() for text in EXPECTED_REFUSALS)


def raised_at(error: BaseException) -> str:
    """The innermost frame of our own code in the traceback, as `package/module.py:line`."""
    where = ""
    for frame in traceback.extract_tb(error.__traceback__):
        parts = Path(frame.filename).parts
        for index, part in enumerate(parts[:-1]):
            if part in OUR_PACKAGES:
                where = f"{'/'.join(parts[index:])}:{frame.lineno}"
                break
    return where or "library code"


class OperatorAlerts:
    """Rate-limited one-line alerts; the count of held-back alerts rides along with the next."""

    def __init__(self) -> None:
        self._last_sent: float | None = None
        self._held_back = 0

    def summary(self, error: BaseException, update_id: int | None) -> str | None:
        """The alert to send now, or None when one was sent less than ALERT_INTERVAL ago."""
        now = _clock()
        if self._last_sent is not None and now - self._last_sent < ALERT_INTERVAL:
            self._held_back += 1
            return None
        self._last_sent = now
        more = f" (+{self._held_back} more since the last alert)" if self._held_back else ""
        self._held_back = 0
        return (f"⚠️ {type(error).__name__} at {raised_at(error)} while handling update "
                f"{update_id}{more}. Details are in the log.")

    async def send(self, context: CallbackContext, error: BaseException,  # type: ignore[type-arg]
                   update_id: int | None) -> None:
        operators = services(context).operator_ids
        text = self.summary(error, update_id) if operators else None
        if text is None:
            return
        for operator in sorted(operators):
            try:
                await context.bot.send_message(operator, html.escape(text))
            except TelegramError as send_error:
                log.warning("Could not alert operator %s: %s", operator,
                            type(send_error).__name__)


async def on_error(update: object, context: CallbackContext,  # type: ignore[type-arg]
                   alerts: OperatorAlerts) -> None:
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
            await update.effective_chat.send_message(APOLOGY, message_thread_id=thread_of(update))
        except TelegramError:
            log.warning("Could not send the apology for update %s", update_id)
    if error is not None:
        await alerts.send(context, error, update_id)


def register(app: Application) -> None:
    alerts = OperatorAlerts()

    async def handle(update: object, context: CallbackContext) -> None:  # type: ignore[type-arg]
        await on_error(update, context, alerts)

    app.add_error_handler(handle)
