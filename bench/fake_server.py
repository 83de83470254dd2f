"""The stand-in's own process: the Bot API over HTTP on 127.0.0.1 plus the simulated users.

Run by the orchestrator (`bench.runner`) through multiprocessing, so that it never shares a core
or the GIL with the bot. It talks to the orchestrator over a pipe:

    → ("listening", port)        ← ("bot", pid, spawned_at, database path)
    → ("result", {...})          ← ("stop",)

(bench.replicas' stand-in, in webhook mode, is told ("replicas", pids, webhook URLs, the
PostgreSQL server's pid or None) instead.)
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import psutil

from bench.profiling import sample
from bench.scenarios import quiz_burst
from bench.users import Crowd, Expectation, SimUser
from bench.workload import Mix, Variant, load_workload
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

    def ready(self) -> bool:
        """Whether the bot takes updates: it has asked for them (long polling)."""
        return self.first_get_updates is not None


def _cpu_waiting_seconds() -> float | None:
    """Seconds some runnable task waited for a CPU since boot (Linux PSI), or None."""
    try:
        with open("/proc/pressure/cpu", encoding="ascii") as pressure:
            some = pressure.readline().split()
        return int(some[-1].split("=")[1]) / 1e6
    except (OSError, IndexError, ValueError):
        return None


def cpu_seconds(process: psutil.Process) -> float:
    times = process.cpu_times()
    return times.user + times.system


async def wait_ready(api: BenchTelegram, bots: list[psutil.Process]) -> None:
    """Until the bot(s) are ready for updates (`api.ready()`); an error if one exits first."""
    deadline = time.monotonic() + START_TIMEOUT
    while not api.ready():
        if time.monotonic() > deadline or not all(bot.is_running() for bot in bots):
            raise RuntimeError("the bot did not start taking updates")
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


@dataclass
class Session:
    """The simulated users, warmed up: what the measured phases and the burst go on with."""

    crowd: Crowd
    rng: random.Random
    variants: list[Variant]
    expected: dict[str, Expectation]
    mix: Mix
    sims: list[SimUser]


async def prepare(api: BenchTelegram, config: RunConfig) -> Session:
    """Probe every variant of the workload, then warm up with the users of the run."""
    rng = random.Random(config.seed)
    crowd = Crowd(api, BOT_USER["username"])
    variants = load_workload().variants()
    # The first probe warms what a first use loads (matplotlib for the first chart can take
    # longer than the probe waits; the first question waits for the free-text engine, built in
    # the background from start-up on); the second, from other users, counts the replies.
    await crowd.probe(variants, PROBE_USER_ID, rng, warm=True)
    expected = await crowd.probe(variants, PROBE_USER_ID + len(variants), rng)
    answered = [v for v in variants
                if expected[v.key].replies > 0 or not v.step.reply]
    mix = Mix(answered, rng)
    sims = [crowd.make_user(FIRST_USER_ID + i) for i in range(config.users)]
    await crowd.run_phase(sims, mix, expected, config.warmup, 0.0, rng)
    return Session(crowd, rng, variants, expected, mix, sims)


async def measure_phases(session: Session, config: RunConfig,
                         cpu: dict[str, Callable[[], float]],
                         profile_pid: int | None = None) -> dict[str, Any]:
    """The saturated and the paced phase; `cpu` names the CPU-seconds counters read around
    each (e.g. "bot": the bot process's), recorded as `<name>_cpu_seconds`."""
    phases = {}
    for name, seconds, think in (("saturated", config.saturate, 0.0),
                                 ("paced", config.paced, config.think)):
        profiler = sample(profile_pid, Path(config.profile), seconds) \
            if config.profile and profile_pid and name == "saturated" else None
        before, waiting = {key: read() for key, read in cpu.items()}, _cpu_waiting_seconds()
        result = await session.crowd.run_phase(session.sims, session.mix, session.expected,
                                               seconds, think, session.rng)
        waited = _cpu_waiting_seconds()
        if profiler is not None:
            await asyncio.to_thread(profiler.wait, 30)
        phases[name] = {**result.as_dict(),
                        **{f"{key}_cpu_seconds": read() - before[key] for key, read in cpu.items()},
                        "cpu_pressure": None if waiting is None or waited is None
                        else (waited - waiting) / result.seconds}
    return phases


async def measure(api: BenchTelegram, config: RunConfig, bot_pid: int, spawned_at: float,
                  database: str) -> dict[str, Any]:
    """Everything one run measures, once the bot process has been started."""
    bot = psutil.Process(bot_pid)
    await wait_ready(api, [bot])
    session = await prepare(api, config)
    phases = await measure_phases(session, config, {"bot": lambda: cpu_seconds(bot)}, bot_pid)
    burst = await quiz_burst(api, session.crowd, session.expected, session.variants,
                             session.mix, session.sims, config.think, Path(database),
                             session.rng) if config.burst else None
    return {
        "startup_to_get_me": api.first_get_me - spawned_at if api.first_get_me else None,
        "startup_to_polling": api.first_get_updates - spawned_at,  # type: ignore[operator]
        "probe": {key: asdict(value) for key, value in session.expected.items()},
        "phases": phases,
        "peak_rss_mb": _peak_rss_mb(bot_pid),
        "problems": [(call.method, call.error) for call in api.problems][:20],
        "burst": burst,
    }


Measure = Callable[..., Awaitable[dict[str, Any]]]


async def serve_with(conn: Connection, config: RunConfig | None,
                     make_api: Callable[[], BenchTelegram], run: Measure) -> None:
    """Serve the Bot API; once the orchestrator names the bot(s) (`(kind, *details)`), run
    `run(api, config, *details)` and send back what it measured."""
    api = make_api()
    async with FakeBotServer(api) as server:
        conn.send(("listening", server.port))
        loop = asyncio.get_running_loop()
        if config is None:  # the stand-in alone, for the capacity check
            await loop.run_in_executor(None, conn.recv)
            return
        _, *details = await loop.run_in_executor(None, conn.recv)
        try:
            result: dict[str, Any] = await run(api, config, *details)
        except Exception as error:  # reported to the orchestrator, which shows it
            result = {"error": f"{type(error).__name__}: {error}"}
        conn.send(("result", result))
        await loop.run_in_executor(None, conn.recv)


def quiet_access_log() -> None:
    """A long poll cut short when the bot stops is not worth a log line."""
    logging.getLogger("tornado.access").setLevel(logging.CRITICAL)


def serve(conn: Connection, config: RunConfig | None) -> None:
    """The process entry point; without a config it only serves (the capacity check)."""
    quiet_access_log()
    asyncio.run(serve_with(conn, config, BenchTelegram, measure))
