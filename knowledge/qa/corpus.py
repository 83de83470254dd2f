"""The knowledge entries the free-text engine answers from."""

from __future__ import annotations

from knowledge.qa import Engine, Entry, build_engine


def knowledge_entries() -> list[Entry]:
    """Every answerable entry of the knowledge module (topics, certifications, stages, states)."""
    return []


def knowledge_engine() -> Engine:
    return build_engine(knowledge_entries())
