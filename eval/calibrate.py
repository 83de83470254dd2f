"""Choose the engine's "don't know" thresholds on the DEV set only (never on a test set).

    python -m eval.calibrate

Runs the dev set through the real handlers for each setting, each question judged
leave-near-duplicates-out (by an engine without the example questions that are near copies of
it, eval/holdout.py), so that the bar is set for phrasings the index has never seen. Two stages:
first the bar itself (the coverage thresholds and the weight of unknown words, with no clear-lead
answers), then, on the best bar, the clear lead that answers below it. Each stage prints its best
settings by the balanced score: the mean of the answerable questions' accuracy and the
unanswerable ones' declined rate. The issue sets a target for each of the two separately, so each
counts the same, whatever its share of the set.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager

from eval.holdout import holdout_engine
from eval.run import SETS, Question, Report, evaluate, load_questions
from knowledge.qa import engine

NO_LEAD = {"CLEAR_LEAD": float("inf")}
STAGES: tuple[Mapping[str, tuple[float, ...]], ...] = (
    {"MIN_COVERAGE": (0.4, 0.5),
     "MIN_COVERAGE_WITH_UNKNOWN": (0.4, 0.5, 0.6),
     "UNKNOWN_WEIGHT": (0.25, 0.5, 1.0)},
    {"CLEAR_LEAD": (1.5, 2.0, 3.0, float("inf")),
     "LEAD_COVERAGE": (0.3, 0.4),
     "LEAD_UNKNOWN_WORDS": (0, 1)},
)
SHOWN = 8

Result = tuple[float, float, float, dict[str, float]]


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


async def stage(questions: Sequence[Question], grid: Mapping[str, tuple[float, ...]],
                fixed: Mapping[str, float]) -> list[Result]:
    """Every combination of `grid` (with `fixed` set too), best balanced score first."""
    results = []
    for combination in itertools.product(*grid.values()):
        values = {**fixed, **dict(zip(grid, combination, strict=True))}
        with settings(values):
            report: Report = await evaluate(questions, holdout_engine)
        balanced = (report.accuracy + report.declined_rate) / 2
        results.append((balanced, report.accuracy, report.declined_rate, values))
    results.sort(key=lambda item: -item[0])
    return results


async def calibrate(first: int = 1) -> list[list[Result]]:
    """The stages from `first` on (an earlier stage's settings: the engine's current ones)."""
    questions = load_questions(SETS["dev"])
    fixed: dict[str, float] = dict(NO_LEAD) if first == 1 else {}
    stages = []
    for grid in STAGES[first - 1:]:
        results = await stage(questions, grid, fixed)
        stages.append(results)
        fixed = {**results[0][3]}
    return stages


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m eval.calibrate")
    parser.add_argument("--from-stage", type=int, default=1, choices=range(1, len(STAGES) + 1),
                        help="start at this stage, the earlier ones kept as the engine has them")
    first = parser.parse_args(argv).from_stage
    names = {name for grid in STAGES for name in grid}
    current = {name: getattr(engine, name) for name in names}
    for number, results in enumerate(asyncio.run(calibrate(first)), start=first):
        print(f"stage {number}")
        for balanced, accuracy, declined, values in results[:SHOWN]:
            marker = " (current)" if all(current[k] == v for k, v in values.items()
                                         if k in STAGES[number - 1]) else ""
            print(f"  balanced {balanced:.1%}  answerable {accuracy:.1%}  "
                  f"declined {declined:.1%}  {values}{marker}")


if __name__ == "__main__":
    main()
