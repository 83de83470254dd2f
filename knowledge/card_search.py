"""Finding cards for a short search as it is typed (inline mode): `search_cards("rhit", 20)`.

The free-text engine (knowledge/qa) does the matching — synonyms, typo correction, an unfinished
last word — and the cards a search names exactly (a code, a title, a keyword) come first.
"""

from __future__ import annotations

from functools import cache

from knowledge.cards import Card, cards
from knowledge.qa.corpus import knowledge_engine
from knowledge.qa.text import words

# Inline queries are at most 256 characters; anything longer is cut, never refused.
MAX_QUERY = 256
DEFAULT_KINDS = ("certification", "stage")
ANSWER_ONLY_KINDS = frozenset({"cert_aspect"})


def _name(text: str) -> str:
    return " ".join(words(text))


@cache
def _cards_by_name() -> dict[str, tuple[Card, ...]]:
    """Each card under its names, folded: its code (the end of its id), its title and, but for
    topics (whose keywords are only search aids), its keywords ("texas", "tx", "ahima")."""
    named: dict[str, list[Card]] = {}
    for card in cards():
        if card.kind in ANSWER_ONLY_KINDS:
            continue
        keywords = card.keywords if card.kind != "topic" else ()
        names = {_name(card.id.split(":", 1)[1]), _name(card.title),
                 *(_name(keyword) for keyword in keywords)}
        for name in names - {""}:
            named.setdefault(name, []).append(card)
    return {name: tuple(found) for name, found in named.items()}


@cache
def _cards_by_id() -> dict[str, Card]:
    return {card.id: card for card in cards()}


@cache
def default_cards() -> tuple[Card, ...]:
    """What an empty search offers: the certifications, then the career stages."""
    return tuple(card for kind in DEFAULT_KINDS for card in cards() if card.kind == kind)


def search_cards(query: str, limit: int) -> list[Card]:
    """Up to `limit` cards for `query`, best first; the defaults for an empty one, none when
    nothing in the knowledge relates to it."""
    if limit <= 0:
        return []
    text = query[:MAX_QUERY]
    if not words(text):
        return list(default_cards()[:limit])
    engine = knowledge_engine()
    by_id = _cards_by_id()
    # A certification's parts (its fee, its renewal…) answer questions; a search lists the whole.
    found = [card for card in (by_id[entry.id] for entry in engine.search(text, limit + 8))
             if card.kind not in ANSWER_ONLY_KINDS]
    corrected = " ".join(word.text for word in engine.vocabulary.expand(text))
    by_name = _cards_by_name()
    typed = _name(text)
    # A name still being typed ("rhi") names what it begins (RHIA, RHIT) when nothing is exact.
    completions = engine.vocabulary.complete(typed) if " " not in typed else ()
    named = [card for name in dict.fromkeys((typed, corrected, *completions))
             for card in by_name.get(name, ())]
    return list(dict.fromkeys([*named, *found]))[:limit]
