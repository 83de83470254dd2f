"""Writing knowledge/data/english_zipf.txt (knowledge/qa/english.py's table) from the word list
inside the installed pyspellchecker: `python -m knowledge.qa.english_source`.

The list (the file SpellChecker(language="en") loads) holds about 160,000 words with their
counts in OpenSubtitles' English subtitles; the table keeps the words of lower-case letters at
least KEPT_ZIPF frequent, each with ten times its Zipf frequency, rounded.
"""

from __future__ import annotations

import gzip
import json
import math
import re
from importlib.resources import files
from pathlib import Path

from knowledge.qa.english import KEPT_ZIPF, TABLE_FILE

PACKAGE = "spellchecker"
RESOURCE = ("resources", "en.json.gz")
HEADER = ("# Ten times the Zipf frequency of the English words of pyspellchecker's list\n"
          "# (OpenSubtitles counts) at least KEPT_ZIPF frequent: each line is a value,\n"
          "# then its words. Written by `python -m knowledge.qa.english_source`; do not edit.\n")
_WORD = re.compile(r"[a-z]+")


def derived_table() -> dict[str, int]:
    """Each kept word of pyspellchecker's list → ten times its Zipf frequency."""
    with files(PACKAGE).joinpath(*RESOURCE).open("rb") as raw, gzip.open(raw) as data:
        counts = {word: count for word, count in json.load(data).items() if _WORD.fullmatch(word)}
    total = sum(counts.values())
    kept_count = total * 10 ** (KEPT_ZIPF - 9)
    return {word: round(10 * math.log10(count * 1e9 / total))
            for word, count in counts.items() if count >= kept_count}


def table_text(table: dict[str, int]) -> str:
    """The table as english_zipf.txt holds it: one line per value, its words sorted."""
    by_value: dict[int, list[str]] = {}
    for word, value in table.items():
        by_value.setdefault(value, []).append(word)
    return HEADER + "".join(f"{value} {' '.join(sorted(by_value[value]))}\n"
                            for value in sorted(by_value))


if __name__ == "__main__":
    Path(str(TABLE_FILE)).write_text(table_text(derived_table()), encoding="ascii")
