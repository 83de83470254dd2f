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


def rank(scores: Iterable[Score], limit: int | None = 10) -> list[Place]:
    """Places by correct answers, then accuracy; equal results share a rank (1, 1, 3).

    The board shows `limit` places, and everyone tied with the last of them (so a tie is never
    cut by the alphabet); `None` shows everyone. Members who chose to hide keep their place
    (so the others' ranks stay honest) but appear as "Anonymous member" and without their user
    id. Members with no answers are left out.
    """
    places = _ranked(scores)
    if limit is None or len(places) <= limit:
        return places
    last_rank = places[limit - 1].rank
    return [place for place in places if place.rank <= last_rank]


def _ranked(scores: Iterable[Score]) -> list[Place]:
    ordered = sorted((s for s in scores if s.answered > 0),
                     key=lambda s: (-s.correct, -s.accuracy, s.name.casefold(), s.user_id))
    places: list[Place] = []
    previous: tuple[int, float] | None = None
    current_rank = 0
    for position, score in enumerate(ordered, start=1):
        result = (score.correct, score.accuracy)
        if result != previous:
            current_rank, previous = position, result
        places.append(Place(current_rank, ANONYMOUS if score.hidden else score.name,
                            score.answered, score.correct,
                            None if score.hidden else score.user_id))
    return places


@dataclass(frozen=True)
class Standing:
    """One member's place: `rank` of `ranked` members with answers (None: no answers yet)."""

    rank: int | None
    ranked: int
    tied: bool = False


def standing_of(scores: Iterable[Score], user_id: int) -> Standing:
    """The member's own place, hidden or not (it is shown to them only)."""
    every = list(scores)
    ranked = _ranked(Score(s.user_id, s.name, s.answered, s.correct) for s in every)
    mine = next((p for p in ranked if p.user_id == user_id), None)
    if mine is None:
        return Standing(None, len(ranked))
    tied = sum(1 for p in ranked if p.rank == mine.rank) > 1
    return Standing(mine.rank, len(ranked), tied)
