"""The Telegram face of the bot: one module per feature, each with a `register(app)`."""

from __future__ import annotations

from telegram.ext import Application

from handlers import (
    admin,
    ask,
    career,
    certify,
    cohort,
    daily,
    errors,
    help,
    profile,
    quiz,
    salary,
    sources,
    start,
    steps,
    study,
)

# `ask` stays last: its catch-all for private text must come after every dialogue's handlers.
FEATURES = (start, help, profile, salary, certify, career, steps, sources, quiz, study, daily,
            cohort, admin, ask)


def register(app: Application) -> None:
    for feature in FEATURES:
        feature.register(app)
    errors.register(app)
