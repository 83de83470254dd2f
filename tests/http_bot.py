"""The bot in production wiring (long polling over HTTP, real HTTP client) against the stand-in."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from telegram.ext import Application

from bot.app import ALLOWED_UPDATES, build_application
from bot.fake_api import FakeTelegram
from bot.fake_api.server import FakeBotServer
from bot.lifecycle import running
from bot.settings import Settings
from tests.harness import TEST_TOKEN


async def wait_for(predicate: Callable[[], Any], timeout: float = 10.0,
                   what: str = "the condition") -> None:
    """Until `predicate()` is true; an async predicate's result is awaited."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        result = predicate()
        if inspect.isawaitable(result):
            result = await result
        if result:
            return
        assert loop.time() < deadline, f"timed out waiting for {what}"
        await asyncio.sleep(0.02)


@asynccontextmanager
async def polling_bot(api: FakeTelegram, database: Path,
                      http_client: str = "aiohttp") -> AsyncIterator[Application]:
    """`async with polling_bot(api, path) as app:` — then `api.push(update)` and wait."""
    async with FakeBotServer(api) as server:
        settings = Settings(_env_file=None, telegram_bot_token=TEST_TOKEN,  # type: ignore[call-arg]
                            telegram_api_base_url=server.base_url,
                            telegram_api_file_url=server.file_url, database_path=database,
                            http_client=http_client)
        app = build_application(settings)
        async with running(app):
            await app.updater.start_polling(poll_interval=0, timeout=1,  # type: ignore[union-attr]
                                            allowed_updates=ALLOWED_UPDATES)
            try:
                yield app
            finally:
                await app.updater.stop()  # type: ignore[union-attr]
