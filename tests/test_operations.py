"""Operating the bot: operator alerts, /metrics and /healthz in webhook mode, JSON logs."""

from __future__ import annotations

import asyncio
import json
import logging
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import aiohttp
import pytest
from prometheus_client.parser import text_string_to_metric_families
from telegram import Update
from tornado.httpserver import HTTPServer
from tornado.testing import bind_unused_port

from bot.logging_setup import JsonFormatter, configure_logging
from bot.webhook import web_application
from handlers import errors
from knowledge.profile import Profile
from tests.harness import BotHarness, last_text
from tests.postgres_cluster import PostgresCluster

OPERATOR, OTHER_OPERATOR = 900, 901


def _break_profiles(bot: BotHarness, monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading a profile fails, with what a user typed in the exception's message."""

    async def broken(user_id: int) -> Profile | None:
        raise RuntimeError("alice typed: my ssn is 123-45-6789")

    monkeypatch.setattr(bot.db.profiles, "get", broken)


def _alerts(bot: BotHarness, operator: int = OPERATOR) -> list[str]:
    return [call.text for call in bot.api.calls_to("sendMessage", operator)]


async def test_operators_get_one_redacted_line_at_most_once_a_minute(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    async with BotHarness(tmp_path, operator_ids=[OPERATOR, OTHER_OPERATOR]) as bot:
        _break_profiles(bot, monkeypatch)
        bot.api.block(OTHER_OPERATOR)  # one operator never started the bot: the other still hears
        for _ in range(3):
            await bot.send("/profile")
        assert len(_alerts(bot)) == 1
        alert = _alerts(bot)[0]
        assert alert.startswith("⚠️ RuntimeError at handlers/") and "while handling update" in alert
        assert "\n" not in alert and "ssn" not in alert and "alice" not in alert
        # A minute later the next failure is reported, with the two held back.
        clock = errors._clock
        monkeypatch.setattr(errors, "_clock", lambda: clock() + errors.ALERT_INTERVAL + 1)
        await bot.send("/profile")
        assert len(_alerts(bot)) == 2
        assert _alerts(bot)[1].endswith("(+2 more since the last alert). Details are in the log.")
        user_replies = [call.text for call in bot.api.calls_to("sendMessage", 501)]
        assert user_replies == [errors.APOLOGY] * 4


async def test_without_operators_nobody_is_alerted(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    async with BotHarness(tmp_path) as bot:
        _break_profiles(bot, monkeypatch)
        calls = await bot.send("/profile")
        assert [call.chat_id for call in calls if call.method == "sendMessage"] == [501]


@asynccontextmanager
async def webhook_endpoints(bot: BotHarness) -> AsyncIterator[str]:
    """The webhook server's routes on 127.0.0.1, around the started Application."""
    sock, port = bind_unused_port()
    server = HTTPServer(web_application(bot.app, "/telegram", "secret"))
    server.add_sockets([sock])
    await bot.app.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        if bot.app.running:
            await bot.app.stop()
        server.stop()
        await server.close_all_connections()


def _samples(exposition: str) -> dict[str, float]:
    return {f"{sample.name}{sample.labels or ''}": sample.value
            for family in text_string_to_metric_families(exposition)
            for sample in family.samples}


async def test_metrics_count_updates_errors_latency_and_retry_after(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    async with BotHarness(tmp_path, rate_limit=True) as bot, webhook_endpoints(bot) as base, \
            aiohttp.ClientSession() as http:
        # Telegram answers the first reply with 429: the rate limiter waits and retries.
        bot.api.fail("sendMessage", 429, "Too Many Requests: retry after 1", retry_after=1)
        for text in ("/help", "/start"):
            await bot.app.update_queue.put(
                Update.de_json(bot.api.text_update(bot.user(), text), bot.app.bot))
        await bot.app.stop()  # returns once the queue is processed
        _break_profiles(bot, monkeypatch)
        await bot.app.start()
        await bot.app.update_queue.put(
            Update.de_json(bot.api.text_update(bot.user(), "/profile"), bot.app.bot))
        await bot.app.stop()
        async with http.get(f"{base}/metrics") as response:
            assert response.status == 200
            assert response.headers["Content-Type"].startswith("text/plain")
            samples = _samples(await response.text())
    assert samples["ehr_coach_updates_total"] == 3
    assert samples["ehr_coach_update_seconds_count"] == 3
    assert samples["ehr_coach_update_seconds_sum"] > 0
    assert samples["ehr_coach_errors_total{'type': 'RuntimeError'}"] == 1
    assert samples["ehr_coach_telegram_retry_after_total"] == 1
    assert samples["ehr_coach_update_queue_depth"] == 0
    assert samples["ehr_coach_updates_in_progress"] == 0


async def test_healthz_checks_the_database(tmp_path: Path) -> None:
    async with BotHarness(tmp_path) as bot, webhook_endpoints(bot) as base, \
            aiohttp.ClientSession() as http:
        async with http.get(f"{base}/healthz") as response:
            assert (response.status, await response.text()) == (200, "ok\n")
        await bot.db.close()
        async with http.get(f"{base}/healthz") as response:
            assert (response.status, await response.text()) == (503, "database not answering\n")
        await bot.app.stop()
        async with http.get(f"{base}/healthz") as response:
            assert (response.status, await response.text()) == (503, "stopping\n")


async def test_healthz_on_postgresql_reports_a_lost_server_and_recovers_when_it_is_back(
        tmp_path: Path, postgres: PostgresCluster) -> None:
    async with BotHarness(tmp_path, database_url=postgres.create_database()) as bot, \
            webhook_endpoints(bot) as base, aiohttp.ClientSession() as http:
        await bot.send("/profile years=3 state=texas")
        async with http.get(f"{base}/healthz") as response:
            assert (response.status, await response.text()) == (200, "ok\n")
        postgres.stop()
        try:
            async with http.get(f"{base}/healthz") as response:
                assert (response.status, await response.text()) == \
                    (503, "database not answering\n")
        finally:
            postgres.start()
        async with http.get(f"{base}/healthz") as response:  # the pool reconnected
            assert (response.status, await response.text()) == (200, "ok\n")
        assert await bot.db.profiles.get(bot.user()["id"]) == Profile(years=3, state="TX")
        assert "Saved" in last_text(await bot.send("/profile years=4"))
        assert await bot.db.profiles.get(bot.user()["id"]) == Profile(years=4, state="TX")


def test_json_log_lines() -> None:
    try:
        raise ValueError("boom")
    except ValueError:
        record = logging.LogRecord("handlers.salary", logging.ERROR, __file__, 1,
                                   "Unhandled %s", ("ValueError",), sys.exc_info())
    entry = json.loads(JsonFormatter().format(record))
    assert entry["level"] == "ERROR" and entry["logger"] == "handlers.salary"
    assert entry["message"] == "Unhandled ValueError"
    assert entry["time"].endswith("+00:00") and "ValueError: boom" in entry["exception"]


def test_log_format_json_is_what_configure_logging_installs() -> None:
    root = logging.getLogger()
    handlers, level, factory = root.handlers[:], root.level, logging.getLogRecordFactory()
    try:
        configure_logging("INFO", ["secret-token"], "json")
        assert isinstance(root.handlers[0].formatter, JsonFormatter)
        record = logging.getLogRecordFactory()("bot", logging.INFO, __file__, 1,
                                                "token secret-token", (), None)
        assert json.loads(root.handlers[0].format(record))["message"] == "token [redacted]"
    finally:
        root.handlers[:], root.level = handlers, level
        logging.setLogRecordFactory(factory)


async def test_health_command_in_webhook_mode_asks_healthz(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.__main__ import main

    async with BotHarness(tmp_path) as bot, webhook_endpoints(bot) as base:
        monkeypatch.chdir(tmp_path)
        monkeypatch.setenv("WEBHOOK_URL", "https://bot.example.test/telegram")
        monkeypatch.setenv("WEBHOOK_LISTEN", "0.0.0.0")
        monkeypatch.setenv("WEBHOOK_PORT", base.rsplit(":", 1)[1])
        # In a thread: the command blocks, and the server runs on this event loop.
        assert await asyncio.to_thread(main, ["health"]) == 0
        await bot.db.close()
        assert await asyncio.to_thread(main, ["health"]) == 1
