"""The Telegram face of the bot: one module per feature, each with a `register(app)`."""

from __future__ import annotations

from telegram.ext import Application

from handlers import (
    anonymous,
    cohort,
    daily,
    errors,
    fallbacks,
    help,
    privacy,
    profile,
    quiz,
    redelivery,
    start,
    study,
)

FEATURES = (redelivery, anonymous, start, help, profile, quiz, study, daily, cohort, privacy)


def register(app: Application) -> None:
    for feature in FEATURES:
        feature.register(app)
    fallbacks.register(app)
    errors.register(app)
