"""How common an English word is, from the word-frequency list that ships inside pyspellchecker.

pyspellchecker (MIT) carries an English list of about 160,000 words with their counts in
OpenSubtitles' English subtitles. Only the words frequent enough to matter are kept (about
38,000) and only their frequency, rounded: that table ships as knowledge/data/english_zipf.txt,
written from the installed package by knowledge/qa/english_source.py (a test checks that the
two agree). The bot reads that small file (0.01 s), not the 2.7 MB list (0.4 s, read twice),
and holds it as a WordTable (knowledge/qa/wordtable.py: 0.4 MB; as a dict of 38,000 strings it
took 3 MB).
Frequencies are Zipf values: log10 of occurrences per billion words ("pay" 5.1, "paycheck"
3.3, "chicago" 2.8, "fresno" 1.6). Subtitles count a name mostly when it is spoken in lower
case, so places and employers fall low: everyday words sit above EVERYDAY_ZIPF, names below.

Two uses (knowledge/qa/text.py): a correctly spelled common word is never "corrected" into a
word of the knowledge ("movie" is not "move", "kids" not "kinds"), and a word the knowledge
lacks weighs less when it is everyday English ("cashier", "overtime") than when it is rare or
no English at all — a name ("geisinger", "fresno"), which more likely is the very thing asked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from importlib.resources.abc import Traversable

from knowledge.loader import DATA_DIR
from knowledge.qa.wordtable import WordTable

TABLE_FILE = DATA_DIR / "english_zipf.txt"
# Words rarer than this are not kept: to this code they are as unknown as a typo.
KEPT_ZIPF = 2.0
# A word at least this frequent is everyday English.
EVERYDAY_ZIPF = 3.0
_BRITISH = re.compile(r"^([a-z]{3,})is(e|ed|es|er|ers|ing|ation|ations)$")


def read_table(path: Traversable = TABLE_FILE) -> dict[str, int]:
    """english_zipf.txt back as word → ten times its Zipf frequency."""
    table: dict[str, int] = {}
    for line in path.read_text(encoding="ascii").splitlines():
        if not line.startswith("#"):
            value, *words = line.split()
            table.update(dict.fromkeys(words, int(value)))
    return table


def word_table(path: Traversable = TABLE_FILE) -> WordTable:
    """english_zipf.txt as a compact table, read a line (a value and its words) at a time."""

    def groups() -> Iterator[tuple[list[str], list[int]]]:
        for line in path.read_text(encoding="ascii").splitlines():
            if not line.startswith("#"):
                value, *words = line.split()
                yield words, [int(value)] * len(words)

    return WordTable(groups())


@cache
def _zipf_table() -> WordTable:
    return word_table()


def load_word_list() -> None:
    """Read the table now (the engine does, when it is built) rather than at the first question."""
    _zipf_table()


def zipf(word: str) -> float:
    """The Zipf frequency of a folded word (0.0 when rarer than KEPT_ZIPF or unknown); a
    British -ise spelling, as the texts use, is looked up as the American -ize one too."""
    table = _zipf_table()
    found = table.get(word)
    if found is None and (british := _BRITISH.match(word)):
        found = table.get(f"{british[1]}iz{british[2]}")
    return (found or 0) / 10


def is_english(word: str) -> bool:
    """A real English word (or a name people write in lower case), not a typo."""
    return zipf(word) >= KEPT_ZIPF


def is_everyday(word: str) -> bool:
    """A common English word: "movie", "cashier", "overtime" (not "fresno", "geisinger")."""
    return zipf(word) >= EVERYDAY_ZIPF
