"""Sending one thing to many chats (daily questions, reminders) without tripping flood limits.

    report = await fan_out(context.application, chat_ids,
                           lambda chat_id: context.bot.send_message(chat_id, text))

Sends are spaced out (`spacing` seconds apart; the default keeps well under Telegram's ~30
messages a second and leaves room for replies to users), a 429 is waited out and retried, a chat
that refuses (403: blocked, kicked, deactivated) is reported to `on_blocked` and the rest go on;
any other failure is logged and counted, and never stops the others.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field

from telegram.error import ChatMigrated, Forbidden, RetryAfter, TelegramError
from telegram.ext import Application

from handlers.user_jobs import user_blocked

log = logging.getLogger(__name__)

DEFAULT_SPACING = 1 / 20
MAX_RETRIES = 3

Send = Callable[[int], Awaitable[object]]
Blocked = Callable[[int], Awaitable[None]]
Sleep = Callable[[float], Awaitable[None]]


@dataclass
class FanOutReport:
    delivered: list[int] = field(default_factory=list)
    blocked: list[int] = field(default_factory=list)
    failed: list[int] = field(default_factory=list)
    migrated: dict[int, int] = field(default_factory=dict)  # old group id → new supergroup id


async def _send_with_retries(chat_id: int, send: Send, sleep: Sleep,
                             report: FanOutReport) -> None:
    """Deliver to one chat, following a group's migration and waiting out 429s."""
    target = chat_id
    for attempt in range(MAX_RETRIES + 1):
        try:
            await send(target)
            return
        except RetryAfter as error:
            if attempt == MAX_RETRIES:
                raise
            await sleep(error.retry_after if isinstance(error.retry_after, int | float)
                        else error.retry_after.total_seconds())
        except ChatMigrated as error:
            target = report.migrated[chat_id] = error.new_chat_id


async def fan_out(app: Application, chat_ids: Iterable[int], send: Send, *,
                  on_blocked: Blocked | None = None, spacing: float = DEFAULT_SPACING,
                  sleep: Sleep = asyncio.sleep) -> FanOutReport:
    """`send(chat_id)` to every chat in turn; see the module docstring.

    `on_blocked(chat_id)` defaults to `user_blocked` for private chats (cancels the user's jobs
    and runs the hooks registered with `handlers.user_jobs.on_user_blocked`).
    """
    report = FanOutReport()
    for index, chat_id in enumerate(chat_ids):
        if index and spacing > 0:
            await sleep(spacing)
        try:
            await _send_with_retries(chat_id, send, sleep, report)
        except Forbidden:
            report.blocked.append(chat_id)
            log.info("Chat %s refuses messages; reported as blocked", chat_id)
            if on_blocked is not None:
                await on_blocked(chat_id)
            elif chat_id > 0:
                await user_blocked(app, chat_id)
            continue
        except TelegramError as error:
            report.failed.append(chat_id)
            log.warning("Could not send to chat %s: %s", chat_id, type(error).__name__)
            continue
        except Exception:
            report.failed.append(chat_id)
            log.exception("Sending to chat %s failed", chat_id)
            continue
        report.delivered.append(chat_id)
    log.info("Fan-out: %d delivered, %d blocked, %d failed", len(report.delivered),
             len(report.blocked), len(report.failed))
    return report
