"""Is the stand-in fast enough? Its request rate alone, with a client that needs no bot.

A bare asyncio client in this process (httpx itself costs more CPU per request than the
stand-in does) keeps CONNECTIONS requests in flight against the stand-in process for a few
seconds (sendMessage, form-encoded like python-telegram-bot's), and the stand-in's
CPU time is read meanwhile: the rate it served and the share of a core it used give its
capacity, to compare with the rates it served during the bot runs.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any
from urllib.parse import urlencode

import psutil

from bench.fake_server import PROBE_CHAT_IDS
from bench.runner import BENCH_TOKEN, stand_in

CONNECTIONS = len(PROBE_CHAT_IDS)


async def _client(port: int, path: str, until: float, chat_id: int) -> int:
    """One keep-alive connection posting sendMessage in a loop; the number answered."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    body = urlencode({"chat_id": chat_id, "text": "ping"}).encode()
    request = (f"POST {path}/sendMessage HTTP/1.1\r\nHost: 127.0.0.1\r\n"
               "Content-Type: application/x-www-form-urlencoded\r\n"
               f"Content-Length: {len(body)}\r\n\r\n").encode() + body
    done = 0
    try:
        while time.monotonic() < until:
            writer.write(request)
            head = await reader.readuntil(b"\r\n\r\n")
            if not head.startswith(b"HTTP/1.1 200"):
                raise RuntimeError(head.split(b"\r\n", 1)[0].decode())
            length = next(int(line.split(b":", 1)[1]) for line in head.split(b"\r\n")
                          if line.lower().startswith(b"content-length:"))
            await reader.readexactly(length)
            done += 1
    finally:
        writer.close()
    return done


async def _hammer(port: int, path: str, seconds: float) -> int:
    until = time.monotonic() + seconds
    counts = await asyncio.gather(*(_client(port, path, until, chat_id)
                                    for chat_id in PROBE_CHAT_IDS))
    return sum(counts)


def measure_capacity(seconds: float = 3.0) -> dict[str, Any]:
    with stand_in(None) as (_, server, port):
        process = psutil.Process(server.pid)
        cpu_before = sum(process.cpu_times()[:2])
        started = time.monotonic()
        requests = asyncio.run(_hammer(port, f"/bot{BENCH_TOKEN}", seconds))
        elapsed = time.monotonic() - started
        cpu_share = (sum(process.cpu_times()[:2]) - cpu_before) / elapsed
        return {"requests_per_second": requests / elapsed, "cpu_share": cpu_share,
                "connections": CONNECTIONS}
