"""Searching the cards as typed in inline mode: names first, typos, unfinished words, defaults."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from knowledge.card_search import default_cards, search_cards
from knowledge.cards import cards
from knowledge.qa.corpus import knowledge_engine


def ids(query: str, limit: int = 20) -> list[str]:
    return [card.id for card in search_cards(query, limit)]


@pytest.mark.parametrize(("query", "first"), [
    ("rhit", "certification:RHIT"),
    ("RHIT", "certification:RHIT"),
    ("rhti", "certification:RHIT"),
    ("cehr", "certification:CEHRS"),
    ("Certified Coding Specialist", "certification:CCS"),
    ("texas", "state:TX"),
    ("tx", "state:TX"),
    ("coder", "side_path:coder"),
    ("health information manager", "stage:manager"),
])
def test_the_card_a_search_names_comes_first(query: str, first: str) -> None:
    assert ids(query)[0] == first


def test_a_certification_search_also_offers_related_cards() -> None:
    found = search_cards("rhit", 20)
    assert found[0].id == "certification:RHIT"
    assert "topic:cehrs_vs_rhit" in [card.id for card in found[1:]]
    assert {card.kind for card in found[1:]} >= {"topic", "stage"}


def test_an_unfinished_last_word_is_completed() -> None:
    found = ids("rhi", 6)
    assert {"certification:RHIT", "certification:RHIA"} <= set(found)
    assert ids("cehrs exa", 3)[0] == "certification:CEHRS"


def test_a_completion_only_applies_to_the_last_word() -> None:
    assert knowledge_engine().search("rhi", 5)
    assert knowledge_engine().vocabulary.expand("rhi")[0].terms == ()


@pytest.mark.parametrize("query", ["", "   ", "!!!", "🙂🙂", "<>&"])
def test_a_search_without_words_offers_certifications_then_stages(query: str) -> None:
    found = search_cards(query, 50)
    assert found == list(default_cards())
    kinds = [card.kind for card in found]
    assert kinds == sorted(kinds, key=["certification", "stage"].index)
    assert {"certification:RHIT", "stage:entry"} <= set(ids(query, 50))


def test_nothing_related_finds_nothing() -> None:
    assert search_cards("weather in paris", 10) == []
    assert search_cards("zzzz", 10) == []


def test_limit_is_respected_and_results_are_unique() -> None:
    assert search_cards("rhit", 0) == []
    assert len(search_cards("", 3)) == 3
    found = search_cards("pay", 50)
    assert len(found) == 50
    assert len({card.id for card in found}) == 50


def test_a_salary_band_card_carries_its_figures_and_source() -> None:
    card = search_cards("entry level technician pay", 5)
    stage = next(c for c in card if c.id == "stage:entry")
    assert "$" in stage.text and "Pay bands" in stage.text
    assert stage.sources


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gets_a_bounded_list_of_known_cards(query: str) -> None:
    found = search_cards(query, 20)
    assert len(found) <= 20
    assert set(found) <= set(cards())
