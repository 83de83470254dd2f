"""Ranking a cohort's members."""

from __future__ import annotations

from knowledge.leaderboard import ANONYMOUS, Score, rank


def test_ranked_by_correct_then_accuracy_with_shared_ranks() -> None:
    places = rank([
        Score(1, "Ann", answered=10, correct=6),
        Score(2, "Bo", answered=6, correct=6),
        Score(3, "Cy", answered=10, correct=6),
        Score(4, "Di", answered=3, correct=1),
        Score(5, "Ed", answered=0, correct=0),
    ])
    assert [(p.rank, p.name) for p in places] == [(1, "Bo"), (2, "Ann"), (2, "Cy"), (4, "Di")]


def test_hidden_members_keep_their_place_anonymously() -> None:
    places = rank([Score(1, "Ann", 5, 5, hidden=True), Score(2, "Bo", 5, 4)])
    assert [(p.rank, p.name, p.user_id) for p in places] == [(1, ANONYMOUS, None), (2, "Bo", 2)]


def test_limit() -> None:
    scores = [Score(i, f"M{i}", 10, i) for i in range(20)]
    places = rank(scores, limit=5)
    assert [p.correct for p in places] == [19, 18, 17, 16, 15]
