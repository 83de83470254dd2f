"""`python -m bench.replicas`: the bot on SQLite against one and two replicas on PostgreSQL.

Three set-ups on the same workload (bench/workload.yaml), each against a fresh stand-in process
and all in webhook mode, the mode replicas need:

- **SQLite**: one `python -m bot` on a SQLite file (the zero-setup default);
- **PostgreSQL, one replica**: the same process with `DATABASE_URL` on a fresh database;
- **PostgreSQL, two replicas**: two such processes on one database.

Delivery: the stand-in process (bench/fake_server.py, which also serves the Bot API the bot
calls) POSTs each update the simulated users send to the replicas' webhook endpoints in turn
(round-robin, as the reverse proxy of deploy/compose.yaml does), over keep-alive connections, at
most 40 at once per replica (Telegram's default `max_connections`); a user's next update may go
to the other replica. PostgreSQL is a throwaway server started like the tests'
(tests.postgres_cluster) with its default durability (fsync and synchronous commits on, as in
production); SQLite runs as the bot sets it up (WAL, synchronous=NORMAL). Reported: updates per
second saturated, latency p50 / p99 paced, and CPU per update saturated, of the bot processes and
of the PostgreSQL server (all its processes). Without PostgreSQL's binaries it says so and stops.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import AsyncIterator, Iterator
from contextlib import ExitStack, asynccontextmanager, contextmanager, suppress
from dataclasses import asdict, dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import aiohttp
import psutil

from bench.fake_server import (
    BenchTelegram,
    RunConfig,
    cpu_seconds,
    measure_phases,
    prepare,
    quiet_access_log,
    serve_with,
    wait_ready,
)
from bench.runner import RESULT_TIMEOUT, _receive, _stop, bot_environment, stand_in
from bench.stats import median, percentile
from bot.webhook import SECRET_HEADER, webhook_path
from tests.postgres_cluster import (
    PostgresCluster,
    PostgresUnavailable,
    free_port,
    server_binaries,
)

WEBHOOK_URL = "https://bot.example.test/telegram"
WEBHOOK_SECRET = "bench-webhook-secret-0123456789"
CONNECTIONS_PER_REPLICA = 40  # Telegram's default max_connections for a webhook


@dataclass(frozen=True)
class Setup:
    """One row: how the report names it, how many replicas, on which engine."""

    key: str
    name: str
    replicas: int
    postgres: bool


SETUPS = (
    Setup("sqlite", "SQLite, one process", 1, postgres=False),
    Setup("pg-1", "PostgreSQL, one replica", 1, postgres=True),
    Setup("pg-2", "PostgreSQL, two replicas", 2, postgres=True),
)


# ----- the stand-in's side (its own process) ----------------------------------------------------


class WebhookTelegram(BenchTelegram):
    """The stand-in delivering updates by webhook: each pushed update is POSTed to the next
    replica in turn, as soon as it is pushed. Ready once every replica has called setWebhook."""

    def __init__(self) -> None:
        super().__init__()
        self.replicas = 0
        self.delivered: Counter[str] = Counter()
        self.failed: Counter[str] = Counter()
        self._targets: Iterator[str] = iter(())
        self._session: aiohttp.ClientSession | None = None
        self._posting: set[asyncio.Task[None]] = set()

    def ready(self) -> bool:
        return self.replicas > 0 and len(self.calls_to("setWebhook")) >= self.replicas

    @asynccontextmanager
    async def delivering(self, urls: list[str]) -> AsyncIterator[None]:
        """POST pushed updates to `urls`, round-robin, until the block ends."""
        connector = aiohttp.TCPConnector(limit=0, limit_per_host=CONNECTIONS_PER_REPLICA)
        async with aiohttp.ClientSession(connector=connector) as session:
            self._session, self._targets = session, itertools.cycle(urls)
            try:
                yield
            finally:
                await asyncio.gather(*self._posting, return_exceptions=True)
                self._session = None

    def push(self, update: dict[str, Any]) -> None:
        if self._session is None:
            raise RuntimeError("an update pushed outside `delivering`")
        task = asyncio.get_running_loop().create_task(self._post(next(self._targets), update))
        self._posting.add(task)
        task.add_done_callback(self._posting.discard)

    async def _post(self, url: str, update: dict[str, Any]) -> None:
        assert self._session is not None
        headers = {"Content-Type": "application/json", SECRET_HEADER: WEBHOOK_SECRET}
        try:
            async with self._session.post(url, data=json.dumps(update),
                                          headers=headers) as response:
                await response.read()
                if response.status == 200:
                    self.delivered[url] += 1
                else:
                    self.failed[f"HTTP {response.status}"] += 1
        except aiohttp.ClientError as error:
            self.failed[type(error).__name__] += 1


def database_server_cpu(pid: int) -> float:
    """CPU seconds of a PostgreSQL server: the postmaster, its live children (backends, WAL
    writer, checkpointer...) and the children it has reaped."""
    main = psutil.Process(pid)
    times = main.cpu_times()
    total = times.user + times.system + times.children_user + times.children_system
    for child in main.children():
        with suppress(psutil.Error):
            child_times = child.cpu_times()
            total += child_times.user + child_times.system
    return total


async def measure_replicas(api: WebhookTelegram, config: RunConfig, pids: list[int],
                           urls: list[str], database_pid: int | None) -> dict[str, Any]:
    """What one run of a set-up measures, once its replicas have been started."""
    bots = [psutil.Process(pid) for pid in pids]
    api.replicas = len(bots)
    await wait_ready(api, bots)
    cpu = {"bot": lambda: sum(cpu_seconds(bot) for bot in bots)}
    if database_pid is not None:
        server = database_pid
        cpu["database"] = lambda: database_server_cpu(server)
    async with api.delivering(urls):
        session = await prepare(api, config)
        phases = await measure_phases(session, config, cpu)
    return {
        "probe": {key: asdict(value) for key, value in session.expected.items()},
        "phases": phases,
        "delivered": dict(api.delivered),
        "delivery_failures": dict(api.failed),
        "problems": [(call.method, call.error) for call in api.problems][:20],
    }


def serve_webhooks(conn: Connection, config: RunConfig | None) -> None:
    """The stand-in process's entry point for these runs."""
    quiet_access_log()
    asyncio.run(serve_with(conn, config, WebhookTelegram, measure_replicas))


# ----- the orchestrator -------------------------------------------------------------------------


def _replica(port: int, folder: Path, index: int, database_url: str | None,
             hook_port: int) -> tuple[subprocess.Popen[bytes], Path]:
    """`python -m bot` in webhook mode on 127.0.0.1:`hook_port`, in a folder of its own."""
    folder.mkdir(parents=True)
    env = {**bot_environment(port, folder / "bot.sqlite3"),
           "WEBHOOK_URL": WEBHOOK_URL, "WEBHOOK_SECRET": WEBHOOK_SECRET,
           "WEBHOOK_LISTEN": "127.0.0.1", "WEBHOOK_PORT": str(hook_port),
           "REPLICA_NAME": f"replica-{index + 1}"}
    if database_url:
        env["DATABASE_URL"] = database_url
    log = folder / "bot.log"
    with log.open("wb") as log_file:
        process = subprocess.Popen([sys.executable, "-m", "bot"], cwd=folder, env=env,
                                   stdout=log_file, stderr=subprocess.STDOUT)
    return process, log


def run_once(setup: Setup, config: RunConfig, workdir: Path, serial: int,
             cluster: PostgresCluster | None) -> dict[str, Any]:
    """One set-up against one fresh stand-in (and a fresh database); what it measured."""
    url = cluster.create_database() if setup.postgres and cluster is not None else None
    if setup.postgres and url is None:
        raise ValueError(f"{setup.key} needs a PostgreSQL server")
    with stand_in(config, serve_webhooks) as (conn, server, port):
        bots: list[tuple[subprocess.Popen[bytes], Path]] = []
        try:
            hook_ports = [free_port() for _ in range(setup.replicas)]
            for index, hook_port in enumerate(hook_ports):
                folder = workdir / f"{setup.key}-{serial}" / f"replica-{index + 1}"
                bots.append(_replica(port, folder, index, url, hook_port))
            conn.send(("replicas", [bot.pid for bot, _ in bots],
                       [f"http://127.0.0.1:{hook_port}{webhook_path(WEBHOOK_URL)}"
                        for hook_port in hook_ports],
                       cluster.server_pid() if url and cluster else None))
            first, first_log = bots[0]
            _, result = _receive(conn, RESULT_TIMEOUT, server, first, first_log)
            gone = [log for bot, log in bots if bot.poll() is not None]
            if "error" in result or gone:
                tails = "\n".join(log.read_text(errors="replace")[-2000:]
                                  for _, log in bots)
                raise RuntimeError(f"{setup.key}: {result.get('error', 'a replica exited')}"
                                   f"\n{tails}")
            return result
        finally:
            for bot, _ in bots:
                _stop(bot)


@contextmanager
def durable_server() -> Iterator[PostgresCluster]:
    """A throwaway PostgreSQL server with production's durability, for the run."""
    cluster = PostgresCluster.create(durable=True)
    try:
        yield cluster
    finally:
        cluster.destroy()


def run(config: RunConfig, runs: int, cluster: PostgresCluster | None = None,
        progress: bool = True) -> dict[str, list[dict[str, Any]]]:
    """`runs` rounds of every set-up (each round starting one set-up further down the list);
    on `cluster`, or on a throwaway durable server of its own."""
    results: dict[str, list[dict[str, Any]]] = {setup.key: [] for setup in SETUPS}
    with ExitStack() as stack, tempfile.TemporaryDirectory(prefix="ehr-bench-pg-") as tmp:
        server = cluster or stack.enter_context(durable_server())
        for serial in range(runs):
            shift = serial % len(SETUPS)
            for setup in SETUPS[shift:] + SETUPS[:shift]:
                if progress:
                    print(f"run {serial + 1}/{runs}: {setup.name} ...", flush=True)
                results[setup.key].append(run_once(setup, config, Path(tmp), serial, server))
    return results


# ----- the table --------------------------------------------------------------------------------


def run_figures(result: dict[str, Any]) -> dict[str, float | None]:
    """One run's figures: rate saturated, p50 / p99 paced (ms), CPU per update saturated (ms)."""
    saturated, paced = result["phases"]["saturated"], result["phases"]["paced"]
    updates = max(1, saturated["updates"])
    latencies = [value for values in paced["latencies"].values() for value in values]
    p50, p99 = percentile(latencies, 0.50), percentile(latencies, 0.99)
    database = saturated.get("database_cpu_seconds")
    return {
        "rate": saturated["updates"] / saturated["seconds"],
        "p50": None if p50 is None else p50 * 1000,
        "p99": None if p99 is None else p99 * 1000,
        "bot_cpu_ms": 1000 * saturated["bot_cpu_seconds"] / updates,
        "database_cpu_ms": None if database is None else 1000 * database / updates,
        "bot_cores": saturated["bot_cpu_seconds"] / saturated["seconds"],
        "database_cores": None if database is None else database / saturated["seconds"],
        "standin_cores": saturated["cpu_seconds"] / saturated["seconds"],
        "unanswered": float(sum(saturated["missed"].values()) + sum(paced["missed"].values())),
        "pressure": saturated.get("cpu_pressure"),
    }


def row_figures(runs: list[dict[str, Any]]) -> dict[str, float | None]:
    """A set-up's figures, each the median over its runs."""
    per_run = [run_figures(result) for result in runs]
    return {key: median(figures[key] for figures in per_run) for key in per_run[0]}


def _fmt(value: float | None, digits: int = 0, unit: str = "") -> str:
    return "—" if value is None else f"{value:,.{digits}f}{unit}"


def table(results: dict[str, list[dict[str, Any]]], config: RunConfig) -> list[str]:
    lines = [f"| set-up (webhook mode) | updates/s, saturated | p50 / p99, {config.users} users "
             f"pausing ~{config.think:g} s | CPU per update: bot + PostgreSQL server = total | "
             "cores busy, saturated: bots + PostgreSQL + stand-in | unanswered |",
             "|---|---:|---:|---:|---:|---:|"]
    for setup in SETUPS:
        if not results.get(setup.key):
            continue
        f = row_figures(results[setup.key])
        bot, database = f["bot_cpu_ms"], f["database_cpu_ms"]
        total = None if bot is None else bot + (database or 0.0)
        cpu = (f"{_fmt(bot, 2)} + {_fmt(database, 2)} = {_fmt(total, 2)} ms"
               if setup.postgres else f"{_fmt(bot, 2)} ms")
        cores = " + ".join(_fmt(f[key], 2) for key in ("bot_cores", "database_cores",
                                                      "standin_cores"))
        lines.append(f"| {setup.name} | {_fmt(f['rate'])} | "
                     f"{_fmt(f['p50'], 1)} / {_fmt(f['p99'], 1)} ms | {cpu} | {cores} | "
                     f"{_fmt(f['unanswered'])} |")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.replicas", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--users", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=10.0,
                        help="length of the saturated and of the paced phase")
    parser.add_argument("--warmup", type=float, default=3.0)
    parser.add_argument("--think", type=float, default=1.0,
                        help="mean pause (s) between a reply and the next message, paced phase")
    parser.add_argument("--raw", type=Path, default=None, help="write the raw figures (JSON)")
    args = parser.parse_args(argv)
    try:
        server_binaries()
    except PostgresUnavailable as error:
        print(f"bench.replicas skipped: {error}")
        return 0
    config = RunConfig(users=args.users, warmup=args.warmup, saturate=args.seconds,
                       paced=args.seconds, think=args.think)
    started = time.monotonic()
    results = run(config, args.runs)
    if args.raw is not None:
        args.raw.write_text(json.dumps(results), encoding="utf-8")
    print("\n".join(table(results, config)))
    pressure = median(run_figures(result)["pressure"]
                      for runs in results.values() for result in runs)
    print(f"{args.runs} round(s), medians; {time.monotonic() - started:.0f} s in all; "
          f"some task waited for a CPU {_fmt(None if pressure is None else 100 * pressure)} % "
          "of the saturated phases (Linux PSI)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

