"""Choose the engine's "don't know" thresholds on the DEV set only (never on a test set).

    python -m eval.calibrate [--sets dev test ...]

Tries every combination of the thresholds in GRID (coverage, the weight of unknown words, the
meaning check), runs the dev set through the real handlers for each — each question judged
leave-near-duplicates-out (by an engine without the example questions that are near copies of
it, eval/holdout.py), so that the bar is set for phrasings the index has never seen — and prints
the best combinations by the balanced score: the mean of the answerable questions' accuracy and
the unanswerable ones' declined rate. The issue sets a target for each of the two separately, so
each counts the same, whatever its share of the set.

`--sets` pools other sets with dev (or instead of it): a held-out set whose failures have been
read (a retired one, no longer the fresh measure) is a check that the bar set on dev holds for
questions written by someone else. The fresh set is never calibrated on.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager

from eval.holdout import holdout_engine
from eval.run import SETS, TUNING_SET, Report, evaluate, load_questions
from knowledge.qa import engine

# Round 4 grids the meaning check (knowledge/qa/semantic.py); the lexical thresholds stay at
# round 3's held-out choice (its grid: MIN_COVERAGE 0.4/0.5, MIN_COVERAGE_WITH_UNKNOWN
# 0.4/0.5/0.6, UNKNOWN_WEIGHT 0.25/0.5/1.0).
GRID = {
    "MIN_COVERAGE": (0.5,),
    "MIN_COVERAGE_WITH_UNKNOWN": (0.6,),
    "UNKNOWN_WEIGHT": (1.0,),
    "PARAPHRASE_ANSWER": (0.85,),
    "PARAPHRASE_WEIGHT": (0.5,),
    "SEMANTIC_SUPPORT": (0.45, 0.55),
    "SEMANTIC_MARGIN": (0.05, 0.1),
    "SEMANTIC_RELIEF": (0.0, 0.1, 0.2, 0.3),
}
SHOWN = 10


@contextmanager
def settings(values: Mapping[str, float]) -> Iterator[None]:
    saved = {name: getattr(engine, name) for name in values}
    for name, value in values.items():
        setattr(engine, name, value)
    try:
        yield
    finally:
        for name, value in saved.items():
            setattr(engine, name, value)


async def _pooled(names: Sequence[str]) -> Report:
    """One report over the sets: dev judged leave-near-duplicates-out, the others as they are
    (their questions are no engine's examples)."""
    pooled = Report()
    for name in names:
        report = await evaluate(load_questions(SETS[name]),
                                holdout_engine if name == TUNING_SET else None)
        pooled.outcomes += report.outcomes
    return pooled


async def calibrate(names: Sequence[str] = (TUNING_SET,)
                    ) -> list[tuple[float, float, float, dict[str, float]]]:
    results = []
    for combination in itertools.product(*GRID.values()):
        values = dict(zip(GRID, combination, strict=True))
        with settings(values):
            report = await _pooled(names)
        balanced = (report.accuracy + report.declined_rate) / 2
        results.append((balanced, report.accuracy, report.declined_rate, values))
    results.sort(key=lambda item: -item[0])
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", nargs="+", choices=sorted(SETS), default=[TUNING_SET],
                        help="the sets pooled for the choice (default: dev)")
    names = parser.parse_args().sets
    current = {name: getattr(engine, name) for name in GRID}
    for balanced, accuracy, declined, values in asyncio.run(calibrate(names))[:SHOWN]:
        marker = " (current)" if values == current else ""
        print(f"balanced {balanced:.1%}  answerable {accuracy:.1%}  declined {declined:.1%}  "
              f"{values}{marker}")


if __name__ == "__main__":
    main()
