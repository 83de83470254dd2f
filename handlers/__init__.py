"""The Telegram face of the bot: one module per feature, each with a `register(app)`."""

from __future__ import annotations

from telegram.ext import Application

from handlers import cohort, daily, errors, help, profile, quiz, start, study

FEATURES = (start, help, profile, quiz, study, daily, cohort)


def register(app: Application) -> None:
    for feature in FEATURES:
        feature.register(app)
    errors.register(app)
