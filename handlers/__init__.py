"""The Telegram face of the bot: one module per feature, each with a `register(app)`."""

from __future__ import annotations

from telegram.ext import Application

from handlers import career, certify, errors, help, profile, salary, sources, start, steps

FEATURES = (start, help, profile, salary, certify, career, steps, sources)


def register(app: Application) -> None:
    for feature in FEATURES:
        feature.register(app)
    errors.register(app)
