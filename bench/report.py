"""The results as markdown: the headline and its table, the profile, per-step latencies, the
burst, the checks, the machine."""

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
from bench.profiling import costs, read_stacks
from bench.runner import CONTENDERS, PEERS
from bench.scenarios import BURST_CHATTERS, BURST_MEMBERS, BURST_WITHIN
from bench.stats import median, percentile

Run = dict[str, Any]
Summary = dict[str, float | None]

GOALS = {"ratio": 1.0, "p99_ms": 50.0, "startup_s": 1.5, "rss_mb": 150.0, "burst_s": 3.0}
_PERCENTILES = (("p50", 0.50), ("p95", 0.95), ("p99", 0.99))
BUSY_PRESSURE = 0.25  # CPU pressure (Linux PSI) beyond which the figures are called provisional


def _latencies(phase: dict[str, Any]) -> list[float]:
    return [value for values in phase["latencies"].values() for value in values]


def summarize(run: Run) -> Summary:
    """The headline figures of one run (latencies in ms)."""
    summary: Summary = {}
    for phase in ("saturated", "paced"):
        data = run["phases"][phase]
        summary[f"{phase}_rate"] = data["updates"] / data["seconds"]
        samples = _latencies(data)
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
    burst = run.get("burst") or {}
    chat_p99 = percentile(_latencies(burst["chat"]), 0.99) if burst.get("ran") else None
    summary["burst_stored"] = burst.get("stored_in_seconds")
    summary["burst_chat_p99"] = chat_p99 * 1000 if chat_p99 is not None else None
    return summary


def median_summary(summaries: list[Summary]) -> Summary:
    return {key: median(s[key] for s in summaries) for key in summaries[0]}


def _fmt(value: float | None, digits: int = 0, unit: str = "") -> str:
    return "—" if value is None else f"{value:,.{digits}f}{unit}"


def _verdict(ok: bool | None) -> str:
    return "" if ok is None else (" ✅" if ok else " ❌")


def _ms3(s: Summary, phase: str) -> str:
    return " / ".join(_fmt(s[f"{phase}_{label}"], 1) for label, _ in _PERCENTILES) + " ms"


def ratio(bot: list[Summary], peer: list[Summary], key: str) -> float | None:
    """Full bot ÷ peer: the median of the rounds' ratios (each round ran both side by side)."""
    return median(b[key] / p[key] for b, p in zip(bot, peer, strict=False)  # type: ignore[operator]
                  if b.get(key) is not None and p.get(key))


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
        ("… imports + building the bot (fresh interpreter)",
         lambda s: f"{_fmt(s['import'], 2)} + {_fmt(s['build'], 2)} s", ""),
        ("peak RSS of the bot process (VmHWM)",
         lambda s: _fmt(s["rss"], 0, " MB"), "rss"),
        (f"burst: {BURST_MEMBERS} quiz answers within {BURST_WITHIN:g} s, {BURST_CHATTERS} users "
         "chatting — first answer → all stored",
         lambda s: _fmt(s["burst_stored"], 2, " s"), "burst_stored"),
        ("… the chatting users' p99 meanwhile",
         lambda s: _fmt(s["burst_chat_p99"], 1, " ms"), "burst_chat_p99"),
    ]


def fastest_peer(summaries: dict[str, list[Summary]]) -> str | None:
    """The peer with the highest median saturated throughput."""
    rates = {kind: median(s["saturated_rate"] for s in summaries[kind])
             for kind in PEERS if summaries.get(kind)}
    return max(rates, key=lambda kind: rates[kind] or 0.0) if rates else None


def _under(value: float | None, limit: float, text: str) -> str:
    return text + _verdict(None if value is None else value < limit)


def _goals(bot: Summary, throughput: float | None) -> dict[str, str]:
    """The goal of each figure, with ✅/❌ for the full bot where it can be judged."""
    return {
        "saturated_rate": f"≥ {GOALS['ratio']:g}× the fastest peer" + _verdict(
            None if throughput is None else throughput >= GOALS["ratio"]),
        "paced_p99": _under(bot["paced_p99"], GOALS["p99_ms"], f"p99 < {GOALS['p99_ms']:g} ms"),
        "startup": _under(bot["startup"], GOALS["startup_s"], f"< {GOALS['startup_s']:g} s"),
        "rss": _under(bot["rss"], GOALS["rss_mb"], f"< {GOALS['rss_mb']:g} MB"),
        "burst_stored": _under(bot["burst_stored"], GOALS["burst_s"],
                               f"< {GOALS['burst_s']:g} s"),
    }


def table(summaries: dict[str, list[Summary]], others: list[str], config: RunConfig,
          goals: dict[str, str] | None = None, first: str = "full bot") -> list[str]:
    """Figure | full bot | each other bot's figure · full bot ÷ it [| goal]; `first` names
    the bot of the first column (summaries["bot"])."""
    bot = summaries["bot"]
    columns = [median_summary(bot)] + [median_summary(summaries[kind]) for kind in others]
    header = f"| figure | {first} | " + " | ".join(
        f"{CONTENDERS[kind].name} · {first} ÷ it" for kind in others) + " |"
    rule = "|---|---:|" + "---:|" * len(others)
    if goals is not None:
        header, rule = header + " goal |", rule + "---|"
    lines = [header, rule]
    for label, show, key in _rows(config):
        cells = [show(columns[0])]
        for kind, column in zip(others, columns[1:], strict=True):
            value = show(column)
            times = ratio(bot, summaries[kind], key) if key and value != "—" else None
            cells.append(value if times is None else f"{value} · {times:.2f}×")
        line = f"| {label} | " + " | ".join(cells) + " |"
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


def _on_asyncio(summaries: dict[str, list[Summary]], fastest: str) -> str:
    """The full bot's throughput on asyncio's own loop, the peers' loop (when it ran)."""
    if not summaries.get("bot-asyncio"):
        return ""
    times = ratio(summaries["bot-asyncio"], summaries[fastest], "saturated_rate")
    rate = median_summary(summaries["bot-asyncio"])["saturated_rate"]
    return (f" The full bot runs on uvloop, the peers on asyncio's default loop; on that loop "
            f"the full bot does {_fmt(rate)} updates/s, "
            f"**{_fmt(times, 2, '×')}** the fastest peer's.")


def headline(summaries: dict[str, list[Summary]], config: RunConfig) -> list[str]:
    """The sentence naming the fastest peer and where the full bot stands, then the table."""
    if not summaries.get("bot"):
        return ["(the full bot was not run)"]
    bot = median_summary(summaries["bot"])
    fastest = fastest_peer(summaries)
    throughput = ratio(summaries["bot"], summaries[fastest], "saturated_rate") \
        if fastest else None
    lines = []
    pressure = median(s["saturated_pressure"] for runs in summaries.values() for s in runs)
    if pressure is not None and pressure > BUSY_PRESSURE:
        lines += [f"⚠️ **Provisional**: during the saturated phases some runnable task waited "
                  f"for a CPU {100 * pressure:.0f} % of the time: the machine was busy with other "
                  "work, which slows every bot and inflates latencies. Rerun on a quiet "
                  "machine.", ""]
    if fastest is not None and throughput is not None:
        goals = _goals(bot, throughput)
        rate = median_summary(summaries[fastest])["saturated_rate"]
        lines += [f"**Fastest peer: {CONTENDERS[fastest].name}**, {_fmt(rate)} updates/s "
                  f"saturated. The full bot does **{throughput:.2f}×** its throughput (goal "
                  f"{goals['saturated_rate']}); answers in p99 {_fmt(bot['paced_p99'], 1)} ms "
                  f"with {config.users} users pausing ~{config.think:g} s (goal "
                  f"{goals['paced_p99']}); has the {BURST_MEMBERS}-answer quiz burst stored "
                  f"{_fmt(bot['burst_stored'], 2, ' s')} after its first answer (goal "
                  f"{goals['burst_stored']})." + _on_asyncio(summaries, fastest), ""]
    peers = [kind for kind in PEERS if summaries.get(kind)]
    lines += table(summaries, peers, config, _goals(bot, throughput))
    if peers:
        lines += ["", "In a peer's column: its figure · the full bot's ÷ it (the median of the "
                      "rounds' ratios, each round running every bot one after the other)."]
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


def _standin_lines(summaries: dict[str, list[Summary]],
                   capacity: dict[str, Any] | None) -> list[str]:
    lines = []
    for kind, runs in summaries.items():
        summary = median_summary(runs)
        lines.append(f"- during the saturated {CONTENDERS[kind].name} runs it served "
                     f"{_fmt(summary['saturated_requests'])} requests/s using "
                     f"{_fmt(100 * (summary['saturated_standin_cpu'] or 0), 0)} % of a core "
                     "(its simulated users included)")
    if capacity:
        per_core = capacity["requests_per_second"] / max(capacity["cpu_share"], 1e-9)
        lines.append(f"- alone, hammered by {capacity['connections']} connections of a bare "
                     f"asyncio client, it served {_fmt(capacity['requests_per_second'])} "
                     f"requests/s using {_fmt(100 * capacity['cpu_share'], 0)} % of a core: "
                     f"about {_fmt(round(per_core, -2))} requests/s per core")
    pressure = median(s["saturated_pressure"] for runs in summaries.values() for s in runs)
    if pressure is not None:
        lines += ["", f"Noise: during the saturated phases some runnable task was waiting for a "
                      f"CPU {100 * pressure:.0f} % of the time (Linux PSI `/proc/pressure/cpu`); "
                      "the machine is shared, so figures move between runs."]
    return lines


def profile_lines(profiled: Run, samples: Path, top: int = 5) -> list[str]:
    """The full bot's CPU per update, layer by layer, from the profiled run's samples."""
    phase = profiled["phases"]["saturated"]
    cpu_ms = 1000 * phase["bot_cpu_seconds"] / max(1, phase["updates"])
    found = costs(read_stacks(samples)) if samples.exists() else []
    if not found:
        return [f"py-spy recorded no samples into `{samples}` (it needs to be allowed to trace "
                "the bot's process: ptrace)."]
    lines = [f"py-spy sampled the full bot's saturated phase in one extra run (not counted "
             f"above): {phase['updates']} updates, {cpu_ms:.2f} ms of CPU per update. Each "
             f"sample is charged to the layer of its innermost recognised frame "
             f"(`bench/profiling.py`); the garbage collector has no frame of its own, so its "
             f"time counts where it was triggered. Raw stacks in `{samples.name}`; "
             f"`python -m bench.profile_summary` lists functions.", "",
             "| # | where the CPU goes | share | ms per update | heaviest functions there |",
             "|---:|---|---:|---:|---|"]
    for rank, cost in enumerate(found[:top], 1):
        heaviest = "; ".join(f"`{frame}` {100 * share:.1f} %" for frame, share in cost.frames)
        lines.append(f"| {rank} | {cost.layer} | {100 * cost.share:.0f} % | "
                     f"{cost.share * cpu_ms:.2f} | {heaviest} |")
    rest = ", ".join(f"{cost.layer} {100 * cost.share:.0f} %" for cost in found[top:])
    return lines + (["", f"The rest: {rest}."] if rest else [])


def render(results: dict[str, list[Run]], config: RunConfig, runs: int,
           capacity: dict[str, Any] | None,
           profile: tuple[Run, Path] | None = None) -> str:
    summaries = {kind: [summarize(run) for run in kind_runs]
                 for kind, kind_runs in results.items() if kind_runs}
    lines = ["# Benchmark results", "",
             f"`python3 dev.py bench` — {runs} round(s), each figure the median over the rounds; "
             f"{config.users} simulated users, {config.warmup:g} s warm-up, "
             f"{config.saturate:g} s saturated, {config.paced:g} s paced. The peers are each "
             "library's minimal echo bot (`bench/peers/`) against the same stand-in and "
             "workload; they answer text messages only, so the steps they leave unanswered "
             "drop out of their mix.", ""]
    lines += headline(summaries, config)
    peers = [kind for kind in PEERS if summaries.get(kind)]
    if summaries.get("bot-asyncio") and peers:
        lines += ["", "## The full bot on asyncio's own event loop, as the peers run", "",
                  "The full bot runs on uvloop (`EVENT_LOOP=uvloop`, its default); the peers "
                  "run on asyncio's default loop, as their libraries' examples do. Here the "
                  "full bot runs on that loop too (`EVENT_LOOP=asyncio`), side by side with "
                  "the same peers in the same rounds:", "",
                  *table({**summaries, "bot": summaries["bot-asyncio"]}, peers, config,
                         first=CONTENDERS["bot-asyncio"].name)]
    if summaries.get("bot") and summaries.get("bot-httpx"):
        lines += ["", "## The full bot on aiohttp ÷ the full bot on httpx (PTB's default)", "",
                  *table(summaries, ["bot-httpx"], config)]
    lines += ["", "## The machine", "", *machine()]
    lines += ["", "## The stand-in is not the bottleneck", "", *_standin_lines(summaries, capacity)]
    if profile is not None:
        lines += ["", "## Where the full bot's CPU goes", "", *profile_lines(*profile)]
    if results.get("bot"):
        lines += ["", "## Latency by step — full bot", "", *per_step(results["bot"])]
        lines += ["", f"## Burst: a group quiz answered by {BURST_MEMBERS} members within "
                      f"{BURST_WITHIN:g} s, {BURST_CHATTERS} users chatting meanwhile", "",
                  *burst_lines(results["bot"])]
    return "\n".join(lines) + "\n"


def burst_lines(runs: list[Run]) -> list[str]:
    lines = []
    for serial, run in enumerate(runs, 1):
        burst = run.get("burst")
        if not burst:
            lines.append(f"- round {serial}: not run")
        elif not burst["ran"]:
            lines.append(f"- round {serial}: could not run — {burst['why']}")
        else:
            verdict = "✅" if burst.get("correct") else "❌"
            chat = burst["chat"]
            p99 = percentile(_latencies(chat), 0.99)
            stored = burst["stored_in_seconds"]
            lag = None if stored is None else stored - burst["pushed_in_seconds"]
            lines.append(f"- round {serial}: {burst['members']} answers pushed in "
                         f"{burst['pushed_in_seconds']:.2f} s, all stored "
                         f"{_fmt(burst['stored_in_seconds'], 2, ' s')} after the first "
                         f"({_fmt(lag, 2, ' s')} after the last); "
                         f"{burst['chatters']} users chatting sent {chat['updates']} updates "
                         f"meanwhile, p99 {_fmt(p99 and p99 * 1000, 1)} ms, "
                         f"{sum(chat['missed'].values())} unanswered; "
                         f"{burst.get('summary', '')} {verdict}")
    return lines
