"""Skips an update that was already handled (Telegram may deliver it again after a restart)."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import Application, ApplicationHandlerStop, CallbackContext, TypeHandler

from handlers.deps import services

log = logging.getLogger(__name__)

FIRST_GROUP = -1000  # before every feature's handlers


async def skip_redelivered(update: Update, context: CallbackContext) -> None:
    if not await services(context).db.processed_updates.mark(update.update_id):
        log.info("Update %s was handled before; skipped", update.update_id)
        raise ApplicationHandlerStop


async def prune_old_ids(app: Application) -> None:
    await app.bot_data["services"].db.processed_updates.prune()


def register(app: Application) -> None:
    app.add_handler(TypeHandler(Update, skip_redelivered), group=FIRST_GROUP)
    app.bot_data["services"].startup_hooks.append(prune_old_ids)
