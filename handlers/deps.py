"""What handlers reach through `context.bot_data`: the database and a few settings."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from telegram.ext import Application, CallbackContext

from db import Database

StartupHook = Callable[[Application], Awaitable[None]]


@dataclass
class Services:
    db: Database
    operator_ids: frozenset[int] = frozenset()
    startup_hooks: list[StartupHook] = field(default_factory=list)
    shutdown_hooks: list[StartupHook] = field(default_factory=list)


def services(context: CallbackContext) -> Services:  # type: ignore[type-arg]
    return context.application.bot_data["services"]
