"""Ranking a cohort's members."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

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


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 20), st.integers(0, 20), st.booleans()), max_size=30))
def test_ranks_never_go_down_and_equal_results_share_a_rank(
        raw: list[tuple[int, int, bool]]) -> None:
    scores = [Score(i, f"m{i}", max(a, c), min(a, c), hidden)
              for i, (a, c, hidden) in enumerate(raw)]
    places = rank(scores, limit=100)
    assert len(places) == sum(1 for s in scores if s.answered)
    for before, after in pairwise(places):
        assert before.rank <= after.rank
        same = (before.correct, before.correct / before.answered) == \
            (after.correct, after.correct / after.answered)
        assert (before.rank == after.rank) == same
    assert all(p.name == ANONYMOUS for p in places if p.user_id is None)
