"""Reading and validating the data files; a broken file raises KnowledgeDataError naming the
file, the entry and the field, so the bot stops at start-up with a useful message."""

from __future__ import annotations

import re
from collections.abc import Iterator
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from knowledge.models import (
    CareerFile,
    CertificationsFile,
    CitiesFile,
    SalaryFile,
    SourcesFile,
    StatesFile,
    TopicsFile,
)

# Read through importlib.resources, so an installed wheel finds its data wherever it lives.
DATA_DIR: Traversable = files("knowledge") / "data"

FILES: dict[str, type[BaseModel]] = {
    "sources.yaml": SourcesFile,
    "salary.yaml": SalaryFile,
    "states.yaml": StatesFile,
    "cities.yaml": CitiesFile,
    "certifications.yaml": CertificationsFile,
    "career.yaml": CareerFile,
    "topics.yaml": TopicsFile,
}

FIGURE_PLACEHOLDER = re.compile(r"\[fig:([a-z0-9_]+)\]")
_TYPED_MONEY = re.compile(r"\$\s?\d")
_NAME_KEYS = ("id", "code", "state", "goal", "name", "title", "level", "label")
Path_ = tuple[str | int, ...]
# The C parser when libyaml is there; every YAML file of the knowledge module is read with it.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class KnowledgeDataError(ValueError):
    """A data file that is missing, unreadable or invalid."""

    def __init__(self, file: str, entry: str, field: str, problem: str) -> None:
        super().__init__(f"knowledge/data/{file}: entry {entry}, field '{field}': {problem}")
        self.file = file
        self.entry = entry
        self.field = field
        self.problem = problem


def _entry_name(raw: Any, loc: Path_) -> tuple[str, str]:
    """Split a location into the entry it is in (named by its id where it has one) and the field."""
    node = raw
    for depth, key in enumerate(loc):
        if isinstance(key, int) and isinstance(node, list) and key < len(node):
            item = node[key]
            collection = ".".join(str(part) for part in loc[:depth])
            name = next((str(item[k]) for k in _NAME_KEYS
                         if isinstance(item, dict) and k in item), None)
            label = f"{collection}[{key}]" + (f" '{name}'" if name else "")
            field = ".".join(str(part) for part in loc[depth + 1:]) or "(the entry itself)"
            return label, field
        node = node.get(key) if isinstance(node, dict) else None
    if not loc:
        return "(top level)", "(the file itself)"
    rest = ".".join(str(part) for part in loc[1:])
    return f"'{loc[0]}'", rest or "(the section itself)"


def _read(directory: Traversable, file: str) -> Any:
    path = directory / file
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=YAML_LOADER)
    except FileNotFoundError as error:
        raise KnowledgeDataError(file, "(top level)", "(the file itself)", "file not found") \
            from error
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else "(unknown line)"
        raise KnowledgeDataError(file, where, "(syntax)", f"not valid YAML: {error}") from error


def parse_file(directory: Traversable, file: str) -> tuple[Any, BaseModel]:
    """The raw data and its validated model; KnowledgeDataError on the first problem."""
    raw = _read(directory, file)
    try:
        return raw, FILES[file].model_validate(raw)
    except ValidationError as error:
        first = error.errors()[0]
        loc = tuple(first["loc"])
        # Pydantic adds the union member's name to locations inside a union; drop those.
        loc = tuple(part for part in loc if not (isinstance(part, str) and part[:1].isupper()))
        entry, field = _entry_name(raw, loc)
        raise KnowledgeDataError(file, entry, field, first["msg"]) from error


def walk(node: Any, loc: Path_ = ()) -> Iterator[tuple[Path_, Any]]:
    """Every (location, value) pair under a parsed YAML document."""
    yield loc, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from walk(value, (*loc, str(key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from walk(value, (*loc, index))


def fail(file: str, raw: Any, loc: Path_, problem: str) -> KnowledgeDataError:
    entry, field = _entry_name(raw, loc)
    return KnowledgeDataError(file, entry, field, problem)


def check_texts(file: str, raw: Any, figure_ids: frozenset[str]) -> None:
    """Figures inside texts must be [fig:ID] placeholders of known figures, never typed dollars."""
    for loc, value in walk(raw):
        if not isinstance(value, str) or (loc and loc[-1] in {"note", "url"}):
            continue
        for figure_id in FIGURE_PLACEHOLDER.findall(value):
            if figure_id not in figure_ids:
                raise fail(file, raw, loc, f"unknown figure [fig:{figure_id}]")
        if file in {"topics.yaml", "career.yaml"} and _TYPED_MONEY.search(value):
            raise fail(file, raw, loc, "a dollar figure must be a [fig:ID] placeholder")


def check_references(file: str, raw: Any, keys: frozenset[str], known: frozenset[str],
                     what: str) -> None:
    """Every value under one of `keys` (a string or a list of strings) must be in `known`."""
    for loc, value in walk(raw):
        if not loc or loc[-1] not in keys:
            continue
        for ref in value if isinstance(value, list) else [value]:
            if isinstance(ref, str) and ref not in known:
                raise fail(file, raw, loc, f"unknown {what} '{ref}'")


def check_unique(file: str, raw: Any, collection: str, key: str) -> None:
    seen: set[str] = set()
    for index, item in enumerate(raw.get(collection) or []):
        value = str(item.get(key)) if isinstance(item, dict) else ""
        if value in seen:
            raise fail(file, raw, (collection, index, key), f"duplicate {key} '{value}'")
        seen.add(value)
