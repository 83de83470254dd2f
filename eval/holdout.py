"""Leave-near-duplicates-out: judge each dev question with the engine built without the example
questions that are near copies of it.

Dev questions and the entries' example questions (qa.yaml, the card templates) were written
together, so many dev questions have an almost identical example in the index; scored with it,
dev measures recall of a phrasing the index holds, not a new one. Here each dev question is
answered by an engine whose entries lack every example within NEAR_DUPLICATE (rapidfuzz token
sort ratio, 0-100) of it, as if the index had never seen that phrasing.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from rapidfuzz import fuzz, process

from knowledge.qa import Engine, Entry, build_engine
from knowledge.qa.corpus import knowledge_engine, knowledge_entries

NEAR_DUPLICATE = 85.0


@cache
def _entries() -> tuple[Entry, ...]:
    return tuple(knowledge_entries())


@cache
def _examples() -> tuple[str, ...]:
    return tuple(dict.fromkeys(q.lower() for entry in _entries() for q in entry.questions))


def near_duplicates(question: str) -> frozenset[str]:
    """The example questions (lower-cased) within NEAR_DUPLICATE of `question`."""
    found = process.extract(question.lower(), _examples(), scorer=fuzz.token_sort_ratio,
                            score_cutoff=NEAR_DUPLICATE, limit=None)
    return frozenset(text for text, _, _ in found)


@cache
def _engine_without(excluded: frozenset[str]) -> Engine:
    return build_engine([replace(entry, questions=tuple(q for q in entry.questions
                                                        if q.lower() not in excluded))
                         for entry in _entries()])


def holdout_engine(question: str) -> Engine:
    """The engine that has never seen `question`'s phrasing (the normal one when no example is
    a near copy of it)."""
    excluded = near_duplicates(question)
    return _engine_without(excluded) if excluded else knowledge_engine()
