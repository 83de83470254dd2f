"""Choosing practice questions: weighted by exam domain, no repeats until the pool is used up.

Plain functions over the quiz bank's models; randomness comes in as a `random.Random` so that
callers (and tests) control it.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Protocol, TypeVar

if TYPE_CHECKING:
    from knowledge.quiz_bank import Domain, QuizBank, QuizQuestion

EXAMS = ("CEHRS", "RHIT")
DEFAULT_EXAM = "CEHRS"
# A group gets a new question on request at most this often: a chat full of polls helps no one,
# and Telegram lets a bot post only about 20 messages a minute in a group.
GROUP_QUIZ_COOLDOWN = timedelta(seconds=30)


class Askable(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def domain(self) -> str: ...


Q = TypeVar("Q", bound=Askable)


@dataclass(frozen=True)
class ShuffledOptions:
    options: tuple[str, ...]
    correct: int


def pick_question(pool: Sequence[Q], asked_counts: Mapping[str, int],
                  weights: Mapping[str, float | None], rng: random.Random) -> Q:
    """A question from `pool` that was asked the fewest times, its domain drawn by weight.

    Only the least-asked questions are candidates, so nothing repeats until every question of
    the pool has been asked once (then twice, and so on). A domain without a weight (RHIT's
    are not published) counts as an equal share.
    """
    if not pool:
        raise ValueError("the question pool is empty")
    fewest = min(asked_counts.get(question.id, 0) for question in pool)
    candidates = [q for q in pool if asked_counts.get(q.id, 0) == fewest]
    by_domain: dict[str, list[Q]] = {}
    for question in candidates:
        by_domain.setdefault(question.domain, []).append(question)
    domains = sorted(by_domain)
    shares = [_share(weights.get(domain)) for domain in domains]
    chosen = rng.choices(domains, weights=shares, k=1)[0]
    return rng.choice(by_domain[chosen])


def _share(weight: float | None) -> float:
    return 1.0 if weight is None or weight <= 0 else float(weight)


def shuffle_options(options: Sequence[str], correct: int, rng: random.Random) -> ShuffledOptions:
    """The options in a random order and where the correct one ended up."""
    order = list(range(len(options)))
    rng.shuffle(order)
    return ShuffledOptions(tuple(options[i] for i in order), order.index(correct))


def _normalise(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def exam_of(text: str | None) -> str | None:
    """'cehrs' → 'CEHRS'; None for anything the bank has no questions for."""
    wanted = (text or "").strip().upper()
    return wanted if wanted in EXAMS else None


def match_domain(domains: Iterable[Domain], text: str, prefer_exam: str = DEFAULT_EXAM
                 ) -> Domain | None:
    """The domain a user means by `text`: its id, its name, or a unique start of either.

    When a word fits domains of both exams (e.g. "compliance"), the `prefer_exam` one wins.
    """
    wanted = _normalise(text)
    if not wanted:
        return None
    every = list(domains)
    keys = {d.id: {_normalise(d.id), _normalise(d.name), _normalise(d.id.removeprefix("rhit_"))}
            for d in every}
    for test in (lambda k: wanted in k,
                 lambda k: any(key.startswith(wanted) for key in k),
                 lambda k: any(wanted in key for key in k)):
        found = [d for d in every if test(keys[d.id])]
        preferred = [d for d in found if d.exam == prefer_exam] or found
        if len(preferred) == 1:
            return preferred[0]
        if len(preferred) > 1:
            return None
    return None


def practice_exam(target: str | None) -> str:
    """The exam to practise for a target certification; CEHRS when the bank has none for it."""
    return exam_of(target) or DEFAULT_EXAM


def domain_weights(bank: QuizBank) -> dict[str, float | None]:
    return {domain.id: domain.weight for domain in bank.domains}


@dataclass(frozen=True)
class Focus:
    """What a user asked to practise: a whole exam, or one of its domains."""

    exam: str
    domain: Domain | None = None

    def pool(self, bank: QuizBank) -> Sequence[QuizQuestion]:
        return bank.for_domain(self.domain.id) if self.domain else bank.for_exam(self.exam)


def focus_from_text(bank: QuizBank, text: str, exam: str) -> Focus | None:
    """`""` → the whole `exam`; `rhit` → that exam; `clinical` → that domain; None if unknown."""
    if not text.strip():
        return Focus(exam)
    named_exam = exam_of(text)
    if named_exam:
        return Focus(named_exam)
    domain = match_domain(bank.domains, text, prefer_exam=exam)
    return Focus(domain.exam, domain) if domain else None


def group_quiz_wait(last_sent: datetime | None, now: datetime, cooldown: timedelta) -> int:
    """Whole seconds before a group may have another question on request (0: now); never
    more than the cooldown, even when the clock has stepped back."""
    if last_sent is None:
        return 0
    left = min((last_sent + cooldown - now).total_seconds(), cooldown.total_seconds())
    return max(0, math.ceil(left))


_ABOUT_WORDS = frozenset({"why", "how", "what", "explain", "explanation", "answer", "correct",
                          "wrong", "right", "reason", "huh", "confused", "understand"})


def asks_about_question(text: str) -> bool:
    """Whether a reply to a quiz poll asks about it ("why?", "what's the answer") rather than
    chatting ("thanks", "lol", "👍")."""
    words = set(re.findall(r"[a-z]+", text.lower()))
    return "?" in text or bool(words & _ABOUT_WORDS)
