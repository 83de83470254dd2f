"""Many short ASCII words, each with a small whole number, held in little memory.

A dict of 38,000 words takes about 3 MB (a string object and an int per word, and the table);
this holds them as numpy arrays, 8 bytes a word or less: per word length, the words as one sorted
array of fixed-width byte strings and their values beside, found by binary search (numpy's
searchsorted). numpy is imported where it is used: in the engine's build, off the start-up path.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np


class WordTable:
    """Word → value, built from groups of words with their values (a group at a time, so that
    the words of all groups never stand as Python objects at once)."""

    def __init__(self, groups: Iterable[tuple[Sequence[str], Sequence[int]]],
                 dtype: str = "uint8") -> None:
        import numpy as np

        words: dict[int, list[np.ndarray]] = {}
        values: dict[int, list[np.ndarray]] = {}
        for group_words, group_values in groups:
            by_length: dict[int, tuple[list[bytes], list[int]]] = {}
            for word, value in zip(group_words, group_values, strict=True):
                keys, numbers = by_length.setdefault(len(word), ([], []))
                keys.append(word.encode("ascii"))
                numbers.append(value)
            for length, (keys, numbers) in by_length.items():
                words.setdefault(length, []).append(np.array(keys, dtype=f"S{length}"))
                values.setdefault(length, []).append(np.array(numbers, dtype=dtype))
        self._words: dict[int, np.ndarray] = {}
        self._values: dict[int, np.ndarray] = {}
        for length, parts in words.items():
            joined = np.concatenate(parts)
            order = np.argsort(joined, kind="stable")
            self._words[length] = joined[order]
            self._values[length] = np.concatenate(values[length])[order]

    def __len__(self) -> int:
        return sum(len(group) for group in self._words.values())

    def get(self, word: str) -> int | None:
        """The value of `word`, or None when the table lacks it."""
        group = self._words.get(len(word))
        if group is None or not word.isascii():
            return None
        key = word.encode("ascii")
        at = int(group.searchsorted(key))
        if at < len(group) and group[at] == key:
            return int(self._values[len(word)][at])
        return None

    def __getitem__(self, word: str) -> int:
        value = self.get(word)
        if value is None:
            raise KeyError(word)
        return value
