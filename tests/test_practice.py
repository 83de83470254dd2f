"""Choosing practice questions: weights, no repeats, shuffling, narrowing by domain."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from knowledge.practice import (
    Focus,
    asks_about_question,
    domain_weights,
    focus_from_text,
    group_quiz_wait,
    match_domain,
    pick_question,
    practice_exam,
    shuffle_options,
)
from knowledge.quiz_bank import load_quiz_bank


def test_no_question_repeats_until_the_pool_is_used_up() -> None:
    bank = load_quiz_bank()
    pool = bank.for_exam("CEHRS")
    weights = domain_weights(bank)
    rng = random.Random(7)
    asked: Counter[str] = Counter()
    for _ in range(len(pool)):
        asked[pick_question(pool, asked, weights, rng).id] += 1
    assert set(asked) == {q.id for q in pool} and set(asked.values()) == {1}
    asked[pick_question(pool, asked, weights, rng).id] += 1
    assert sorted(asked.values())[-1] == 2


@dataclass(frozen=True)
class Item:
    id: str
    domain: str


def test_domains_are_drawn_in_proportion_to_their_weights() -> None:
    weights = {"a": 0.5, "b": 0.3, "c": 0.2}
    pool = [Item(f"{d}{i}", d) for d in ("a", "b", "c") for i in range(3 if d == "a" else 8)]
    rng = random.Random(1)
    drawn = Counter(pick_question(pool, {}, weights, rng).domain for _ in range(4000))
    for domain, weight in weights.items():
        assert abs(drawn[domain] / 4000 - weight) < 0.03, domain


def test_unweighted_domains_get_equal_shares() -> None:
    pool = [Item(f"{d}{i}", d) for d in ("x", "y") for i in range(1 if d == "x" else 9)]
    rng = random.Random(5)
    drawn = Counter(pick_question(pool, {}, {"x": None}, rng).domain for _ in range(3000))
    assert abs(drawn["x"] / 3000 - 0.5) < 0.04


def test_weights_apply_among_the_least_asked_only() -> None:
    pool = [Item("a1", "a"), Item("b1", "b")]
    rng = random.Random(2)
    assert {pick_question(pool, {"a1": 1}, {"a": 0.99, "b": 0.01}, rng).id
            for _ in range(50)} == {"b1"}


def test_an_empty_pool_is_refused() -> None:
    with pytest.raises(ValueError, match="empty"):
        pick_question([], {}, {}, random.Random())


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=5), min_size=2, max_size=10, unique=True),
       st.data())
def test_shuffle_keeps_the_correct_option(options: list[str], data: st.DataObject) -> None:
    correct = data.draw(st.integers(0, len(options) - 1))
    shuffled = shuffle_options(options, correct, random.Random(data.draw(st.integers())))
    assert sorted(shuffled.options) == sorted(options)
    assert shuffled.options[shuffled.correct] == options[correct]


def test_domains_are_found_by_id_name_or_start() -> None:
    domains = load_quiz_bank().domains
    assert match_domain(domains, "clinical").id == "clinical"  # type: ignore[union-attr]
    assert match_domain(domains, "Revenue cycle").id == "revenue_cycle"  # type: ignore[union-attr]
    assert match_domain(domains, "non-clinical").id == "non_clinical"  # type: ignore[union-attr]
    assert match_domain(domains, "compliance").id == "compliance"  # type: ignore[union-attr]
    found = match_domain(domains, "compliance", prefer_exam="RHIT")
    assert found is not None and found.id == "rhit_compliance"
    assert match_domain(domains, "privacy").id == "rhit_privacy"  # type: ignore[union-attr]
    assert match_domain(domains, "astrology") is None
    assert match_domain(domains, "  ") is None


def test_focus_from_text() -> None:
    bank = load_quiz_bank()
    assert focus_from_text(bank, "", "CEHRS") == Focus("CEHRS")
    assert focus_from_text(bank, "rhit", "CEHRS") == Focus("RHIT")
    focus = focus_from_text(bank, "reporting", "CEHRS")
    assert focus is not None and focus.domain is not None and focus.domain.id == "reporting"
    assert all(q.domain == "reporting" for q in focus.pool(bank))
    assert focus_from_text(bank, "zzz", "CEHRS") is None


def test_practice_exam_falls_back_to_cehrs() -> None:
    assert practice_exam("RHIT") == "RHIT"
    assert practice_exam("CPC") == "CEHRS"
    assert practice_exam(None) == "CEHRS"


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from("abc"), min_size=1, max_size=12), st.integers(0, 2**16))
def test_every_question_once_before_any_twice(domains: list[str], seed: int) -> None:
    pool = [Item(f"q{i}", domain) for i, domain in enumerate(domains)]
    rng = random.Random(seed)
    asked: Counter[str] = Counter()
    for _ in range(2 * len(pool)):
        asked[pick_question(pool, asked, {"a": 0.7, "b": 0.2}, rng).id] += 1
        assert max(asked.values()) - min(asked.get(q.id, 0) for q in pool) <= 1


def test_group_quiz_wait_counts_down_whole_seconds() -> None:
    sent = datetime(2026, 11, 23, 12, 0, 0, tzinfo=UTC)
    cooldown = timedelta(seconds=30)
    assert group_quiz_wait(None, sent, cooldown) == 0
    assert group_quiz_wait(sent, sent, cooldown) == 30
    assert group_quiz_wait(sent, sent + timedelta(seconds=0.5), cooldown) == 30  # rounded up
    assert group_quiz_wait(sent, sent + timedelta(seconds=29.5), cooldown) == 1
    assert group_quiz_wait(sent, sent + cooldown, cooldown) == 0
    assert group_quiz_wait(sent, sent + timedelta(hours=1), cooldown) == 0
    assert group_quiz_wait(sent, sent - timedelta(hours=2), cooldown) == 30  # clock stepped back


def test_a_reply_asks_about_the_poll_only_when_it_asks() -> None:
    for text in ("why?", "Why", "what's the answer", "I don't understand", "explain pls", "?"):
        assert asks_about_question(text), text
    for text in ("thanks!", "lol", "👍", "nice one", "got it"):
        assert not asks_about_question(text), text
