"""The aiohttp HTTP layer against the stand-in over HTTP: text, uploads, errors."""

from __future__ import annotations

import socket

import pytest
from telegram import Bot
from telegram.error import NetworkError

from bot.aiohttp_request import AiohttpRequest
from bot.fake_api import FakeTelegram
from bot.fake_api.server import FakeBotServer
from tests.harness import TEST_TOKEN


async def test_sends_parameters_and_reads_the_result() -> None:
    api = FakeTelegram()
    api.start(42)
    async with FakeBotServer(api) as server:
        bot = Bot(TEST_TOKEN, base_url=server.base_url, request=AiohttpRequest())
        async with bot:
            message = await bot.send_message(42, "<b>Hi</b> &amp; welcome", parse_mode="HTML")
    call = api.calls_to("sendMessage")[-1]
    assert call.params["text"] == "<b>Hi</b> &amp; welcome" and call.params["chat_id"] == 42
    assert message.text == "<b>Hi</b> &amp; welcome" and message.chat.id == 42


async def test_uploads_a_file_as_multipart() -> None:
    api = FakeTelegram()
    api.start(42)
    picture = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
    async with FakeBotServer(api) as server:
        bot = Bot(TEST_TOKEN, base_url=server.base_url, request=AiohttpRequest())
        async with bot:
            await bot.send_photo(42, picture, caption="A chart")
    call = api.calls_to("sendPhoto")[-1]
    assert call.params["caption"] == "A chart"
    assert picture in api.uploads.values()


async def test_an_unreachable_server_is_a_network_error() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    request = AiohttpRequest()
    await request.initialize()
    try:
        with pytest.raises(NetworkError):
            await request.post(f"http://127.0.0.1:{port}/bot{TEST_TOKEN}/getMe")
    finally:
        await request.shutdown()


def test_the_proxy_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.internal:3128")
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    request = AiohttpRequest()
    assert request._proxy("https://api.telegram.org/botX/getMe") == "http://proxy.internal:3128"
    assert request._proxy("http://127.0.0.1:8081/botX/getMe") is None
