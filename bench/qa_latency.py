"""The free-text engine's speed and memory: `python -m bench.qa_latency`.

Builds the engine in a fresh process (reporting the RSS it adds: importing the modules, loading
the knowledge, indexing the entries), then answers every question of eval/dev.yaml,
eval/test.yaml and eval/test2.yaml (follow-ups with their previous message) several times and
reports the CPU time per question: p50, p95, p99 and the maximum. Goals: p99 < 20 ms, RSS
growth <= 60 MB.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time
from pathlib import Path

P99_GOAL_MS = 20.0
RSS_GOAL_MB = 60.0
ROUNDS = 5
# eval/run.py names the same files; importing it would load the bot and blur the RSS figures.
QUESTION_SETS = [Path(__file__).parent.parent / "eval" / name
                 for name in ("dev.yaml", "test.yaml", "test2.yaml")]


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.qa_latency",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    args = parser.parse_args()

    import yaml  # the bot imports it anyway: not counted as the engine's

    before, peak_before = _rss_mb(), _peak_mb()
    started = time.perf_counter()
    from knowledge.qa.corpus import knowledge_engine

    engine = knowledge_engine()
    build_s = time.perf_counter() - started
    built, peak_built = _rss_mb(), _peak_mb()

    questions = [(item["q"], (item.get("context") or [None])[-1])
                 for path in QUESTION_SETS if path.exists()
                 for item in yaml.safe_load(path.read_text("utf-8"))["questions"]]
    timings = []
    for _ in range(args.rounds):
        for question, previous in questions:
            started = time.process_time()
            engine.answer(question, previous=previous)
            timings.append((time.process_time() - started) * 1000)
    cuts = statistics.quantiles(timings, n=100, method="inclusive")
    growth = built - before
    print(f"engine build: {build_s * 1000:.0f} ms wall, {len(engine.entries)} entries, "
          f"{len(engine.paraphrases)} example questions")
    print(f"RSS: {before:.1f} MB before, {built:.1f} MB after building: +{growth:.1f} MB "
          f"(peak +{peak_built - peak_before:.1f} MB); goal <= {RSS_GOAL_MB:.0f} MB")
    print(f"CPU per question ({len(questions)} questions x {args.rounds}): "
          f"p50 {cuts[49]:.2f} ms, p95 {cuts[94]:.2f} ms, p99 {cuts[98]:.2f} ms, "
          f"max {max(timings):.2f} ms; goal p99 < {P99_GOAL_MS:.0f} ms")
    print(f"after answering: RSS {_rss_mb():.1f} MB")


if __name__ == "__main__":
    main()
