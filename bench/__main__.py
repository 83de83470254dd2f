"""`python3 dev.py bench [--quick]`: run the benchmark and write bench/RESULTS.md (and the
README's table)."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

from bench.capacity import measure_capacity
from bench.fake_server import RunConfig
from bench.report import headline, machine, render, summarize
from bench.runner import CONTENDERS, PEERS, profiled_run, run_all

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "RESULTS.md"
RAW = HERE / "results" / "latest.json"
# The profiled run only needs the saturated phase; the rest is kept short.
PROFILE_CONFIG = {"warmup": 1.0, "saturate": 8.0, "paced": 1.0}
README = HERE.parent / "README.md"
README_START, README_END = "<!-- bench:start -->", "<!-- bench:end -->"
# RESULTS.md from this marker on is `python -m bench.replicas`' section: a rewrite keeps it.
KEPT_MARKER = "<!-- bench.replicas -->"


def kept_section(path: Path) -> str:
    """The part of `path` a rewrite keeps: from KEPT_MARKER to the end ("" without one)."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    return "\n" + text[text.index(KEPT_MARKER):] if KEPT_MARKER in text else ""


def show_in_readme(table: list[str], machine_lines: list[str]) -> None:
    """Replace the table between the README's bench markers (when it has them)."""
    text = README.read_text(encoding="utf-8")
    if README_START not in text or README_END not in text:
        return
    head, rest = text.split(README_START, 1)
    tail = rest.split(README_END, 1)[1]
    block = "\n".join(["", *table, "", *machine_lines, ""])
    README.write_text(f"{head}{README_START}{block}{README_END}{tail}", encoding="utf-8")


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python3 dev.py bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="one short run")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--users", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=10.0,
                        help="length of the saturated and of the paced phase")
    parser.add_argument("--warmup", type=float, default=3.0)
    parser.add_argument("--think", type=float, default=1.0,
                        help="mean pause (s) between a reply and the next message, paced phase")
    parser.add_argument("--bots", default=",".join(["bot", "bot-asyncio", *PEERS]),
                        help="which of " + ", ".join(f"{kind} ({c.name})"
                                                     for kind, c in CONTENDERS.items())
                        + " to run")
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument("--raw", type=Path, default=RAW,
                        help="where the raw figures go (JSON); the profile goes beside it")
    parser.add_argument("--no-capacity", action="store_true",
                        help="skip the stand-in's capacity check")
    parser.add_argument("--quiet", action="store_true", help="print nothing")
    parser.add_argument("--no-profile", action="store_true",
                        help="skip the extra run of the full bot sampled by py-spy")
    args = parser.parse_args(argv)
    if args.quick:
        args.runs, args.seconds, args.warmup = 1, 3.0, 1.0
    return args


def main(argv: list[str]) -> int:
    args = parse(argv)
    config = RunConfig(users=args.users, warmup=args.warmup, saturate=args.seconds,
                       paced=args.seconds, think=args.think, burst=True)
    kinds = [kind.strip() for kind in args.bots.split(",") if kind.strip()]
    unknown = sorted(set(kinds) - set(CONTENDERS))
    if unknown:
        print(f"unknown bot(s): {', '.join(unknown)}; known: {', '.join(CONTENDERS)}")
        return 2
    args.raw.parent.mkdir(parents=True, exist_ok=True)
    capacity = None if args.no_capacity else measure_capacity()
    results = run_all(kinds, config, args.runs, progress=not args.quiet)
    profile = None
    if not args.no_profile and "bot" in kinds:
        profile_config = replace(config, **PROFILE_CONFIG)
        samples = args.raw.with_name("profile-bot.txt")
        profile = (profiled_run(profile_config, samples, progress=not args.quiet), samples)
        args.raw.with_name("profile-bot.json").write_text(json.dumps(profile[0]),
                                                          encoding="utf-8")
    report = render(results, config, args.runs, capacity, profile)
    args.output.write_text(report + kept_section(args.output), encoding="utf-8")
    if args.output == RESULTS:
        summaries = {kind: [summarize(run) for run in runs] for kind, runs in results.items()}
        show_in_readme(headline(summaries, config), machine())
    args.raw.write_text(json.dumps(results), encoding="utf-8")
    if not args.quiet:
        print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
