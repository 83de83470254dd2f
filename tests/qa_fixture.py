"""A tiny corpus for the free-text engine, independent of the real knowledge data."""

from __future__ import annotations

from pathlib import Path

import yaml

from knowledge.qa import Engine, Entry, Intent, build_engine

FIXTURE = Path(__file__).parent / "fixtures" / "qa_entries.yaml"


def fixture_entries() -> list[Entry]:
    items = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    return [Entry(
        id=item["id"], title=item["title"], answer=item["answer"],
        keywords=tuple(item.get("keywords", ())), sources=tuple(item.get("sources", ())),
        related=tuple(item.get("related", ())), command=item.get("command", ""),
        intents=frozenset(Intent(name) for name in item.get("intents", ())),
        subjects=frozenset(item.get("subjects", ())),
    ) for item in items]


def fixture_engine() -> Engine:
    return build_engine(fixture_entries())
