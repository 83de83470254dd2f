"""Free-text questions answered from the knowledge entries (pure: no Telegram, no database)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from importlib.resources.abc import Traversable

import yaml
from pydantic import BaseModel, ConfigDict

from knowledge.loader import DATA_DIR, YAML_LOADER
from knowledge.qa.engine import Answer, Engine, Entry, Intent, Outcome
from knowledge.qa.semantic import wordllama_model
from knowledge.qa.specifics import place_specifics
from knowledge.store import load_knowledge

SYNONYMS_FILE = DATA_DIR / "synonyms.yaml"

__all__ = ["Answer", "Engine", "Entry", "Intent", "Outcome", "build_engine"]


class SynonymFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    synonyms: dict[str, list[str]]
    intents: dict[Intent, list[str]]
    specifics: dict[str, list[str]] = {}
    unpaid: list[str] = []


@cache
def load_synonyms(path: Traversable = SYNONYMS_FILE) -> SynonymFile:
    """synonyms.yaml, validated; parsed once per process (the start-up check and the build
    share it)."""
    with path.open(encoding="utf-8") as handle:
        return SynonymFile.model_validate(yaml.load(handle, Loader=YAML_LOADER))


def build_engine(entries: Sequence[Entry], path: Traversable = SYNONYMS_FILE) -> Engine:
    """The engine over `entries`; its specifics are synonyms.yaml's and the US places of
    cities.yaml (a place is answered only by an entry naming it by one of its names); the roles
    whose pay it declines are synonyms.yaml's `unpaid`."""
    data = load_synonyms(path)
    places = place_specifics(city.names for city in load_knowledge().cities)
    return Engine(entries, data.synonyms, data.intents, data.specifics, wordllama_model(),
                  places, data.unpaid)
