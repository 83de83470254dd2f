"""Concurrent across users, in order for each user: the update processor the bot runs with."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

UNBOUNDED = 2**31 - 1


def ordering_key(update: object) -> int | None:
    """Updates with the same key are processed one after the other, in arrival order.

    The key is the user (a dialogue is per user), else the chat (channel posts); updates
    without either (e.g. poll state) need no order and run freely.
    """
    if not isinstance(update, Update):
        return None
    if update.effective_user is not None:
        return update.effective_user.id
    if update.effective_chat is not None:
        return update.effective_chat.id
    return None


class PerUserOrderedProcessor(BaseUpdateProcessor):
    """Up to `max_concurrent_updates` at once; one at a time per user or chat.

    asyncio locks wake their waiters first come, first served, and the Application starts
    processing updates in the order it receives them, so each user's updates keep their order.
    A slot is taken only once it is the user's turn: PTB's own semaphore (taken before
    `do_process_update`, in a final method) is made wide enough never to wait, so one user's
    backlog cannot hold every slot while other users wait.
    """

    def __init__(self, max_concurrent_updates: int) -> None:
        super().__init__(UNBOUNDED)  # so PTB reports this, not the limit kept below
        self._slots = asyncio.Semaphore(max_concurrent_updates)
        self._locks: dict[int, asyncio.Lock] = {}
        self._users: dict[int, int] = {}

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        key = ordering_key(update)
        if key is None:
            async with self._slots:
                await coroutine
            return
        lock = self._locks.setdefault(key, asyncio.Lock())
        self._users[key] = self._users.get(key, 0) + 1
        try:
            async with lock, self._slots:
                await coroutine
        finally:
            self._users[key] -= 1
            if not self._users[key]:
                del self._users[key], self._locks[key]

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None
