"""The bot in production wiring (long polling over HTTP, real HTTP client) against the stand-in."""

from __future__ import annotations

import asyncio
import inspect
import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from telegram.ext import Application

from bot.app import ALLOWED_UPDATES, build_application
from bot.fake_api import FakeTelegram
from bot.fake_api.faults import Faults
from bot.fake_api.server import FakeBotServer
from bot.intake import polling
from bot.lifecycle import running
from bot.settings import Settings
from tests.harness import TEST_TOKEN

ROOT = Path(__file__).resolve().parent.parent


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
async def polling_bot(api: FakeTelegram, database: Path, http_client: str = "aiohttp",
                      faults: Faults | None = None) -> AsyncIterator[Application]:
    """`async with polling_bot(api, path) as app:` — then `api.push(update)` and wait;
    `faults` makes the stand-in fail calls (bot.fake_api.faults)."""
    async with FakeBotServer(api, faults=faults) as server:
        settings = Settings(_env_file=None, telegram_bot_token=TEST_TOKEN,  # type: ignore[call-arg]
                            telegram_api_base_url=server.base_url,
                            telegram_api_file_url=server.file_url, database_path=database,
                            http_client=http_client)
        app = build_application(settings)
        async with running(app), polling(app, ALLOWED_UPDATES, timeout=1):
            yield app


def run_bot_cli(cwd: Path, *args: str, input: str | None = None,
                **env: str) -> subprocess.CompletedProcess[str]:
    """`python -m bot *args` run to its end in `cwd`, with a minimal environment (nothing from
    the developer's shell) plus `env`; `input` is what it reads on stdin."""
    base = {"PATH": "/usr/bin:/bin", "HOME": str(cwd), "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "bot", *args], cwd=cwd, env={**base, **env},
                          input=input, capture_output=True, text=True, timeout=60)


class BotProcess:
    """`python -m bot` as in production, a child process pointed at the stand-in; `env` adds
    or overrides settings (LOG_LEVEL, WEBHOOK_*)."""

    def __init__(self, api: FakeTelegram, server: FakeBotServer, database: Path,
                 **env: str) -> None:
        self.api = api
        self.database = database
        self.log = database.parent / "bot.log"
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PYTHONPATH": str(ROOT),
            "HOME": str(database.parent), "TELEGRAM_BOT_TOKEN": TEST_TOKEN,
            "TELEGRAM_API_BASE_URL": server.base_url, "TELEGRAM_API_FILE_URL": server.file_url,
            "DATABASE_PATH": str(database), **env,
        }
        self.process: asyncio.subprocess.Process | None = None

    async def start(self) -> None:
        """Start and wait until it is ready (it publishes its command menus on start-up)."""
        ready = len(self.api.calls_to("setMyCommands"))
        # The log goes to a file: a pipe nobody reads would fill up and block the bot.
        with self.log.open("ab") as log:  # one log over every start
            self.process = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot", cwd=self.env["HOME"], env=self.env,
                stdout=asyncio.subprocess.DEVNULL, stderr=log)
        await wait_for(lambda: len(self.api.calls_to("setMyCommands")) > ready, timeout=60)

    def alive(self) -> bool:
        assert self.process is not None and self.process.returncode is None, "the bot exited"
        return True

    async def stop(self, sig: signal.Signals) -> tuple[int | None, str]:
        """Send `sig` (unless it has exited already); the exit code and what the bot logged."""
        assert self.process is not None
        if self.process.returncode is None:
            self.process.send_signal(sig)
        await asyncio.wait_for(self.process.wait(), 60)
        return self.process.returncode, self.log.read_text(errors="replace")


def saved_profile(database: Path, user_id: int) -> tuple[object, ...] | None:
    """(years, state) of the user's stored profile, read straight from the database file."""
    with sqlite3.connect(database) as conn:
        return conn.execute("SELECT years, state FROM profiles WHERE user_id = ?",
                            (user_id,)).fetchone()
