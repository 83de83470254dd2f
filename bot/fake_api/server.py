"""The stand-in served over HTTP on 127.0.0.1, so that the bot runs exactly as in production."""

from __future__ import annotations

import asyncio
import json
import socket
from typing import Any

from tornado.httpserver import HTTPServer
from tornado.web import Application, RequestHandler

from bot.fake_api.core import FakeTelegram
from bot.fake_api.faults import Faults, reset
from bot.fake_api.spec import decode_form


class _MethodHandler(RequestHandler):
    def initialize(self, api: FakeTelegram, faults: Faults | None = None) -> None:
        self.api = api
        self.faults = faults

    async def _inject(self, kind: str) -> None:
        """Fail this call as `kind` (bot.fake_api.faults) instead of answering it."""
        if kind in ("reset", "timeout"):
            if kind == "timeout":
                await asyncio.sleep(self.faults.hold if self.faults else 0)
            stream = self.detach()
            reset(stream.socket)
            stream.close()
            return
        status, body = self.faults.answer(kind) if self.faults else (500, {})
        self.set_status(status)
        self.set_header("Content-Type", "application/json")
        self.finish(json.dumps(body))

    async def post(self, token: str, method: str) -> None:
        fault = self.faults.decide(method) if self.faults else None
        if fault is not None:
            await self._inject(fault)
            return
        params: dict[str, Any] = {}
        content_type = self.request.headers.get("Content-Type", "")
        if content_type.startswith("application/json") and self.request.body:
            params = json.loads(self.request.body)
        else:
            params = decode_form(method, {name: values[-1].decode() for name, values
                                          in self.request.body_arguments.items()})
            for name, files in self.request.files.items():
                self.api.record_upload(name, files[0]["body"], files[0]["filename"])
        status, body = await self.api.handle(method, params, frozenset(self.request.files))
        self.set_status(status)
        self.set_header("Content-Type", "application/json")
        self.finish(json.dumps(body))

    get = post


class FakeBotServer:
    """`async with FakeBotServer(api) as server:` then point the bot at `server.base_url`."""

    def __init__(self, api: FakeTelegram, port: int = 0, faults: Faults | None = None) -> None:
        self.api = api
        self.faults = faults
        self._port = port
        self._server: HTTPServer | None = None
        self.port = 0

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def file_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/file/bot"

    async def start(self) -> None:
        routes = [(r"/bot([^/]+)/(\w+)", _MethodHandler, {"api": self.api, "faults": self.faults})]
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", self._port))
        sock.listen(1024)
        sock.setblocking(False)
        self.port = sock.getsockname()[1]
        self._server = HTTPServer(Application(routes), idle_connection_timeout=120,
                                  max_body_size=50 * 1024 * 1024)
        self._server.add_sockets([sock])

    async def stop(self) -> None:
        if self._server is not None:
            self._server.stop()
            await self._server.close_all_connections()
            self._server = None

    async def __aenter__(self) -> FakeBotServer:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()
