"""What the real knowledge engine answers: the entry ids the free-text unit tests assert on."""

from __future__ import annotations

from knowledge.qa.corpus import knowledge_engine
from knowledge.qa.mentions import Mentions, find_mentions
from knowledge.qa.text import words


def answered_by(question: str, previous: str | None = None) -> str | None:
    """The id of the entry that answers `question` (asked after `previous`, if given); None
    when it is not answered."""
    answer = knowledge_engine().answer(question, previous=previous)
    return answer.entry.id if answer.answered and answer.entry is not None else None


def answered_after(previous: str, question: str) -> str | None:
    """The id of the entry that answers `question` asked after `previous`."""
    return answered_by(question, previous)


def mentions(question: str) -> Mentions:
    """What the question names, read from it alone."""
    return find_mentions(question, words(question))
