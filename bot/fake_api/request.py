"""Plugs the stand-in into python-telegram-bot in-process, in place of its HTTP client."""

from __future__ import annotations

import json

from telegram.request import BaseRequest, RequestData

from bot.fake_api.core import FakeTelegram
from bot.fake_api.spec import decode_form


class FakeRequest(BaseRequest):
    """A `BaseRequest` whose every call is answered by a `FakeTelegram`."""

    def __init__(self, api: FakeTelegram) -> None:
        self.api = api

    @property
    def read_timeout(self) -> float | None:
        return 1.0

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    async def do_request(self, url: str, method: str, request_data: RequestData | None = None,
                         read_timeout: object = None, write_timeout: object = None,
                         connect_timeout: object = None,
                         pool_timeout: object = None) -> tuple[int, bytes]:
        api_method = url.rsplit("/", 1)[-1]
        # What python-telegram-bot puts on the wire, decoded as Telegram decodes it.
        params = decode_form(api_method, request_data.json_parameters if request_data else {})
        uploads = request_data.multipart_data if request_data and request_data.contains_files \
            else {}
        for name, (filename, content, _mime_type) in uploads.items():
            if isinstance(content, bytes):
                self.api.record_upload(name, content, filename)
        status, body = await self.api.handle(api_method, params, frozenset(uploads))
        return status, json.dumps(body).encode()
