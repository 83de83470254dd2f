"""How common an English word is, from the word-frequency list that ships inside pyspellchecker.

pyspellchecker (MIT) carries an English list of about 160,000 words with their counts in
OpenSubtitles' English subtitles; it is read from the installed package (nothing is
downloaded), once, and only the words frequent enough to matter are kept (about 38,000, ~4 MB).
Frequencies are Zipf values: log10 of occurrences per billion words ("pay" 5.1, "paycheck"
3.3, "chicago" 2.8, "fresno" 1.6). Subtitles count a name mostly when it is spoken in lower
case, so places and employers fall low: everyday words sit above EVERYDAY_ZIPF, names below.

Two uses (knowledge/qa/text.py): a correctly spelled common word is never "corrected" into a
word of the knowledge ("movie" is not "move", "kids" not "kinds"), and a word the knowledge
lacks weighs less when it is everyday English ("cashier", "overtime") than when it is rare or
no English at all — a name ("geisinger", "fresno"), which more likely is the very thing asked.
"""

from __future__ import annotations

import gzip
import math
import re
from collections.abc import Iterator
from functools import cache
from importlib.resources import files

# The list inside pyspellchecker (the file SpellChecker(language="en") loads). Read directly,
# line by line: SpellChecker itself would hold all 160,000 words (+40 MB).
_PACKAGE = "spellchecker"
_RESOURCE = ("resources", "en.json.gz")
_PAIR = re.compile(r'"([a-z]+)": (\d+)')
# Words rarer than this are not kept: to this code they are as unknown as a typo.
KEPT_ZIPF = 2.0
# A word at least this frequent is everyday English.
EVERYDAY_ZIPF = 3.0
_BRITISH = re.compile(r"^([a-z]{3,})is(e|ed|es|er|ers|ing|ation|ations)$")


def _counts() -> Iterator[tuple[str, int]]:
    """(word, count) of every word of the list, read line by line."""
    with files(_PACKAGE).joinpath(*_RESOURCE).open("rb") as raw, \
            gzip.open(raw, "rt", encoding="utf-8") as lines:
        for line in lines:
            for word, count in _PAIR.findall(line):
                yield word, int(count)


@cache
def _zipf_table() -> dict[str, int]:
    """Each kept word → ten times its Zipf frequency (small ints: Python shares them). Two
    passes over the file (the total first), so that the rare words are never held at all."""
    total = sum(count for _, count in _counts())
    kept_count = total * 10 ** (KEPT_ZIPF - 9)
    return {word: round(10 * math.log10(count * 1e9 / total))
            for word, count in _counts() if count >= kept_count}


def load_word_list() -> None:
    """Read the list now (the engine does, when it is built) rather than at the first question."""
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
