"""The stand-in served over HTTP on 127.0.0.1, so that the bot runs exactly as in production."""

from __future__ import annotations

import json
import socket
from typing import Any

from tornado.httpserver import HTTPServer
from tornado.web import Application, RequestHandler

from bot.fake_api.core import FakeTelegram
from bot.fake_api.spec import decode_form


class _MethodHandler(RequestHandler):
    def initialize(self, api: FakeTelegram) -> None:
        self.api = api

    async def post(self, token: str, method: str) -> None:
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

    def __init__(self, api: FakeTelegram, port: int = 0) -> None:
        self.api = api
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
        routes = [(r"/bot([^/]+)/(\w+)", _MethodHandler, {"api": self.api})]
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
