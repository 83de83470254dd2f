"""Messages that are not questions: greetings, thanks, laughter, emoji, a bare number."""

from __future__ import annotations

import re
from enum import StrEnum

from knowledge.qa.framing import only_framing
from knowledge.qa.text import words


class SmallTalk(StrEnum):
    GREETING = "greeting"
    THANKS = "thanks"
    FAREWELL = "farewell"
    CHATTER = "chatter"  # laughter, "ok", "cool", emoji, a bare number, punctuation


_LEXICON: dict[SmallTalk, frozenset[str]] = {
    SmallTalk.GREETING: frozenset({
        "hi", "hello", "hey", "heya", "hiya", "yo", "sup", "howdy", "greetings", "morning",
        "afternoon", "evening", "gm", "hallo", "hola", "whats", "up", "how", "are", "you", "u",
        "r", "doing", "good", "there", "coach", "bot", "everyone", "all", "guys"}),
    SmallTalk.THANKS: frozenset({
        "thanks", "thank", "thx", "ty", "tysm", "cheers", "appreciate", "it", "you", "u", "so",
        "much", "very", "a", "lot", "great", "helpful", "that", "was", "awesome", "perfect"}),
    SmallTalk.FAREWELL: frozenset({
        "bye", "goodbye", "cya", "see", "ya", "you", "later", "night", "good", "gn", "take",
        "care", "ttyl"}),
    SmallTalk.CHATTER: frozenset({
        "lol", "lmao", "rofl", "haha", "hahaha", "hah", "hehe", "heh", "ok", "okay", "k", "kk",
        "okey", "cool", "nice", "great", "wow", "yes", "yeah", "yep", "yup", "no", "nope",
        "nah", "sure", "right", "alright", "fine", "got", "it", "i", "see", "hmm", "hm", "oh",
        "ah", "uh", "um", "test", "testing", "interesting", "awesome", "sweet", "true", "same",
        "omg", "wtf", "idk", "xd", "nvm", "np", "good", "super", "thats", "that"}),
}
# The words that make a message small talk of its kind (the rest only go along with them).
_CORE: dict[SmallTalk, frozenset[str]] = {
    SmallTalk.GREETING: frozenset({"hi", "hello", "hey", "heya", "hiya", "yo", "sup", "howdy",
                                   "greetings", "morning", "afternoon", "evening", "gm", "hallo",
                                   "hola"}),
    SmallTalk.THANKS: frozenset({"thanks", "thank", "thx", "ty", "tysm", "cheers",
                                 "appreciate"}),
    SmallTalk.FAREWELL: frozenset({"bye", "goodbye", "cya", "later", "night", "gn", "ttyl"}),
}
_LAUGHTER = re.compile(r"^(?:ha|he|ah)+h?$|^l(?:o+l)+$|^lmf?ao+$")
_NUMBER = re.compile(r"^\d+$")
MAX_WORDS = 6


def small_talk(text: str) -> SmallTalk | None:
    """The kind of small talk `text` is, or None when it may be a question.

    Only short messages made entirely of small-talk words (or of no words at all: emoji, a
    number, punctuation), and nothing but a question's framing (knowledge/qa/framing.py:
    "thanks in advance", "any help appreciated"), count; one word outside them ("hi, what does
    RHIT pay?") makes it a question.
    """
    found = words(text)
    if not found:
        return SmallTalk.CHATTER if text.strip() else None
    if only_framing(text):  # "thanks in advance!", "any help appreciated", "quick question"
        return next((kind for kind, core in _CORE.items() if core.intersection(found)),
                    SmallTalk.CHATTER)
    if len(found) > MAX_WORDS:
        return None
    if all(_NUMBER.match(word) for word in found):
        return SmallTalk.CHATTER
    if {"you", "u"}.intersection(found) and len(found) > 1 \
            and all(word in _LEXICON[SmallTalk.GREETING] for word in found):
        return SmallTalk.GREETING  # "how are you"
    for kind, core in _CORE.items():
        if core.intersection(found) and all(word in _LEXICON[kind] or _LAUGHTER.match(word)
                                            for word in found):
            return kind
    if all(word in _LEXICON[SmallTalk.CHATTER] or _LAUGHTER.match(word) for word in found):
        return SmallTalk.CHATTER
    return None
