"""At-least-once intake: no update is lost to a crash, none is applied twice.

- `IntakeApplication` handles each update inside `Database.unit`: its writes and its processed
  mark commit together (see db.database), and an update handled before is skipped.
- `poll_updates` replaces python-telegram-bot's Updater, which confirms a batch to Telegram
  (the next getUpdates offset) before handling it. Here a fetched batch is first stored in the
  inbox, and only then confirmed by the next getUpdates; the mark that ends an update's handling
  removes it from the inbox. At start, what the inbox still holds (fetched before a crash or a
  stop) is handled first, in order. The webhook server stores each update the same way before
  answering Telegram.
- Network failures of getUpdates are retried with backoff; nothing fetched is dropped.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Sequence
from typing import Any

from telegram import Update
from telegram.error import BadRequest, NetworkError, RetryAfter
from telegram.ext import Application

from bot.delivery import retry_after_seconds
from bot.ext_bot import CoachBot
from db import Database

log = logging.getLogger(__name__)

POLL_TIMEOUT = 10  # seconds Telegram holds a getUpdates open when there is nothing new
MAX_BACKOFF = 30.0


def _db(app: Application) -> Database:
    return app.bot_data["services"].db


class IntakeApplication(Application):  # type: ignore[type-arg]
    """An Application whose updates are each handled in one database unit (exactly-once)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        # Ids the inbox took as new (not handled before): no need to look them up again.
        self.known_new: set[int] = set()

    async def process_update(self, update: object) -> None:
        if not isinstance(update, Update):
            await super().process_update(update)
            return
        known_new = update.update_id in self.known_new
        self.known_new.discard(update.update_id)
        async with _db(self).unit(update.update_id, known_new=known_new) as fresh:
            if fresh:
                await super().process_update(update)
            else:
                log.info("Update %s was handled before; skipped", update.update_id)


async def _queue(app: Application, updates: Sequence[Update]) -> None:
    if isinstance(app, IntakeApplication):
        app.known_new.update(update.update_id for update in updates)
    for update in updates:
        await app.update_queue.put(update)


async def receive(app: Application, updates: Sequence[Update], raw: Sequence[dict[str, Any]]
                  ) -> None:
    """Store updates in the inbox, then queue the new ones for handling (not those handled
    before, nor those the inbox holds already: they are queued by `replay_inbox`)."""
    new = await _db(app).processed_updates.store(
        (update.update_id, body) for update, body in zip(updates, raw, strict=True))
    await _queue(app, [update for update in updates if update.update_id in new])


async def replay_inbox(app: Application) -> None:
    """Queue what the inbox holds from the last run."""
    leftovers = [Update.de_json(body, app.bot) for body in
                 await _db(app).processed_updates.unhandled()]
    await _queue(app, leftovers)
    if leftovers:
        log.info("Handling %d update(s) fetched before the last stop", len(leftovers))


async def poll_updates(app: Application, allowed_updates: list[str], *,
                       timeout: int = POLL_TIMEOUT) -> None:
    """Long polling, until cancelled; each batch is stored before it is confirmed."""
    bot = app.bot
    assert isinstance(bot, CoachBot), "build_application() gives the Application a CoachBot"
    await bot.delete_webhook(drop_pending_updates=False)
    await replay_inbox(app)
    offset: int | None = None
    backoff = 0.0
    while True:
        try:
            updates, bodies = await bot.get_updates_with_bodies(
                offset=offset, timeout=timeout, allowed_updates=allowed_updates)
        except RetryAfter as error:
            await asyncio.sleep(retry_after_seconds(error))
            continue
        except NetworkError as error:
            if isinstance(error, BadRequest):
                raise
            backoff = min(MAX_BACKOFF, backoff * 2 or 0.5)
            log.warning("getUpdates failed (%s); again in %.1f s", type(error).__name__, backoff)
            await asyncio.sleep(backoff)
            continue
        backoff = 0.0
        if not updates:
            continue
        await receive(app, updates, bodies)
        offset = updates[-1].update_id + 1  # confirms this batch: it is stored


@contextlib.asynccontextmanager
async def polling(app: Application, allowed_updates: list[str], *,
                  timeout: int = POLL_TIMEOUT) -> AsyncIterator[asyncio.Task[None]]:
    """Poll while the block runs (the Application running); stopping leaves what was not
    fetched with Telegram and what was fetched in the inbox."""
    task = asyncio.create_task(poll_updates(app, allowed_updates, timeout=timeout),
                               name="poll_updates")
    try:
        yield task
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
