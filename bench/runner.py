"""The orchestrator: for each run and each bot, a fresh stand-in process and a fresh bot process.

The bot is started exactly as in production (`python -m bot`, long polling), only pointed at the
stand-in on 127.0.0.1 with a temporary database; the peers (bench/peers/) the same way.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

from bench.fake_server import RunConfig, serve
from bench.peers.aiogram_env import aiogram_python

ROOT = Path(__file__).resolve().parent.parent
BENCH_TOKEN = "123456789:BENCH-token-for-the-fake-bot-api-00000"


@dataclass(frozen=True)
class Contender:
    """A bot the benchmark runs: how the report names it, the module `python -m` runs, the
    settings it gets on top of the common ones, and the interpreter (None: this one)."""

    name: str
    module: str
    env: dict[str, str] = field(default_factory=dict)
    python: Callable[[], Path] | None = None

    def interpreter(self) -> str:
        return str(self.python()) if self.python is not None else sys.executable


CONTENDERS: dict[str, Contender] = {
    "bot": Contender("full bot", "bot"),
    "bot-httpx": Contender("full bot on httpx", "bot", {"HTTP_CLIENT": "httpx"}),
    # The full bot runs on uvloop (EVENT_LOOP's default); the peers on asyncio's own loop, as
    # their libraries' examples do. This is the full bot on that loop too.
    "bot-asyncio": Contender("full bot on asyncio's loop", "bot", {"EVENT_LOOP": "asyncio"}),
    "ptb-httpx": Contender("PTB echo, httpx", "bench.peers.ptb_echo", {"HTTP_CLIENT": "httpx"}),
    "ptb-aiohttp": Contender("PTB echo, aiohttp", "bench.peers.ptb_echo",
                             {"HTTP_CLIENT": "aiohttp"}),
    "aiogram": Contender("aiogram echo", "bench.peers.aiogram_echo", python=aiogram_python),
}
PEERS = ("ptb-httpx", "ptb-aiohttp", "aiogram")
# Settings a developer's shell may hold that must not leak into a benchmark run.
_CLEARED_PREFIXES = ("TELEGRAM_", "WEBHOOK_", "DATABASE_", "RATE_LIMIT", "OPERATOR_IDS",
                     "EVENT_LOOP")
RESULT_TIMEOUT = 600.0


def bot_environment(port: int, database: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(_CLEARED_PREFIXES)}
    env.update({
        "PYTHONPATH": str(ROOT),
        "TELEGRAM_BOT_TOKEN": BENCH_TOKEN,
        "TELEGRAM_API_BASE_URL": f"http://127.0.0.1:{port}/bot",
        "TELEGRAM_API_FILE_URL": f"http://127.0.0.1:{port}/file/bot",
        "DATABASE_PATH": str(database),
        # AIORateLimiter holds each chat to about one message a second, like Telegram; the
        # benchmark measures the bot's own speed, so the throughput runs switch it off.
        "RATE_LIMIT": "false",
    })
    return env


def _receive(conn: Connection, timeout: float, server: BaseProcess,
             bot: subprocess.Popen[bytes] | None, log: Path | None) -> tuple[Any, ...]:
    deadline = time.monotonic() + timeout
    while not conn.poll(0.2):
        if not server.is_alive():
            raise RuntimeError(f"the stand-in process exited with {server.exitcode}")
        if bot is not None and bot.poll() is not None:
            tail = log.read_text(errors="replace")[-3000:] if log else ""
            raise RuntimeError(f"the bot exited with {bot.returncode}:\n{tail}")
        if time.monotonic() > deadline:
            raise RuntimeError("the stand-in did not answer in time")
    return conn.recv()


@contextmanager
def stand_in(config: RunConfig | None, target: Callable[[Connection, RunConfig | None], None]
             = serve) -> Iterator[tuple[Connection, BaseProcess, int]]:
    """A fresh stand-in process (`target`, bench/fake_server.py's by default), once it listens:
    its pipe, the process and its port; told to stop on the way out (terminated if it does not
    within 10 s)."""
    context = multiprocessing.get_context("spawn")
    conn, child = context.Pipe()
    server = context.Process(target=target, args=(child, config), daemon=True)
    server.start()
    try:
        _, port = _receive(conn, 60, server, None, None)
        yield conn, server, port
    finally:
        conn.send(("stop",))
        server.join(10)
        if server.is_alive():
            server.terminate()


def _stop(bot: subprocess.Popen[bytes]) -> None:
    if bot.poll() is None:
        bot.send_signal(signal.SIGINT)
        try:
            bot.wait(15)
        except subprocess.TimeoutExpired:
            bot.kill()
            bot.wait()


def run_once(kind: str, config: RunConfig, workdir: Path, serial: int) -> dict[str, Any]:
    """One bot against one fresh stand-in; the figures the stand-in measured."""
    log = workdir / f"{kind}-{serial}.log"
    bot: subprocess.Popen[bytes] | None = None
    with stand_in(config) as (conn, server, port):
        try:
            contender = CONTENDERS[kind]
            database = workdir / f"{kind}-{serial}.sqlite3"
            env = {**bot_environment(port, database), **contender.env}
            python = contender.interpreter()
            with log.open("wb") as log_file:
                spawned_at = time.monotonic()
                bot = subprocess.Popen([python, "-m", contender.module],
                                       cwd=workdir, env=env, stdout=log_file,
                                       stderr=subprocess.STDOUT)
            conn.send(("bot", bot.pid, spawned_at, str(database)))
            _, result = _receive(conn, RESULT_TIMEOUT, server, bot, log)
            if "error" in result:
                tail = log.read_text(errors="replace")[-3000:]
                raise RuntimeError(f"{kind}: {result['error']}\n{tail}")
            result["own_startup"] = own_startup(contender, env, workdir)
            return result
        finally:
            if bot is not None:
                _stop(bot)


def own_startup(contender: Contender, env: dict[str, str], workdir: Path) -> dict[str, float]:
    """Import and build time in a fresh interpreter (bench/startup.py)."""
    output = subprocess.run([contender.interpreter(), "-m", "bench.startup", contender.module],
                            cwd=workdir, env=env, capture_output=True, text=True, check=True,
                            timeout=60)
    return json.loads(output.stdout)


def run_all(kinds: list[str], config: RunConfig, runs: int,
            progress: bool = True) -> dict[str, list[dict[str, Any]]]:
    """`runs` rounds; each round runs every bot once, so that noise hits them alike (each round
    starts one bot further down the list, so that no bot always runs first)."""
    results: dict[str, list[dict[str, Any]]] = {kind: [] for kind in kinds}
    for kind in kinds:  # a peer's own environment is made before anything is timed
        CONTENDERS[kind].interpreter()
    with tempfile.TemporaryDirectory(prefix="ehr-bench-") as tmp:
        for serial in range(runs):
            shift = serial % len(kinds)
            for kind in kinds[shift:] + kinds[:shift]:
                if progress:
                    print(f"run {serial + 1}/{runs}: {kind} ...", flush=True)
                kind_config = replace(config, burst=config.burst and kind == "bot")
                results[kind].append(run_once(kind, kind_config, Path(tmp), serial))
    return results


def profiled_run(config: RunConfig, output: Path, progress: bool = True) -> dict[str, Any]:
    """One extra run of the full bot, its saturated phase sampled by py-spy into `output`;
    kept out of the figures, since the sampler takes CPU from the same two cores."""
    if progress:
        print("profiled run: bot ...", flush=True)
    with tempfile.TemporaryDirectory(prefix="ehr-bench-") as tmp:
        return run_once("bot", replace(config, burst=False, profile=str(output)), Path(tmp), 0)
