"""Run eval/questions.yaml through the real Application (Bot API stand-in) and score it.

For every question: is each required fact in the reply, was an off-topic question declined,
does the reply show a dollar or percent figure that is not in the knowledge data (an invented
figure), and how much CPU time did it take (the whole update, and the engine alone).
"""

from __future__ import annotations

import asyncio
import re
import statistics
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict

from handlers.ask import ENGINE_KEY, OFF_TOPIC_OPENING, UNKNOWN_OPENING
from knowledge.loader import DATA_DIR
from knowledge.profile import Profile
from knowledge.qa.mentions import Mentions
from knowledge.qa.personal import personal_estimate
from tests.harness import BotHarness, replies

QUESTIONS = Path(__file__).parent / "questions.yaml"
TARGET_ACCURACY = 0.95

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


class QuestionSet(BaseModel):
    questions: tuple[Question, ...]


@dataclass
class Outcome:
    question: Question
    reply: str
    passed: bool
    problems: list[str]
    invented: list[str]
    update_cpu_ms: float
    engine_cpu_ms: float


@dataclass
class Report:
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return sum(o.passed for o in self.outcomes) / len(self.outcomes)

    @property
    def invented(self) -> list[str]:
        return [figure for o in self.outcomes for figure in o.invented]

    @property
    def failures(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.passed]


def load_questions(path: Path = QUESTIONS) -> tuple[Question, ...]:
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


def estimated_figures(question: Question, mentions: Mentions) -> set[float]:
    """The figures the salary model computes for a personal question (traceable, not data),
    given what the engine found in the question."""
    profile = Profile.model_validate(question.profile) if question.profile else None
    personal = personal_estimate(profile, mentions)
    if personal is None:
        return set()
    estimates = [personal.estimate, *([personal.baseline] if personal.baseline else [])]
    found = {float(v) for e in estimates for v in (e.point, e.low, e.high)}
    return found | ({float(abs(personal.difference))} if personal.difference is not None else set())


def judge(question: Question, reply: str, known: set[float]) -> tuple[list[str], list[str]]:
    """(problems, invented figures) of one reply."""
    problems = []
    folded = reply.lower()
    declined = UNKNOWN_OPENING.lower() in folded or OFF_TOPIC_OPENING.lower() in folded
    figures = shown_figures(reply)
    invented = [label for label, value in figures if value not in known]
    if question.declined:
        if not declined:
            problems.append("not declined")
        if figures:
            problems.append("a declined question showed figures")
        return problems, invented
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
    return problems, invented


async def evaluate(questions: tuple[Question, ...] | None = None) -> Report:
    questions = questions or load_questions()
    known = known_figures()
    report = Report()
    with tempfile.TemporaryDirectory() as tmp:
        async with BotHarness(Path(tmp)) as bot:
            engine = bot.app.bot_data[ENGINE_KEY]
            for number, question in enumerate(questions):
                user = bot.user(10_000 + number)  # a fresh user: no dialogue, no history
                if question.profile:
                    await bot.db.profiles.save(user["id"],
                                               Profile.model_validate(question.profile))
                started = time.process_time()
                calls = await bot.send(question.q, user=user)
                update_cpu = time.process_time() - started
                started = time.process_time()
                answer = engine.answer(question.q)
                engine_cpu = time.process_time() - started
                reply = "\n".join(call.text for call in replies(calls))
                allowed = known | estimated_figures(question, answer.mentions)
                problems, invented = judge(question, reply, allowed)
                report.outcomes.append(Outcome(question, reply, not problems and not invented,
                                               problems, invented, update_cpu * 1000,
                                               engine_cpu * 1000))
    return report


def percentiles(values: list[float]) -> str:
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return f"p50 {cuts[49]:.2f} ms, p95 {cuts[94]:.2f} ms, p99 {cuts[98]:.2f} ms"


def main() -> None:
    report = asyncio.run(evaluate())
    total = len(report.outcomes)
    for outcome in report.failures:
        first_line = outcome.reply.splitlines()[0] if outcome.reply else "(no reply)"
        print(f"FAIL {outcome.question.q!r}: {'; '.join(outcome.problems + outcome.invented)}"
              f" — got: {first_line[:90]}")
    declined = [o for o in report.outcomes if o.question.declined]
    print(f"\nquestions: {total} ({len(declined)} off-topic or unknown)")
    print(f"accuracy: {report.accuracy:.1%} ({total - len(report.failures)}/{total}); "
          f"target {TARGET_ACCURACY:.0%}")
    print(f"off-topic declined: {sum(o.passed for o in declined)}/{len(declined)}")
    print(f"invented figures: {len(report.invented)} {report.invented or ''}")
    print("CPU per answer, whole update:", percentiles([o.update_cpu_ms for o in
                                                       report.outcomes]))
    print("CPU per answer, engine only: ", percentiles([o.engine_cpu_ms for o in
                                                       report.outcomes]))


if __name__ == "__main__":
    main()
