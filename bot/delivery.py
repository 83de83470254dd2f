"""Every Bot API call the bot makes passes here (a python-telegram-bot rate limiter).

For each call, in order:
1. The current update's database writes are committed (`Database.flush`): what a reply
   reports is durable before the reply leaves, and no transaction waits on the network.
2. The call goes through AIORateLimiter when rate limiting is on (flood limits, RetryAfter).
3. A transient failure (`NetworkError`: 5xx, connection reset, `TimedOut`) is retried with
   exponential backoff, `ATTEMPTS` times in all (a 429 too, after its `retry_after`, when
   AIORateLimiter is off). Refusals (`BadRequest` 400, `Forbidden` 403)
   are not retried: they reach the handler, and the error handler does the follow-up.
4. A message, edit or poll that still failed is kept in the outbox and the error is raised;
   `deliver_kept` sends the outbox again every `RETRY_KEPT_EVERY` seconds, oldest first, so a
   reply is late rather than lost. Calls carrying an upload, callback and inline answers (which
   expire within seconds) are not kept.
"""

from __future__ import annotations

import asyncio
import logging
import warnings
from collections.abc import Callable, Coroutine
from contextvars import ContextVar
from typing import Any

from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError
from telegram.ext import Application, BaseRateLimiter, CallbackContext
from telegram.request import RequestData
from telegram.request._requestparameter import RequestParameter
from telegram.warnings import PTBUserWarning

from db import Database
from knowledge.numbers import is_ascii_number

log = logging.getLogger(__name__)

ATTEMPTS = 4
FIRST_BACKOFF = 0.5  # seconds; doubled after each failure: 0.5, 1, 2
RETRY_KEPT_EVERY = 30.0
GIVE_UP_AFTER = 20  # attempts from the outbox (about ten minutes)
KEPT_METHODS = frozenset({
    "sendMessage", "sendPhoto", "sendDocument", "sendPoll", "editMessageText",
    "editMessageCaption", "editMessageReplyMarkup", "deleteMessage",
})

_REPLAYING: ContextVar[bool] = ContextVar("replaying_kept_call", default=False)
JSONResult = bool | dict[str, Any] | list[dict[str, Any]]


def transient(error: BaseException) -> bool:
    """Worth another attempt: the network or Telegram's side failed, not the request."""
    return isinstance(error, NetworkError) and not isinstance(error, BadRequest)


def retry_after_seconds(error: RetryAfter) -> float:
    """A 429's wait (PTB gives an int or a timedelta, depending on PTB_TIMEDELTA)."""
    wait = error.retry_after
    return float(wait) if isinstance(wait, int | float) else wait.total_seconds()


def as_sent(data: dict[str, Any]) -> RequestData:
    """The parameters of a call as they go over the wire (JSON-encoded strings), converted by
    PTB's own RequestParameter (a private module of the pinned version; RequestData is public)."""
    return RequestData([RequestParameter.from_input(key, value) for key, value in data.items()])


class ReliableDelivery(BaseRateLimiter[int]):
    """Commit first, then rate-limit, retry, and keep what still failed (see the module)."""

    def __init__(self, db: Database, limiter: BaseRateLimiter[int] | None = None, *,
                 attempts: int = ATTEMPTS, first_backoff: float = FIRST_BACKOFF) -> None:
        self._db = db
        self._limiter = limiter
        self._attempts = attempts
        self._first_backoff = first_backoff

    async def initialize(self) -> None:
        if self._limiter is not None:
            await self._limiter.initialize()

    async def shutdown(self) -> None:
        if self._limiter is not None:
            await self._limiter.shutdown()

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, JSONResult]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> JSONResult:
        await self._db.flush()
        attempts = 1 if _REPLAYING.get() else self._attempts
        for attempt in range(attempts):
            try:
                if self._limiter is None:
                    return await callback(*args, **kwargs)
                return await self._limiter.process_request(callback, args, kwargs, endpoint,
                                                           data, rate_limit_args)
            except TelegramError as error:
                # A 429 is AIORateLimiter's to wait out and retry; without it, ours.
                flooded = isinstance(error, RetryAfter)
                if not (transient(error) or (flooded and self._limiter is None)) \
                        or attempt == attempts - 1:
                    if (transient(error) or flooded) and not _REPLAYING.get():
                        await self._keep(endpoint, data)
                    raise
                log.info("Bot API %s failed (%s); attempt %d of %d", endpoint,
                         type(error).__name__, attempt + 2, attempts)
                await asyncio.sleep(retry_after_seconds(error) if flooded
                                    else self._first_backoff * 2**attempt)
        raise AssertionError("unreachable: the last attempt returns or raises")

    async def _keep(self, endpoint: str, data: dict[str, Any]) -> None:
        request = as_sent(data)
        if endpoint not in KEPT_METHODS or request.contains_files:
            log.warning("Bot API %s failed for good after %d attempts", endpoint, self._attempts)
            return
        chat_id = request.json_parameters.get("chat_id", "")
        await self._db.outbox.keep(endpoint, request.json_parameters,
                                   int(chat_id) if is_ascii_number(chat_id.lstrip("-")) else None)
        log.warning("Bot API %s failed %d times; kept to send again later", endpoint,
                    self._attempts)


async def deliver_kept(context: CallbackContext) -> None:
    """Send the outbox again, oldest first; stop at the first transient failure (the network
    is still down). A refusal drops the call (a 403 in a private chat also means the user
    blocked the bot, with its follow-up); so does the last of `GIVE_UP_AFTER` attempts."""
    from handlers.user_jobs import user_blocked  # handlers import bot.*, not the reverse at load

    app = context.application
    db: Database = app.bot_data["services"].db
    token = _REPLAYING.set(True)
    try:
        for call in await db.outbox.due():
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", PTBUserWarning)  # do_api_request's advice
                    await app.bot.do_api_request(call.method, api_kwargs=call.params)
            except RetryAfter:
                return  # AIORateLimiter waited its turn already; the rest next round
            except TelegramError as error:
                if transient(error) and call.attempts + 1 < GIVE_UP_AFTER:
                    await db.outbox.failed_again(call.id)
                    return
                await db.outbox.done(call.id)
                log.warning("Kept Bot API %s dropped: %s", call.method, type(error).__name__)
                if isinstance(error, Forbidden) and call.chat_id and call.chat_id > 0:
                    await user_blocked(app, call.chat_id)
                continue
            await db.outbox.done(call.id)
            log.info("Kept Bot API %s delivered", call.method)
    finally:
        _REPLAYING.reset(token)


async def start_outbox(app: Application) -> None:
    """Send the outbox shortly after start (what a crash or an outage left) and then often;
    with several replicas, the scheduler replica does (bot.replicas), so that no kept call goes
    out twice."""
    assert app.job_queue is not None
    app.job_queue.run_repeating(deliver_kept, RETRY_KEPT_EVERY, first=1.0, name="outbox")


def register(app: Application) -> None:
    app.bot_data["services"].scheduler_hooks.append(start_outbox)
