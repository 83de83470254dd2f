"""The Telegram face of the bot: one module per feature, each with a `register(app)`."""

from __future__ import annotations

from telegram.ext import Application

from handlers import anonymous, errors, fallbacks, help, privacy, profile, redelivery, start

FEATURES = (redelivery, anonymous, start, help, profile, privacy)


def register(app: Application) -> None:
    for feature in FEATURES:
        feature.register(app)
    fallbacks.register(app)
    errors.register(app)
