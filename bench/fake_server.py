"""The stand-in's own process: the Bot API over HTTP on 127.0.0.1 plus the simulated users.

Run by the orchestrator (`bench.runner`) through multiprocessing, so that it never shares a core
or the GIL with the bot. It talks to the orchestrator over a pipe:

    → ("listening", port)        ← ("bot", pid, spawned_at, database path)
    → ("result", {...})          ← ("stop",)
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from dataclasses import asdict, dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import psutil

from bench.profiling import sample
from bench.scenarios import quiz_burst
from bench.users import Crowd
from bench.workload import Mix, load_workload
from bot.fake_api.core import BOT_USER, FakeTelegram, JsonDict
from bot.fake_api.server import FakeBotServer

FIRST_USER_ID = 100_000
PROBE_USER_ID = 900_000
START_TIMEOUT = 60.0


@dataclass(frozen=True)
class RunConfig:
    users: int = 100
    warmup: float = 3.0
    saturate: float = 10.0
    paced: float = 10.0
    think: float = 1.0
    seed: int = 7
    burst: bool = False
    profile: str | None = None  # where py-spy's samples of the saturated phase go


# The chats of the capacity probe (bench.capacity): users who opened a chat with the bot, so
# that the stand-in answers its sendMessage calls (Telegram refuses users who never did).
PROBE_CHAT_IDS = range(1000, 1032)


class BenchTelegram(FakeTelegram):
    """The stand-in, noting when the bot first asked for updates and counting requests."""

    def __init__(self) -> None:
        super().__init__()
        self.started.update(PROBE_CHAT_IDS)
        self.first_get_me: float | None = None
        self.first_get_updates: float | None = None
        self.requests = 0

    async def handle(self, method: str, params: JsonDict,
                     uploads: frozenset[str] = frozenset()) -> tuple[int, JsonDict]:
        self.requests += 1
        now = time.monotonic()
        if method == "getMe" and self.first_get_me is None:
            self.first_get_me = now
        if method == "getUpdates" and self.first_get_updates is None:
            self.first_get_updates = now
        return await super().handle(method, params, uploads)


def _cpu_waiting_seconds() -> float | None:
    """Seconds some runnable task waited for a CPU since boot (Linux PSI), or None."""
    try:
        with open("/proc/pressure/cpu", encoding="ascii") as pressure:
            some = pressure.readline().split()
        return int(some[-1].split("=")[1]) / 1e6
    except (OSError, IndexError, ValueError):
        return None


def _cpu_seconds(process: psutil.Process) -> float:
    times = process.cpu_times()
    return times.user + times.system


async def _wait_ready(api: BenchTelegram, bot: psutil.Process) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while api.first_get_updates is None:
        if time.monotonic() > deadline or not bot.is_running():
            raise RuntimeError("the bot did not start polling")
        await asyncio.sleep(0.005)


def _peak_rss_mb(pid: int) -> float | None:
    """VmHWM (the peak resident set) from /proc; the current RSS elsewhere."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    try:
        return psutil.Process(pid).memory_info().rss / 2**20
    except psutil.Error:
        return None


async def measure(api: BenchTelegram, config: RunConfig, bot_pid: int, spawned_at: float,
                  database: Path) -> dict[str, Any]:
    """Everything one run measures, once the bot process has been started."""
    bot = psutil.Process(bot_pid)
    await _wait_ready(api, bot)
    rng = random.Random(config.seed)
    crowd = Crowd(api, BOT_USER["username"])
    workload = load_workload()
    variants = workload.variants()
    # The first probe warms what a first use loads (matplotlib for the first chart can take
    # longer than the probe waits); the second, from other users, counts the replies.
    await crowd.probe(variants, PROBE_USER_ID, rng)
    expected = await crowd.probe(variants, PROBE_USER_ID + len(variants), rng)
    answered = [v for v in variants
                if expected[v.key].replies > 0 or not v.step.reply]
    mix = Mix(answered, rng)
    sims = [crowd.make_user(FIRST_USER_ID + i) for i in range(config.users)]
    await crowd.run_phase(sims, mix, expected, config.warmup, 0.0, rng)
    phases = {}
    for name, seconds, think in (("saturated", config.saturate, 0.0),
                                 ("paced", config.paced, config.think)):
        profiler = sample(bot_pid, Path(config.profile), seconds) \
            if config.profile and name == "saturated" else None
        bot_cpu, waiting = _cpu_seconds(bot), _cpu_waiting_seconds()
        result = await crowd.run_phase(sims, mix, expected, seconds, think, rng)
        waited = _cpu_waiting_seconds()
        if profiler is not None:
            await asyncio.to_thread(profiler.wait, 30)
        phases[name] = {**result.as_dict(), "bot_cpu_seconds": _cpu_seconds(bot) - bot_cpu,
                        "cpu_pressure": None if waiting is None or waited is None
                        else (waited - waiting) / result.seconds}
    burst = await quiz_burst(api, crowd, expected, variants, mix, sims, config.think, database,
                             rng) if config.burst else None
    return {
        "startup_to_get_me": api.first_get_me - spawned_at if api.first_get_me else None,
        "startup_to_polling": api.first_get_updates - spawned_at,  # type: ignore[operator]
        "probe": {key: asdict(value) for key, value in expected.items()},
        "phases": phases,
        "peak_rss_mb": _peak_rss_mb(bot_pid),
        "problems": [(call.method, call.error) for call in api.problems][:20],
        "burst": burst,
    }


async def _serve(conn: Connection, config: RunConfig | None) -> None:
    api = BenchTelegram()
    async with FakeBotServer(api) as server:
        conn.send(("listening", server.port))
        loop = asyncio.get_running_loop()
        if config is None:  # the stand-in alone, for the capacity check
            await loop.run_in_executor(None, conn.recv)
            return
        _, bot_pid, spawned_at, database = await loop.run_in_executor(None, conn.recv)
        try:
            result: dict[str, Any] = await measure(api, config, bot_pid, spawned_at,
                                                   Path(database))
        except Exception as error:  # reported to the orchestrator, which shows it
            result = {"error": f"{type(error).__name__}: {error}"}
        conn.send(("result", result))
        await loop.run_in_executor(None, conn.recv)


def serve(conn: Connection, config: RunConfig | None) -> None:
    """The process entry point; without a config it only serves (the capacity check)."""
    # A long poll cut short when the bot stops is not worth a log line.
    logging.getLogger("tornado.access").setLevel(logging.CRITICAL)
    asyncio.run(_serve(conn, config))
