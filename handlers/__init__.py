"""The Telegram face of the bot: one module per feature, each with a `register(app)`."""

from __future__ import annotations

from telegram.ext import Application

from handlers import (
    admin,
    anonymous,
    ask,
    career,
    certify,
    cohort,
    daily,
    errors,
    fallbacks,
    help,
    inline,
    privacy,
    profile,
    quiz,
    redelivery,
    salary,
    sources,
    start,
    steps,
    study,
)

# `anonymous` stays first (it guards every update; a redelivered update is skipped before any
# handler, by bot.intake); `ask` stays last: its catch-all for private text must come after
# every dialogue's handlers.
FEATURES = (redelivery, anonymous, start, help, profile, salary, certify, career, steps, sources,
            quiz, study, daily, cohort, privacy, admin, inline, ask)


def register(app: Application) -> None:
    for feature in FEATURES:
        feature.register(app)
    fallbacks.register(app)
    errors.register(app)
