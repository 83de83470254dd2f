"""python-telegram-bot's HTTP layer on aiohttp instead of httpx.

The benchmark (bench/) showed httpx spending 3–6 ms of CPU per Bot API call on this kind of
machine, most of it in its connection pool, against about 0.6 ms for aiohttp; every reply the
bot sends is such a call. PTB lets any `BaseRequest` do the HTTP, so this one uses aiohttp.
"""

from __future__ import annotations

import json
import urllib.request
from urllib.parse import urlsplit

import aiohttp
from telegram._utils.defaultvalue import DefaultValue
from telegram._utils.types import ODVInput
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

# The same defaults as PTB's HTTPXRequest.
READ_TIMEOUT = 5.0
WRITE_TIMEOUT = 5.0
CONNECT_TIMEOUT = 5.0
POOL_TIMEOUT = 1.0
MEDIA_WRITE_TIMEOUT = 20.0
JSON_CONTENT_TYPE = "application/json"


def _given(value: ODVInput[float], default: float | None) -> float | None:
    return default if isinstance(value, DefaultValue) else value


def _sum(*parts: float | None) -> float | None:
    """A total timeout, or None (no limit) when any part is unlimited."""
    return None if any(part is None for part in parts) else sum(parts)  # type: ignore[arg-type]


def _environment_proxy(url: str) -> str | None:
    """The proxy the environment (HTTPS_PROXY, NO_PROXY...) names for `url`, as httpx reads it."""
    parts = urlsplit(url)
    if parts.hostname and urllib.request.proxy_bypass_environment(parts.hostname):
        return None
    return urllib.request.getproxies_environment().get(parts.scheme)


class AiohttpRequest(BaseRequest):
    """A `BaseRequest` over one `aiohttp.ClientSession` with at most `connection_pool_size`
    connections. Proxies come from the environment, looked up once per host: aiohttp's own
    `trust_env` reads the environment and ~/.netrc again in a thread for every request."""

    def __init__(self, connection_pool_size: int = 256,
                 read_timeout: float | None = READ_TIMEOUT) -> None:
        self._pool_size = connection_pool_size
        self._read_timeout = read_timeout
        self._session: aiohttp.ClientSession | None = None
        self._proxies: dict[str, str | None] = {}

    def _proxy(self, url: str) -> str | None:
        origin = url.split("/", 3)[2] if url.count("/") >= 3 else url
        if origin not in self._proxies:
            self._proxies[origin] = _environment_proxy(url)
        return self._proxies[origin]

    @property
    def read_timeout(self) -> float | None:
        return self._read_timeout

    async def initialize(self) -> None:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=self._pool_size))

    async def shutdown(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()

    def _payload(self, request_data: RequestData | None
                 ) -> tuple[bytes | aiohttp.FormData | None, dict[str, str]]:
        """The body and its headers: plain parameters as one JSON document (the Bot API takes
        JSON for every call without files; one `json.dumps` costs a fraction of url-encoding
        each value's JSON), files as multipart (aiohttp sets its type)."""
        headers = {"User-Agent": self.USER_AGENT}
        if request_data is None:
            return None, headers
        if not request_data.contains_files:
            return (json.dumps(request_data.parameters).encode(),
                    {**headers, "Content-Type": JSON_CONTENT_TYPE})
        form = aiohttp.FormData()
        for name, value in request_data.json_parameters.items():
            form.add_field(name, value)
        for name, (filename, content, mimetype) in request_data.multipart_data.items():
            form.add_field(name, content, filename=filename, content_type=mimetype)
        return form, headers

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        write_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        connect_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        pool_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        if self._session is None or self._session.closed:
            raise RuntimeError("This AiohttpRequest is not initialized!")
        has_files = request_data is not None and request_data.contains_files
        read = _given(read_timeout, self._read_timeout)
        # aiohttp has no separate write timeout: sending the body counts towards the read one.
        write = _given(write_timeout, MEDIA_WRITE_TIMEOUT if has_files else WRITE_TIMEOUT)
        connect = _given(connect_timeout, CONNECT_TIMEOUT)
        timeout = aiohttp.ClientTimeout(
            total=None,
            connect=_sum(_given(pool_timeout, POOL_TIMEOUT), connect),
            sock_connect=connect,
            sock_read=_sum(read, write),
        )
        body, headers = self._payload(request_data)
        try:
            async with self._session.request(
                method, url, data=body, timeout=timeout, headers=headers, proxy=self._proxy(url),
            ) as response:
                return response.status, await response.read()
        except TimeoutError as error:
            raise TimedOut from error
        except aiohttp.ClientError as error:
            raise NetworkError(f"aiohttp.{type(error).__name__}: {error}") from error
