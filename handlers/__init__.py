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
    group_buttons,
    help,
    inline,
    members,
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

# `anonymous` and `group_buttons` stay first (they guard every update, or every button press
# in a group; a redelivered update is skipped before any handler, by bot.intake); `ask` stays
# last: its catch-all for private text must come after every dialogue's handlers.
FEATURES = (redelivery, anonymous, group_buttons, start, help, profile, salary, certify, career,
            steps, sources, quiz, study, daily, cohort, members, privacy, admin, inline, ask)


def register(app: Application) -> None:
    for feature in FEATURES:
        feature.register(app)
    fallbacks.register(app)
    errors.register(app)
