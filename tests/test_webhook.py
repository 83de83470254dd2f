"""Webhook mode over HTTP on 127.0.0.1: `python -m bot` with WEBHOOK_URL set, Telegram's side
played by the HTTP stand-in (outgoing calls) and by the test (incoming POSTs)."""

from __future__ import annotations

import json
import signal
import socket
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from bot.app import ALLOWED_UPDATES
from bot.fake_api import FakeTelegram
from bot.fake_api.server import FakeBotServer
from bot.webhook import SECRET_HEADER, webhook_path
from tests.harness import TEST_TOKEN
from tests.http_bot import BotProcess, run_bot_cli, saved_profile, wait_for

SECRET = "s3cret_for-the-webhook-test"
WEBHOOK_URL = "https://bot.example.test/telegram"
# How long the child process may take to start and to answer.
TIMEOUT = 30.0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class WebhookBot(BotProcess):
    """BotProcess with its webhook server on a free local port, and an HTTP client for it."""

    def __init__(self, api: FakeTelegram, server: FakeBotServer, tmp_path: Path,
                 **env: str) -> None:
        port = _free_port()
        super().__init__(api, server, tmp_path / "hook.sqlite3", LOG_LEVEL="INFO",
                         WEBHOOK_LISTEN="127.0.0.1", WEBHOOK_PORT=str(port), **env)
        self.client = httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}")

    async def healthy(self) -> bool:
        try:
            return self.alive() and (await self.client.get("/healthz")).status_code == 200
        except httpx.TransportError:
            return False

    async def post(self, update: dict[str, object], secret: str | None) -> httpx.Response:
        headers = {"Content-Type": "application/json"}
        if secret is not None:
            headers[SECRET_HEADER] = secret
        return await self.client.post("/telegram", content=json.dumps(update), headers=headers)

    async def terminate(self) -> tuple[int | None, str]:
        """SIGTERM, as `systemctl stop` and `docker stop` send; the exit code and the log."""
        try:
            return await self.stop(signal.SIGTERM)
        finally:
            await self.client.aclose()


@pytest.fixture
async def stand_in() -> AsyncIterator[tuple[FakeTelegram, FakeBotServer]]:
    api = FakeTelegram()
    async with FakeBotServer(api) as server:
        yield api, server


async def test_webhook_checks_the_secret_answers_updates_and_stops_on_sigterm(
        tmp_path: Path, stand_in: tuple[FakeTelegram, FakeBotServer]) -> None:
    api, server = stand_in
    bot = WebhookBot(api, server, tmp_path, WEBHOOK_URL=WEBHOOK_URL, WEBHOOK_SECRET=SECRET)
    try:
        await bot.start()
        await wait_for(bot.healthy, TIMEOUT, "/healthz")

        async def registered_webhook() -> bool:  # /healthz answers while setWebhook is on its way
            return bool(api.calls_to("setWebhook"))
        await wait_for(registered_webhook, TIMEOUT, "setWebhook")
        [registered] = api.calls_to("setWebhook")
        assert registered.params["url"] == WEBHOOK_URL
        assert registered.params["secret_token"] == SECRET
        assert registered.params["allowed_updates"] == ALLOWED_UPDATES

        intruder, member, late = api.user(61, "Eve"), api.user(62, "Pat"), api.user(63, "Lee")
        forged = api.text_update(intruder, "/profile years=9 state=NY")
        assert (await bot.post(forged, secret="wrong-secret")).status_code == 403
        assert (await bot.post(forged, secret=None)).status_code == 403
        assert (await bot.client.get("/telegram")).status_code == 405
        not_json = await bot.client.post("/telegram", content=b"{oops",
                                         headers={SECRET_HEADER: SECRET})
        assert not_json.status_code == 400

        genuine = api.text_update(member, "/profile years=3 state=TX")
        assert (await bot.post(genuine, secret=SECRET)).status_code == 200

        async def answered() -> bool:
            return bool(api.calls_to("sendMessage", member["id"]))

        await wait_for(answered, TIMEOUT, "the reply to the genuine update")
        assert "Texas (TX)" in api.calls_to("sendMessage", member["id"])[-1].text
        assert not api.calls_to("sendMessage", intruder["id"])

        # Accepted just before SIGTERM: still answered before the process exits.
        assert (await bot.post(api.text_update(late, "/help"), secret=SECRET)).status_code == 200
    finally:
        code, stderr = await bot.terminate()
    assert code == 0, stderr
    assert api.calls_to("sendMessage", late["id"])
    assert "Stopping: refusing new requests" in stderr and "Database closed" in stderr
    assert "Traceback" not in stderr
    assert SECRET not in stderr and TEST_TOKEN not in stderr
    assert "years=3" not in stderr  # message texts are never logged
    assert saved_profile(bot.database, member["id"]) == (3, "TX")
    assert saved_profile(bot.database, intruder["id"]) is None
    assert not api.problems


async def test_polling_mode_also_stops_cleanly_on_sigterm(
        tmp_path: Path, stand_in: tuple[FakeTelegram, FakeBotServer]) -> None:
    api, server = stand_in
    bot = WebhookBot(api, server, tmp_path)
    user = api.user(64, "Sam")

    async def answered() -> bool:
        return bot.alive() and bool(api.calls_to("sendMessage", user["id"]))

    try:
        await bot.start()
        api.push(api.text_update(user, "/profile years=5 state=OH"))
        await wait_for(answered, TIMEOUT, "the reply over long polling")
    finally:
        code, stderr = await bot.terminate()
    assert code == 0, stderr
    assert "Database closed" in stderr and "Traceback" not in stderr
    assert saved_profile(bot.database, user["id"]) == (5, "OH")


def test_webhook_without_a_secret_refuses_to_start(tmp_path: Path) -> None:
    result = run_bot_cli(tmp_path, TELEGRAM_BOT_TOKEN=TEST_TOKEN, WEBHOOK_URL=WEBHOOK_URL)
    assert result.returncode == 2
    assert "WEBHOOK_SECRET is required" in result.stderr and "token_urlsafe" in result.stderr
    assert "Traceback" not in result.stderr


def test_webhook_needs_https_and_a_valid_secret(tmp_path: Path) -> None:
    plain = run_bot_cli(tmp_path, TELEGRAM_BOT_TOKEN=TEST_TOKEN,
                        WEBHOOK_URL="http://bot.example.test/telegram", WEBHOOK_SECRET=SECRET)
    assert plain.returncode == 2 and "https://" in plain.stderr
    odd = run_bot_cli(tmp_path, TELEGRAM_BOT_TOKEN=TEST_TOKEN, WEBHOOK_URL=WEBHOOK_URL,
                      WEBHOOK_SECRET="has spaces!")
    assert odd.returncode == 2 and "letters, digits" in odd.stderr


def test_the_webhook_path_comes_from_the_url() -> None:
    assert webhook_path("https://bot.example.test/telegram/") == "/telegram"
    assert webhook_path("https://bot.example.test") == "/"
