"""Forgets, at start-up, the ids of updates handled long ago (the skipping itself is done by
bot.intake.IntakeApplication, in the transaction of each update's writes)."""

from __future__ import annotations

from telegram.ext import Application


async def prune_old_ids(app: Application) -> None:
    await app.bot_data["services"].db.processed_updates.prune()


def register(app: Application) -> None:
    app.bot_data["services"].startup_hooks.append(prune_old_ids)
