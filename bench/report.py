"""The results as markdown: the headline table, per-step latencies, the checks, the machine."""

from __future__ import annotations

import os
import platform
import subprocess
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psutil
import telegram

from bench.fake_server import RunConfig
from bench.stats import median, percentile

Run = dict[str, Any]
Summary = dict[str, float | None]

GOALS = {"ratio": 0.8, "p99_ms": 50.0, "startup_s": 1.5, "rss_mb": 150.0}
_PERCENTILES = (("p50", 0.50), ("p95", 0.95), ("p99", 0.99))


def _latencies(run: Run, phase: str) -> list[float]:
    return [value for values in run["phases"][phase]["latencies"].values() for value in values]


def summarize(run: Run) -> Summary:
    """The headline figures of one run (latencies in ms)."""
    summary: Summary = {}
    for phase in ("saturated", "paced"):
        data = run["phases"][phase]
        summary[f"{phase}_rate"] = data["updates"] / data["seconds"]
        samples = _latencies(run, phase)
        for label, share in _PERCENTILES:
            value = percentile(samples, share)
            summary[f"{phase}_{label}"] = value * 1000 if value is not None else None
        summary[f"{phase}_standin_cpu"] = data["cpu_seconds"] / data["seconds"]
        summary[f"{phase}_bot_cpu"] = data["bot_cpu_seconds"] / data["seconds"]
        summary[f"{phase}_requests"] = data["requests"] / data["seconds"]
        summary[f"{phase}_missed"] = float(sum(data["missed"].values()))
        summary[f"{phase}_cpu_ms"] = 1000 * data["bot_cpu_seconds"] / max(1, data["updates"])
        summary[f"{phase}_pressure"] = data.get("cpu_pressure")
    summary["startup"] = run["startup_to_polling"]
    summary["import"] = run["own_startup"]["import"]
    summary["build"] = run["own_startup"]["build"]
    summary["rss"] = run["peak_rss_mb"]
    return summary


def median_summary(runs: list[Run]) -> Summary:
    summaries = [summarize(run) for run in runs]
    return {key: median(s[key] for s in summaries) for key in summaries[0]}


def _fmt(value: float | None, digits: int = 0, unit: str = "") -> str:
    return "—" if value is None else f"{value:,.{digits}f}{unit}"


def _verdict(ok: bool | None) -> str:
    return "" if ok is None else (" ✅" if ok else " ❌")


def _ms3(s: Summary, phase: str) -> str:
    return " / ".join(_fmt(s[f"{phase}_{label}"], 1) for label, _ in _PERCENTILES) + " ms"


def _ratio(bot: Summary | None, echo: Summary | None, key: str) -> float | None:
    if bot is None or echo is None or bot.get(key) is None or not echo.get(key):
        return None
    return bot[key] / echo[key]  # type: ignore[operator]


def _goal(bot: Summary | None, key: str, test: Callable[[float], bool], text: str) -> str:
    value = None if bot is None else bot.get(key)
    return text + _verdict(None if value is None else test(value))


def _rows(config: RunConfig) -> list[tuple[str, Callable[[Summary], str], str]]:
    """(label, how a summary shows it, the summary key its ratio and goal use)."""
    return [
        ("updates per second, saturated (a user sends again as soon as answered)",
         lambda s: _fmt(s["saturated_rate"]), "saturated_rate"),
        (f"latency p50 / p95 / p99, {config.users} users pausing ~{config.think:g} s",
         lambda s: _ms3(s, "paced"), "paced_p99"),
        (f"latency p50 / p95 / p99, {config.users} users saturated (≈ users ÷ rate)",
         lambda s: _ms3(s, "saturated"), "saturated_p99"),
        ("bot CPU time per update, saturated",
         lambda s: _fmt(s["saturated_cpu_ms"], 2, " ms"), "saturated_cpu_ms"),
        ("start-up: process start → first getUpdates",
         lambda s: _fmt(s["startup"], 2, " s"), "startup"),
        ("… imports + building the Application (fresh interpreter)",
         lambda s: f"{_fmt(s['import'], 2)} + {_fmt(s['build'], 2)} s", ""),
        ("peak RSS of the bot process (VmHWM)",
         lambda s: _fmt(s["rss"], 0, " MB"), "rss"),
    ]


def _goals(bot: Summary | None, echo: Summary | None) -> dict[str, str]:
    """The goal of each figure, with ✅/❌ for the full bot where it can be judged."""
    throughput = _ratio(bot, echo, "saturated_rate")
    return {
        "saturated_rate": f"≥ {GOALS['ratio']}× echo" + _verdict(
            None if throughput is None else throughput >= GOALS["ratio"]),
        "paced_p99": _goal(bot, "paced_p99", lambda v: v < GOALS["p99_ms"],
                           f"p99 < {GOALS['p99_ms']:g} ms"),
        "startup": _goal(bot, "startup", lambda v: v < GOALS["startup_s"],
                         f"< {GOALS['startup_s']:g} s"),
        "rss": _goal(bot, "rss", lambda v: v < GOALS["rss_mb"], f"< {GOALS['rss_mb']:g} MB"),
    }


def table(first: Summary | None, second: Summary | None, names: tuple[str, str],
          config: RunConfig, goals: dict[str, str] | None = None) -> list[str]:
    """Figure | first | second | first ÷ second [| goal]."""
    header = f"| figure | {names[0]} | {names[1]} | {names[0]} ÷ {names[1]} |"
    rule = "|---|---:|---:|---:|"
    if goals is not None:
        header, rule = header + " goal |", rule + "---|"
    lines = [header, rule]
    for label, show, key in _rows(config):
        ratio = _ratio(first, second, key) if key else None
        cells = [show(s) if s is not None else "—" for s in (first, second)]
        line = (f"| {label} | {cells[0]} | {cells[1]} | "
                f"{'—' if ratio is None else f'{ratio:.2f}×'} |")
        lines.append(line + (f" {goals.get(key, '')} |" if goals is not None else ""))
    return lines


def per_step(runs: list[Run]) -> list[str]:
    """Latency by step, pooled over the runs, and the steps this build does not answer."""
    probe = runs[0]["probe"]
    lines = ["| step | replies seen by the probe | samples | p50 | p99 | no reply in time |",
             "|---|---|---:|---:|---:|---:|"]
    steps: dict[str, list[str]] = {}
    for key in probe:
        steps.setdefault(key.rsplit("#", 1)[0], []).append(key)
    for phase in ("saturated", "paced"):
        lines.append(f"| *{phase}* | | | | | |")
        names = sorted({name for run in runs for name in run["phases"][phase]["latencies"]})
        for name in names:
            samples = [v for run in runs for v in run["phases"][phase]["latencies"].get(name, [])]
            missed = sum(run["phases"][phase]["missed"].get(name, 0) for run in runs)
            keys = steps.get(name, [])
            seen = ", ".join(str(probe[k]["replies"]) for k in keys) or "(quiz answer)"
            p50, p99 = percentile(samples, 0.5), percentile(samples, 0.99)
            lines.append(f"| {name} | {seen} | {len(samples)} | "
                         f"{_fmt(p50 and p50 * 1000, 1)} ms | {_fmt(p99 and p99 * 1000, 1)} ms "
                         f"| {missed} |")
    silent = [name for name, keys in steps.items()
              if all(probe[k]["replies"] == 0 for k in keys)]
    if silent:
        lines += ["", "Steps that got no reply in the probe (left out of the mix unless no reply "
                      "is expected): " + ", ".join(f"`{name}`" for name in silent) + "."]
    return lines


def machine() -> list[str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor() or cpu
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                                text=True, cwd=Path(__file__).parent, check=False).stdout.strip()
    except OSError:
        commit = ""
    load = " / ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "—"
    return [
        f"- CPU: {cpu}, {os.cpu_count()} cores; memory "
        f"{psutil.virtual_memory().total / 2**30:.1f} GiB; {platform.system()} "
        f"{platform.release()}",
        f"- Python {platform.python_version()}, python-telegram-bot {telegram.__version__}",
        f"- commit {commit or '—'}, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC; "
        f"load average when the report was written: {load}",
    ]


def headline_table(results: dict[str, list[Run]], config: RunConfig) -> list[str]:
    bot, echo = (median_summary(results[kind]) if results.get(kind) else None
                 for kind in ("bot", "echo"))
    return table(bot, echo, ("full bot", "echo bot"), config, _goals(bot, echo))


def render(results: dict[str, list[Run]], config: RunConfig, runs: int,
           capacity: dict[str, Any] | None) -> str:
    bot, echo, before = (median_summary(results[kind]) if results.get(kind) else None
                         for kind in ("bot", "echo", "bot-httpx"))
    lines = ["# Benchmark results", "",
             f"`python3 dev.py bench` — {runs} run(s), each figure the median over the runs; "
             f"{config.users} simulated users, {config.warmup:g} s warm-up, "
             f"{config.saturate:g} s saturated, {config.paced:g} s paced.", ""]
    lines += headline_table(results, config)
    if before is not None:
        lines += ["", "## Before and after: the full bot on httpx (PTB's default) and on aiohttp",
                  "", *table(before, bot, ("httpx", "aiohttp"), config)]
        same_client = _ratio(before, echo, "saturated_rate")
        if same_client is not None:
            lines += ["", f"On the same HTTP client as the echo bot (httpx) the full bot "
                          f"processes {same_client:.2f}× the echo bot's updates per second."]
    lines += ["", "## The machine", "", *machine()]
    lines += ["", "## The stand-in is not the bottleneck", ""]
    for kind, summary in (("full bot", bot), ("echo bot", echo)):
        if summary is not None:
            lines.append(f"- during the saturated {kind} runs it served "
                         f"{_fmt(summary['saturated_requests'])} requests/s using "
                         f"{_fmt(100 * (summary['saturated_standin_cpu'] or 0), 0)} % of a core "
                         "(its simulated users included)")
    if capacity:
        per_core = capacity["requests_per_second"] / max(capacity["cpu_share"], 1e-9)
        lines.append(f"- alone, hammered by {capacity['connections']} connections of a bare "
                     f"asyncio client, it served {_fmt(capacity['requests_per_second'])} "
                     f"requests/s using {_fmt(100 * capacity['cpu_share'], 0)} % of a core: "
                     f"about {_fmt(round(per_core, -2))} requests/s per core")
    pressure = median(s["saturated_pressure"] for s in (bot, echo) if s is not None)
    if pressure is not None:
        lines += ["", f"Noise: during the saturated phases some runnable task was waiting for a "
                      f"CPU {100 * pressure:.0f} % of the time (Linux PSI `/proc/pressure/cpu`); "
                      "the machine is shared, so figures move between runs."]
    for kind in ("bot", "echo"):
        if results.get(kind):
            lines += ["", f"## Latency by step — {'full bot' if kind == 'bot' else 'echo bot'}",
                      "", *per_step(results[kind])]
    if results.get("bot"):
        lines += ["", "## Burst: a group quiz answered by 200 members within one second", "",
                  *burst_lines(results["bot"])]
    return "\n".join(lines) + "\n"


def burst_lines(runs: list[Run]) -> list[str]:
    lines = []
    for serial, run in enumerate(runs, 1):
        burst = run.get("burst")
        if not burst:
            lines.append(f"- run {serial}: not run")
        elif not burst["ran"]:
            lines.append(f"- run {serial}: could not run — {burst['why']}")
        else:
            verdict = "✅" if burst.get("correct") else "❌"
            lines.append(f"- run {serial}: {burst['members']} answers pushed in "
                         f"{burst['pushed_in_seconds']:.2f} s; {burst.get('summary', '')} "
                         f"{verdict}")
    return lines
