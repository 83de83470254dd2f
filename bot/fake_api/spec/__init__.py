"""The Bot API's methods and input types (vendored `bot_api.json`, see generate.py), and the check
of one call against them: unknown methods and parameters, missing required ones, wrong types,
values outside an enumeration, and JSON serialisation slips such as an empty list for a string.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

# Parameters of free text, where a value such as "[]" is something a user may well have typed.
_TEXT_FIELDS = frozenset({"text", "caption", "question", "explanation", "message_text",
                          "description", "title", "quote", "short_description"})
_DISCRIMINATORS = ("type", "source", "status")


@dataclass(frozen=True)
class Field:
    type: str
    required: bool
    enum: tuple[str, ...] | None = None


@dataclass(frozen=True)
class BotApiSpec:
    version: str
    methods: dict[str, dict[str, Field]]
    objects: dict[str, dict[str, Field]]
    unions: dict[str, tuple[str, ...]]
    # The required parameters of each method and fields of each object type, by name.
    required: dict[str, tuple[str, ...]]


def _fields(raw: dict[str, Any]) -> dict[str, Field]:
    return {name: Field(f["type"], f["required"], tuple(f["enum"]) if "enum" in f else None)
            for name, f in raw.items()}


@cache
def load() -> BotApiSpec:
    raw = json.loads(resources.files(__package__).joinpath("bot_api.json").read_text())
    objects = {name: _fields(t) for name, t in raw["types"].items() if "one_of" not in t}
    unions = {name: tuple(t["one_of"]) for name, t in raw["types"].items() if "one_of" in t}
    methods = {name: _fields(params) for name, params in raw["methods"].items()}
    required = {name: tuple(key for key, field in fields.items() if field.required)
                for name, fields in (methods | objects).items()}
    return BotApiSpec(raw["bot_api"], methods, objects, unions, required)


@cache
def _alternatives(spec_type: str) -> tuple[str, ...]:
    """'Integer or String' -> ['Integer', 'String']; 'Array of A, B and C' -> one array type."""
    if spec_type.startswith("Array of "):
        return (spec_type,)
    return tuple(part.strip() for part in spec_type.split(" or "))


@cache
def _array_items(spec_type: str) -> str:
    inner = spec_type.removeprefix("Array of ")
    return inner if inner.startswith("Array of ") else " or ".join(
        part.strip() for part in inner.replace(" and ", ", ").split(","))


def _kind(value: object) -> str:
    return {bool: "Boolean", int: "Integer", float: "Float", str: "String", list: "Array",
            dict: "Object", type(None): "null"}.get(type(value), type(value).__name__)


class _Checker:
    def __init__(self, spec: BotApiSpec, uploads: frozenset[str]) -> None:
        self.spec = spec
        self.uploads = uploads

    def value(self, where: str, spec_type: str, value: object) -> str | None:
        problems = []
        for alternative in _alternatives(spec_type):
            problem = self._one(where, alternative, value)
            if problem is None:
                return None
            problems.append(problem)
        object_problems = [p for p in problems if p and not p.startswith(f"{where}: expected")]
        return object_problems[0] if object_problems else \
            f"{where}: expected {spec_type}, got {_kind(value)}"

    def _one(self, where: str, spec_type: str, value: object) -> str | None:
        if spec_type.startswith("Array of "):
            if not isinstance(value, list):
                return f"{where}: expected {spec_type}"
            items = _array_items(spec_type)
            for index, item in enumerate(value):
                problem = self.value(f"{where}[{index}]", items, item)
                if problem:
                    return problem
            return None
        if spec_type == "Integer":
            ok = isinstance(value, int) and not isinstance(value, bool)
        elif spec_type == "Float":
            ok = isinstance(value, int | float) and not isinstance(value, bool)
        elif spec_type == "String":
            ok = isinstance(value, str)
        elif spec_type == "Boolean":
            ok = isinstance(value, bool)
        elif spec_type == "True":
            ok = value is True
        elif spec_type == "InputFile":
            ok = isinstance(value, str) and value.startswith("attach://") \
                and value.removeprefix("attach://") in self.uploads
        elif spec_type in self.spec.unions:
            return self._union(where, spec_type, value)
        elif spec_type in self.spec.objects:
            return self.object(where, spec_type, self.spec.objects[spec_type], value)
        else:
            return f"{where}: the spec has no type {spec_type}"
        return None if ok else f"{where}: expected {spec_type}"

    def _union(self, where: str, name: str, value: object) -> str | None:
        if not isinstance(value, dict):
            return f"{where}: expected {name}"
        candidates = list(self.spec.unions[name])
        for key in _DISCRIMINATORS:
            tagged = [c for c in candidates
                      if (f := self.spec.objects.get(c, {}).get(key)) and f.enum]
            if tagged and key in value:
                candidates = [c for c in tagged if value[key] in self.spec.objects[c][key].enum]
                if not candidates:
                    return f"{where}.{key}: {value[key]!r} is none of the kinds of {name}"
        problems = []
        for candidate in candidates:
            problem = self._one(where, candidate, value)
            if problem is None:
                return None
            problems.append(problem)
        # Report against the kind whose fields the value shares most.
        overlap = [len(set(value) & set(self.spec.objects.get(c, {}))) for c in candidates]
        return problems[overlap.index(max(overlap))]

    def object(self, where: str, name: str, fields: dict[str, Field],
               value: object) -> str | None:
        if not isinstance(value, dict):
            return f"{where}: expected {name}"
        label, part = (f"{where}: {name}", "field") if where else (name, "parameter")
        for key, item in value.items():
            field = fields.get(key)
            if field is None:
                return f"{label} has no {part} {key!r}"
            if item is not None:
                problem = self.field(f"{where}.{key}" if where else key, key, field, item)
                if problem:
                    return problem
        for key in self.spec.required[name]:
            if value.get(key) is None and not (not where and key in self.uploads):
                return f"{label} requires {key!r}"
        return None

    def field(self, where: str, key: str, field: Field, value: object) -> str | None:
        if isinstance(value, str) and value in {"[]", "{}"} and key not in _TEXT_FIELDS \
                and "String" in _alternatives(field.type):
            return f"{where}: {value!r} is a serialised empty list or object, not a string"
        problem = self.value(where, field.type, value)
        if problem:
            return problem
        if field.enum is not None:
            values = value if isinstance(value, list) else [value]
            wrong = [v for v in values if v not in field.enum]
            if wrong:
                return f"{where}: {wrong[0]!r} is not one of {', '.join(field.enum)}"
        return None


def decode_form(method: str, fields: dict[str, str]) -> dict[str, Any]:
    """Form fields as Telegram reads them: a parameter of type String as it came, any other as
    JSON (a value that is not JSON stays a string, for the type check to refuse)."""
    params = load().methods.get(method, {})
    decoded: dict[str, Any] = {}
    for name, raw in fields.items():
        if name in params and params[name].type == "String":
            decoded[name] = raw
            continue
        try:
            decoded[name] = json.loads(raw)
        except ValueError:
            decoded[name] = raw
    return decoded


def call_problem(method: str, params: dict[str, Any],
                 uploads: frozenset[str] = frozenset()) -> str | None:
    """Why the Bot API (its published definitions) refuses `method` with `params`, or None.

    `params` hold decoded JSON values; `uploads` the names of the multipart files sent with it
    (an InputFile parameter is one of them, or refers to one as "attach://<name>").
    """
    spec = load()
    if method not in spec.methods:
        return f"there is no method {method!r} in Bot API {spec.version}"
    checker = _Checker(spec, uploads)
    return checker.object("", method, spec.methods[method], params)
