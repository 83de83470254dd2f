"""Splitting a message into the questions it asks: the sentences of a long post, and the two
halves of "how long does it take and what does it pay"."""

from __future__ import annotations

import re

from knowledge.qa.text import STOPWORDS, words

_SENTENCE_END = re.compile(r"[.?!;\n]+")
_JOIN = re.compile(r",?\s+(?:and|also|plus)\s+", re.IGNORECASE)
# A half must carry at least this many words of its own to stand as a question.
MIN_PART_WORDS = 2
MAX_PARTS = 6


def _content(text: str) -> int:
    return sum(word not in STOPWORDS for word in words(text))


def question_parts(text: str) -> list[str]:
    """The questions in `text`, in order; one part when it asks one thing."""
    parts: list[str] = []
    for sentence in _SENTENCE_END.split(text):
        halves = _JOIN.split(sentence)
        if len(halves) > 1 and all(_content(half) >= MIN_PART_WORDS for half in halves):
            parts += halves
        elif _content(sentence):
            parts.append(sentence)
    return [part.strip() for part in parts][:MAX_PARTS]
