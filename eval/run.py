"""Run the free-text question sets through the real Application (Bot API stand-in) and score them.

`eval/dev.yaml` is the set the engine is tuned on; `eval/test.yaml`, `eval/test2.yaml`,
`eval/test3.yaml`, `eval/test4.yaml`, `eval/test5.yaml`, `eval/test6.yaml`, `eval/test7.yaml`,
`eval/test8.yaml`, `eval/test9.yaml`, `eval/test10.yaml`, `eval/test11.yaml` and `eval/test12.yaml`
are frozen held-out sets, written before any tuning and never edited to fit the engine.
`python -m eval` reports them side by side: accuracy on answerable questions, unanswerable ones
declined, invented figures (a dollar or percent figure that is not in the knowledge data), wrong
"don't know" replies, wrong answers to unanswerable questions, a per-kind breakdown and the
engine's CPU time per question.
Only dev's failures are listed question by question; the held-out sets show aggregate figures
only.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict

from handlers.ask import ENGINE_KEY, declined_reply, ready_engine
from knowledge.loader import DATA_DIR
from knowledge.profile import Profile
from knowledge.qa import Engine
from knowledge.qa.mentions import Mentions
from knowledge.qa.personal import personal_estimate
from tests.harness import BotHarness, replies

EVAL_DIR = Path(__file__).parent
SETS = {"dev": EVAL_DIR / "dev.yaml", "test": EVAL_DIR / "test.yaml",
        "test2": EVAL_DIR / "test2.yaml", "test3": EVAL_DIR / "test3.yaml",
        "test4": EVAL_DIR / "test4.yaml", "test5": EVAL_DIR / "test5.yaml",
        "test6": EVAL_DIR / "test6.yaml", "test7": EVAL_DIR / "test7.yaml",
        "test8": EVAL_DIR / "test8.yaml", "test9": EVAL_DIR / "test9.yaml",
        "test10": EVAL_DIR / "test10.yaml", "test11": EVAL_DIR / "test11.yaml",
        "test12": EVAL_DIR / "test12.yaml"}
# The only set whose questions and failures are listed by default: the held-out sets are scored
# in aggregate (summary and per-kind counts), so nobody tunes on their questions.
TUNING_SET = "dev"
# The dev set again, each question judged by an engine without its near-copy example questions
# (eval/holdout.py): how dev fares on phrasings the index has never seen.
HELDOUT_SET = "dev-heldout"
TARGET_ACCURACY = 0.95
TARGET_DECLINED = 0.95
# Kinds whose questions must be declined even when the file does not say `declined: true`.
UNANSWERABLE_KINDS = frozenset({"offtopic", "off-topic", "off_topic", "unanswerable"})
UNTAGGED = "untagged"

_DOLLARS = re.compile(r"\$\s?(\d[\d,]*(?:\.\d+)?)")
_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s?%")
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


class Question(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    q: str
    must: tuple[str, ...] = ()
    any: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    figure: tuple[float, float] | None = None
    declined: bool = False
    profile: dict[str, Any] | None = None  # stored for the asker before the question
    context: tuple[str, ...] = ()  # earlier messages of the same user in the same chat
    kind: str = UNTAGGED

    @property
    def unanswerable(self) -> bool:
        return self.declined or self.kind in UNANSWERABLE_KINDS


class QuestionSet(BaseModel):
    questions: tuple[Question, ...]


@dataclass
class Outcome:
    question: Question
    reply: str
    declined: bool
    problems: list[str]
    invented: list[str]
    update_cpu_ms: float
    engine_cpu_ms: float

    @property
    def passed(self) -> bool:
        return not self.problems and not self.invented


@dataclass
class Report:
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def answerable(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.question.unanswerable]

    @property
    def unanswerable(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.question.unanswerable]

    @property
    def accuracy(self) -> float:
        """Share of the answerable questions answered with the right facts."""
        return _share(self.answerable)

    @property
    def declined_rate(self) -> float:
        """Share of the unanswerable questions honestly declined (and showing no figure)."""
        return _share(self.unanswerable)

    @property
    def overall(self) -> float:
        return _share(self.outcomes)

    @property
    def invented(self) -> list[str]:
        return [figure for o in self.outcomes for figure in o.invented]

    @property
    def failures(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.passed]

    @property
    def wrong_unknown(self) -> list[Outcome]:
        """Answerable questions the bot said it did not know."""
        return [o for o in self.answerable if o.declined]

    @property
    def wrong_answers(self) -> list[Outcome]:
        """Unanswerable questions the bot answered anyway."""
        return [o for o in self.unanswerable if not o.declined]

    def by_kind(self) -> dict[str, tuple[int, int]]:
        """kind → (passed, total)."""
        kinds: dict[str, list[bool]] = {}
        for outcome in self.outcomes:
            kinds.setdefault(outcome.question.kind, []).append(outcome.passed)
        return {kind: (sum(results), len(results)) for kind, results in sorted(kinds.items())}


def _share(outcomes: Sequence[Outcome]) -> float:
    return sum(o.passed for o in outcomes) / len(outcomes) if outcomes else 1.0


def load_questions(path: Path = SETS["dev"]) -> tuple[Question, ...]:
    return QuestionSet.model_validate(yaml.safe_load(path.read_text("utf-8"))).questions


def _numbers(node: Any) -> set[float]:
    if isinstance(node, dict):
        return set().union(*(_numbers(v) for v in node.values())) if node else set()
    if isinstance(node, list):
        return set().union(*(_numbers(v) for v in node)) if node else set()
    if isinstance(node, bool):
        return set()
    if isinstance(node, int | float):
        return {float(node)}
    if isinstance(node, str):
        return {float(n.replace(",", "")) for n in _NUMBER.findall(node)}
    return set()


def known_figures(directory: Path = DATA_DIR) -> set[float]:
    """Every number written anywhere in the knowledge data files."""
    found: set[float] = set()
    for path in directory.glob("*.yaml"):
        if path.name != "synonyms.yaml":
            found |= _numbers(yaml.safe_load(path.read_text("utf-8")))
    return found


def shown_figures(text: str) -> list[tuple[str, float]]:
    figures = [(f"${m}", float(m.replace(",", ""))) for m in _DOLLARS.findall(text)]
    return figures + [(f"{m}%", float(m)) for m in _PERCENT.findall(text)]


def estimated_figures(profile: Profile | None, mentions: Mentions) -> set[float]:
    """The figures the salary model computes for a personal question (traceable, not data),
    given the asker's profile and what the engine found in the question."""
    personal = personal_estimate(profile, mentions)
    if personal is None:
        return set()
    estimates = [personal.estimate, *([personal.baseline] if personal.baseline else [])]
    found = {float(v) for e in estimates for v in (e.point, e.low, e.high)}
    return found | ({float(abs(personal.difference))} if personal.difference is not None else set())


def judge(question: Question, reply: str, known: set[float]) -> tuple[bool, list[str], list[str]]:
    """(declined, problems, invented figures) of one reply."""
    problems = []
    folded = reply.lower()
    declined = declined_reply(reply)
    figures = shown_figures(reply)
    invented = [label for label, value in figures if value not in known]
    if question.unanswerable:
        if not declined:
            problems.append("not declined")
        if figures:
            problems.append("a declined question showed figures")
        return declined, problems, invented
    if declined:
        problems.append("declined")
    problems += [f"missing {fact!r}" for fact in question.must if fact.lower() not in folded]
    problems += [f"shows {fact!r}" for fact in question.absent if fact.lower() in folded]
    if question.any and not any(fact.lower() in folded for fact in question.any):
        problems.append(f"none of {list(question.any)!r}")
    if question.figure is not None:
        low, high = question.figure
        if not any(low <= value <= high for label, value in figures if label.startswith("$")):
            problems.append(f"no dollar figure in {low:,.0f}-{high:,.0f}")
    return declined, problems, invented


def _profile(question: Question) -> Profile | None:
    return Profile.model_validate(question.profile) if question.profile else None


async def evaluate(questions: Sequence[Question],
                   engine_for: Callable[[str], Engine] | None = None) -> Report:
    """Every question through the bot; `engine_for` gives the engine that judges a question
    (eval/holdout.py: one that has not seen its phrasing), else the bot's own."""
    known = known_figures()
    report = Report()
    with tempfile.TemporaryDirectory() as tmp:
        async with BotHarness(Path(tmp)) as bot:
            engine = await ready_engine(bot.app)
            for number, question in enumerate(questions):
                if engine_for is not None:
                    engine = bot.app.bot_data[ENGINE_KEY] = engine_for(question.q)
                user = bot.user(10_000 + number)  # a fresh user: no dialogue, no history
                profile = _profile(question)
                if profile is not None:
                    await bot.db.profiles.save(user["id"], profile)
                for earlier in question.context:
                    await bot.send(earlier, user=user)
                started = time.process_time()
                calls = await bot.send(question.q, user=user)
                update_cpu = time.process_time() - started
                started = time.process_time()
                answer = engine.answer(question.q, previous=(question.context or [None])[-1])
                engine_cpu = time.process_time() - started
                reply = "\n".join(call.text for call in replies(calls))
                allowed = known | estimated_figures(profile, answer.mentions)
                declined, problems, invented = judge(question, reply, allowed)
                report.outcomes.append(Outcome(question, reply, declined, problems, invented,
                                               update_cpu * 1000, engine_cpu * 1000))
    return report


def percentile(values: Sequence[float], cut: int) -> float:
    if len(values) < 2:
        return values[0] if values else 0.0
    return statistics.quantiles(values, n=100, method="inclusive")[cut - 1]


def _summary_rows(reports: dict[str, Report]) -> list[tuple[str, ...]]:
    def row(label: str, value: Any) -> tuple[str, ...]:
        return (label, *(value(report) for report in reports.values()))

    def ratio(outcomes: Sequence[Outcome]) -> str:
        passed = sum(o.passed for o in outcomes)
        return f"{_share(outcomes):.1%} ({passed}/{len(outcomes)})"

    engine = [lambda r, cut=cut: f"{percentile([o.engine_cpu_ms for o in r.outcomes], cut):.2f}"
              for cut in (50, 99)]
    return [
        ("", *reports),
        row("questions", lambda r: str(len(r.outcomes))),
        row(f"answerable right (target {TARGET_ACCURACY:.0%})", lambda r: ratio(r.answerable)),
        row(f"unanswerable declined (target {TARGET_DECLINED:.0%})",
            lambda r: ratio(r.unanswerable)),
        row("all questions", lambda r: ratio(r.outcomes)),
        row("invented figures (must be 0)", lambda r: str(len(r.invented))),
        row("wrong \"don't know\"", lambda r: str(len(r.wrong_unknown))),
        row("answered an unanswerable one", lambda r: str(len(r.wrong_answers))),
        row("engine CPU p50, ms", engine[0]),
        row("engine CPU p99, ms", engine[1]),
        row("whole update CPU p99, ms",
            lambda r: f"{percentile([o.update_cpu_ms for o in r.outcomes], 99):.2f}"),
    ]


def _table(rows: list[tuple[str, ...]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
                     for row in rows)


def _kind_rows(reports: dict[str, Report]) -> list[tuple[str, ...]]:
    kinds = {kind: None for report in reports.values() for kind in report.by_kind()}
    rows = [("kind", *reports)]
    for kind in kinds:
        cells = []
        for report in reports.values():
            passed, total = report.by_kind().get(kind, (0, 0))
            cells.append(f"{passed}/{total}" if total else "-")
        rows.append((kind, *cells))
    return rows


def _first_line(outcome: Outcome) -> str:
    return (outcome.reply.splitlines()[0] if outcome.reply else "(no reply)")[:90]


def _listing(name: str, report: Report) -> list[str]:
    lines = []
    for title, outcomes in (("wrong \"don't know\"", report.wrong_unknown),
                            ("answered an unanswerable question", report.wrong_answers),
                            ("other failures", [o for o in report.failures
                                                if o not in report.wrong_unknown
                                                and o not in report.wrong_answers])):
        if outcomes:
            lines.append(f"\n[{name}] {title}: {len(outcomes)}")
            lines += [f"  {o.question.q!r} ({o.question.kind}): "
                      f"{'; '.join(o.problems + o.invented)} — got: {_first_line(o)}"
                      for o in outcomes]
    if report.invented:
        lines.append(f"\n[{name}] invented figures: {report.invented}")
    return lines


def report_text(reports: dict[str, Report], listed: Sequence[str]) -> str:
    lines = [_table(_summary_rows(reports)), "", _table(_kind_rows(reports))]
    for name in listed:
        lines += _listing(name, reports[name])
    return "\n".join(lines)


def listed_sets(names: Sequence[str], show_test_failures: bool = False) -> list[str]:
    """The sets whose failures are listed: dev only, unless a final report asks for all."""
    return [name for name in names
            if name in (TUNING_SET, HELDOUT_SET) or show_test_failures]


async def evaluate_sets(names: Sequence[str], holdout: bool = True) -> dict[str, Report]:
    """Each named set; with dev, also dev judged leave-near-duplicates-out (unless `holdout`
    is off)."""
    from eval.holdout import holdout_engine

    reports = {name: await evaluate(load_questions(SETS[name])) for name in names}
    if holdout and TUNING_SET in names:
        reports[HELDOUT_SET] = await evaluate(load_questions(SETS[TUNING_SET]), holdout_engine)
    return reports


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m eval", description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="+", choices=sorted(SETS), default=None,
                        help="which sets to run (default: every set that exists)")
    parser.add_argument("--show-test-failures", action="store_true",
                        help="also list the held-out sets' failures (final reports only; "
                             "never for tuning)")
    parser.add_argument("--no-holdout", action="store_true",
                        help=f"skip {HELDOUT_SET!r} (dev without its near-copy examples)")
    args = parser.parse_args(argv)
    names = args.sets or [name for name, path in SETS.items() if path.exists()]
    reports = asyncio.run(evaluate_sets(names, holdout=not args.no_holdout))
    print(report_text(reports, listed_sets(list(reports), args.show_test_failures)))


if __name__ == "__main__":
    main()
