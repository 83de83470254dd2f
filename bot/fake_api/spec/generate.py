"""Regenerate `bot_api.json`, the Bot API definitions the stand-in checks every call against.

    python -m bot.fake_api.spec.generate [path/to/aiogram-X.Y.Z.tar.gz]

The source is the machine-readable copy of Telegram's Bot API page that aiogram publishes in its
source distribution on PyPI (`.butcher/schema/schema.json`, parsed from
https://core.telegram.org/bots/api, plus `.butcher/enums/*.yml`, which say which fields take
which fixed values). Without a path the pinned sdist is fetched with `pip download`. Only what the
checks need is kept: each method's parameters, the input types they reach, each field's spec
type and whether it is required, and the fixed values of enumerated fields.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any

import yaml

AIOGRAM = "aiogram==3.31.0"
OUTPUT = Path(__file__).with_name("bot_api.json")
# Input parameters whose values the enum files only attach to the matching output type.
_EXTRA_ENUMS = [
    ("methods", "sendPoll", "type", "'([a-z]+)'"),
    ("types", "InlineKeyboardButton", "style", "'([a-z]+)'"),
    ("types", "KeyboardButton", "style", "'([a-z]+)'"),
]
_PRIMITIVES = {"Integer", "String", "Boolean", "Float", "True", "InputFile"}


def _sdist(argv: list[str]) -> Path:
    if argv:
        return Path(argv[0])
    target = Path(tempfile.mkdtemp())
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
                    "--quiet", "-d", str(target), AIOGRAM], check=True)
    return next(target.glob("aiogram-*.tar.gz"))


def _read(archive: tarfile.TarFile, suffix: str) -> list[tuple[str, bytes]]:
    found = []
    for member in archive.getmembers():
        if member.isfile() and re.search(suffix, member.name):
            handle = archive.extractfile(member)
            assert handle is not None
            found.append((member.name, handle.read()))
    return found


def _type_names(spec_type: str) -> set[str]:
    """The object types a spec type such as 'Array of InputMediaPhoto or String' refers to."""
    words = re.split(r"\s+|,", spec_type.replace("Array of", " "))
    return {w for w in words if w and w not in {"or", "and"} and w not in _PRIMITIVES}


def _one_of(entry: dict[str, Any]) -> list[str]:
    """The concrete types of an abstract one ('... the following types: - A - B')."""
    return re.findall(r"^ - (\w+)$", entry.get("description", ""), re.MULTILINE)


def _enum_values(entry: dict[str, Any], attribute: str, regexp: str, fmt: str | None) -> list[str]:
    """The fixed values that `regexp` finds in the description of `entry`'s `attribute`."""
    for field in entry.get("annotations", []):
        if field["name"] == attribute:
            text = field["rst_description" if fmt == "rst" else "description"]
            return list(dict.fromkeys(re.findall(regexp, text)))
    return []  # an enum file can name a field the page has since dropped


def build(sdist: Path) -> dict[str, Any]:
    with tarfile.open(sdist) as archive:
        schema = json.loads(_read(archive, r"\.butcher/schema/schema\.json$")[0][1])
        enum_files = [yaml.safe_load(raw) for _, raw in _read(archive, r"\.butcher/enums/.*\.yml$")]
    entries: dict[str, dict[str, Any]] = {}
    categories: dict[str, str] = {}
    for group in schema["items"]:
        for entry in group["children"]:
            entries[entry["name"]] = entry
            categories[entry["name"]] = "methods" if entry["name"][0].islower() else "types"

    enums: dict[str, list[str]] = {}
    parse_modes = list(next(e for e in enum_files if e["name"] == "ParseMode")["static"].values())
    for enum in enum_files:
        if "parse" in enum:
            rule = enum["parse"]
            enums[f"{rule['entity']}.{rule['attribute']}"] = _enum_values(
                entries[rule["entity"]], rule["attribute"], rule["regexp"], rule.get("format"))
        if "multi_parse" in enum:
            rule = enum["multi_parse"]
            for name in rule["entities"]:
                if name in entries:
                    enums[f"{name}.{rule['attribute']}"] = _enum_values(
                        entries[name], rule["attribute"], rule["regexp"], rule.get("format"))
        if enum["name"] == "UpdateType":
            update_fields = [f["name"] for f in entries["Update"]["annotations"]]
            enums["allowed_updates"] = [f for f in update_fields
                                        if f not in enum["extract"]["exclude"]]
    for category, name, attribute, regexp in _EXTRA_ENUMS:
        assert categories[name] == category, name
        enums[f"{name}.{attribute}"] = _enum_values(entries[name], attribute, regexp, None)

    def fields(entry: dict[str, Any]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for field in entry.get("annotations", []):
            described: dict[str, Any] = {"type": field["type"], "required": field["required"]}
            key = f"{entry['name']}.{field['name']}"
            if field["name"] == "parse_mode" or field["name"].endswith("_parse_mode"):
                described["enum"] = parse_modes
            elif field["name"] == "allowed_updates":
                described["enum"] = enums["allowed_updates"]
            elif enums.get(key):
                described["enum"] = enums[key]
            result[field["name"]] = described
        return result

    methods = {name: fields(entry) for name, entry in sorted(entries.items())
               if categories[name] == "methods"}
    # Only the types a method's parameters can reach: what the bot sends, not what it receives.
    wanted: set[str] = set()
    todo = [n for params in methods.values() for p in params.values()
            for n in _type_names(p["type"])]
    while todo:
        name = todo.pop()
        if name in wanted or name not in entries:
            continue
        wanted.add(name)
        entry = entries[name]
        todo += _one_of(entry) if not entry.get("annotations") else [
            n for f in entry["annotations"] for n in _type_names(f["type"])]
    types: dict[str, Any] = {}
    for name in sorted(wanted):
        entry = entries[name]
        types[name] = fields(entry) if entry.get("annotations") else {"one_of": _one_of(entry)}
    return {
        "bot_api": schema["api"]["version"],
        "release_date": schema["api"]["release_date"],
        "source": f"{AIOGRAM} sdist, .butcher/schema/schema.json and .butcher/enums "
                  "(parsed from https://core.telegram.org/bots/api)",
        "methods": methods,
        "types": types,
    }


def main(argv: list[str]) -> None:
    spec = build(_sdist(argv))
    OUTPUT.write_text(json.dumps(spec, separators=(",", ":"), sort_keys=False) + "\n")
    print(f"Bot API {spec['bot_api']}: {len(spec['methods'])} methods, "
          f"{len(spec['types'])} types -> {OUTPUT}")


if __name__ == "__main__":
    main(sys.argv[1:])
