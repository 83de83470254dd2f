"""Ranking a cohort's members by their practice results."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

ANONYMOUS = "Anonymous member"


@dataclass(frozen=True)
class Score:
    user_id: int
    name: str
    answered: int
    correct: int
    hidden: bool = False

    @property
    def accuracy(self) -> float:
        return self.correct / self.answered if self.answered else 0.0


@dataclass(frozen=True)
class Place:
    rank: int
    name: str
    answered: int
    correct: int
    user_id: int | None


def rank(scores: Iterable[Score], limit: int = 10) -> list[Place]:
    """Places by correct answers, then accuracy; equal results share a rank (1, 1, 3).

    Members who chose to hide keep their place (so the others' ranks stay honest) but appear
    as "Anonymous member" and without their user id. Members with no answers are left out.
    """
    ordered = sorted((s for s in scores if s.answered > 0),
                     key=lambda s: (-s.correct, -s.accuracy, s.name.casefold(), s.user_id))
    places: list[Place] = []
    previous: tuple[int, float] | None = None
    current_rank = 0
    for position, score in enumerate(ordered, start=1):
        result = (score.correct, score.accuracy)
        if result != previous:
            current_rank, previous = position, result
        if len(places) == limit:
            break
        places.append(Place(current_rank, ANONYMOUS if score.hidden else score.name,
                            score.answered, score.correct,
                            None if score.hidden else score.user_id))
    return places
