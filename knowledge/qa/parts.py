"""Splitting a message into the questions it asks: the sentences of a long post, and the two
halves of "how long does it take and what does it pay" or of "do i need a degree or can i get
hired with a certificate"."""

from __future__ import annotations

import re

from knowledge.qa.occupation import without_occupation
from knowledge.qa.text import STOPWORDS, words

_SENTENCE_END = re.compile(r"[.?!;\n]+")
# The numbers or letters of a list of questions ("1) how long is it 2) what does it pay", "1.
# ... 2. ...", "a) ... b) ..."): each starts a sentence.
_LIST_NUMBER = re.compile(r"(?:^|(?<=\s))\(?(?:[1-9][.)]|[a-e]\))(?=\s+[a-z])", re.IGNORECASE)
# Words that join a sentence to the one before it ("also is it remote?", "oh and how long is
# it", "plus does it pay well"): the question starts after them.
_CONNECTOR = re.compile(r"^\W*(?:(?:and|also|plus|oh|btw|but|so)\b\W*)+", re.IGNORECASE)
# A label before a post's question ("Context: ... Question: how many ceus", "my question is
# how long the exam is", "Part 2:", "Second, ..."): the question starts after it.
_ORDINAL = r"(?:first|second|third|fourth|next|last|final|other)"
_LABEL = re.compile(rf"^\W*(?:(?:(?:my|the|main|real|actual|one|{_ORDINAL}) )?"
                    r"(?:question|q|ask|part)(?: ?\d| one| two| three)?(?:\s*:|\s+is\b\s*:?)"
                    rf"|(?:{_ORDINAL}|secondly|thirdly|lastly|finally|then)\s*[,:])\s*",
                    re.IGNORECASE)
# A later half shorter than this ("how often", "how much") asks about the first half's
# subject: "how many units and how often" is one question.
MIN_HALF_WORDS = 3
# Abbreviations whose dots end no sentence: letters with dots ("d.c.", "u.s.", "e.g.", "a.s.")
# and a few shortened words ("etc.", "vs.", "st.").
_ABBREVIATION = re.compile(r"\b[a-z](?:\.[a-z])+\.?|\b(?:etc|vs|approx|incl|st|dr|jr|sr)\.",
                           re.IGNORECASE)
_JOIN = re.compile(r",?\s+(?:and also|as well as|along with|and|also|plus|or)\s+", re.IGNORECASE)
# Joiners that add a second ask ("the median pay and also the projected growth", "the hourly
# wage plus the outlook"): after one, a short topic is a part of its own too.
_ADDING = re.compile(r",?\s+(?:and also|as well as|along with|plus)\s+", re.IGNORECASE)
_OR = re.compile(r",?\s+or\s+", re.IGNORECASE)
_COMMA = re.compile(r",\s+")
# Talk before a question in a comma list ("..., like is it a big field"): it starts after it.
_FILLER = re.compile(r"^(?:like|i mean|as in)\s+", re.IGNORECASE)
_TOPIC_SEPARATOR = re.compile(r",\s*(?:(?:and|or|&)\s+)?|\s+(?:and|or|&)\s+", re.IGNORECASE)
MIN_TOPICS = 3
MAX_TOPIC_WORDS = 3
MAX_PARTS = 6
# A count of the questions that follow ("two things:", "3 questions -", "quick q's -", "couple
# of things:", "2 qs."): they are listed after it, so two topics make a list ("two things: the
# national median and the projected growth").
_ANNOUNCED = re.compile(r"^\W*(?:(?:a|quick|few|couple|of|\d|two|three|four|some|real|little)\s+)+"
                        r"(?:quick\s+)?(?:things?|questions?|q['’]?s|qns|qq)\b\W*", re.IGNORECASE)
MIN_ANNOUNCED_TOPICS = 2
# The reason a question of a post is asked, after it ("how many openings are there a year
# because my town seems dead"): it asks nothing, and its words would.
_REASON = re.compile(r",?\s+(?:(?:because|cause|cuz|coz|bc)\s|since (?=(?:i|im|ive|my|we|our)\b))"
                     r".*$", re.IGNORECASE)


# A second half is a question of its own when it starts like one ("... and how much is it").
_QUESTION_START = frozenset({"what", "whats", "how", "hows", "which", "who", "where", "when",
                             "why", "is", "are", "can", "do", "does", "should", "will", "would",
                             "could", "tell", "any", "am"})


def _without_reason(sentence: str) -> str:
    """`sentence` without the reason it gives after its question, when it starts like one."""
    if not starts_question(sentence):
        return sentence
    rest = _REASON.sub("", sentence)
    return rest if starts_question(rest) else sentence


def _content(text: str) -> int:
    return sum(word not in STOPWORDS for word in words(text))


def starts_question(text: str) -> bool:
    """Whether `text` starts like a question and asks something: a word with a topic, or three
    words of which the topic is only in the stopwords ("where do they work")."""
    found = words(text)
    return bool(found) and found[0] in _QUESTION_START and (_content(text) >= 1
                                                             or len(found) >= 3)


def asks(part: str, text: str) -> bool:
    """Whether `part` of `text` is a question: it starts like one, ends with a question mark
    there (a post's "i'm 34 and stuck in retail" is no question; "do i need a degree?" is) or
    is a topic of a list of them ("duties, pay, outlook")."""
    text, counted = announced(text)
    minimum = MIN_ANNOUNCED_TOPICS if counted else MIN_TOPICS
    return starts_question(part) or re.search(rf"{re.escape(part)}\s*\?", text) is not None \
        or any(part in (_topics(sentence, minimum) or ()) for sentence in sentences(text))


def is_choice(text: str) -> bool:
    """Whether `text` is one sentence asking a choice between its parts ("is it an open plan
    office or do you get a cubicle")."""
    return len(sentences(text)) == 1 and _OR.search(text) is not None


def sentences(text: str) -> list[str]:
    """The sentences of `text`: split at its ends of sentence, not at an abbreviation's dots
    ("pay in washington d.c. vs maryland" is one) unless a question starts after them ("i live
    in the u.s. how much do they make")."""
    text = _LIST_NUMBER.sub("\n", text)
    dots = [match.span() for match in _ABBREVIATION.finditer(text)]
    found: list[str] = []
    start = 0
    for end in _SENTENCE_END.finditer(text):
        if (set(end.group()) == {"."} and any(low <= end.start() < high for low, high in dots)
                and next(iter(words(text[end.end():])), "") not in _QUESTION_START):
            continue
        found.append(text[start:end.start()])
        start = end.end()
    return [_LABEL.sub("", _CONNECTOR.sub("", sentence), count=1)
            for sentence in (*found, text[start:])]


def _unfilled(piece: str) -> str:
    """A piece of a comma list without the talk before its question, when one follows."""
    rest = _FILLER.sub("", piece, count=1)
    return rest if starts_question(rest) else piece


def _listed(sentence: str) -> list[str]:
    """A comma list of questions split into them ("what do they do, what do they get paid, and
    how long is school"); a piece that does not start like a question stays with the one before
    it ("what do they earn in texas, florida or ohio")."""
    pieces = [_unfilled(piece) for piece in _COMMA.split(sentence) if piece.strip()]
    if len(pieces) < 2 or not starts_question(pieces[0]):
        return [sentence]
    joined = [pieces[0]]
    for piece in pieces[1:]:
        if starts_question(piece):
            joined.append(piece)
        else:
            joined[-1] = f"{joined[-1]}, {piece}"
    return joined


def announced(text: str) -> tuple[str, bool]:
    """`text` without the count of questions it opens with ("two things: ..."), and whether
    it had one."""
    rest = _ANNOUNCED.sub("", text, count=1)
    return (rest, True) if rest != text and words(rest) else (text, False)


def _topics(sentence: str, minimum: int = MIN_TOPICS) -> list[str] | None:
    """A list of three (`minimum`) or more topics asked about without a question ("Duties,
    salary and outlook?"): each topic, a few words long; None when it is no such list."""
    pieces = [piece.strip() for piece in _TOPIC_SEPARATOR.split(sentence) if piece.strip()]
    if len(pieces) < minimum or any(starts_question(piece) for piece in pieces):
        return None
    if all(_content(piece) and len(words(piece)) <= MAX_TOPIC_WORDS for piece in pieces):
        return pieces
    return None


def _elliptic_joined(halves: list[str], sentence: str) -> list[str]:
    """`halves` with a short later one that asks about the earlier one's subject ("how
    often" of "how many units and how often") joined back to it: the sentence is one question
    then."""
    if len(halves) > 1 and any(len(words(half)) < MIN_HALF_WORDS for half in halves[1:]):
        return [sentence]
    return halves


# Two topics asked together without a question ("2024 median and the growth outlook", "median
# salary + job outlook"): each of two words or more ("lowest and highest pay" is one range),
# and a few words long once the occupation's name is dropped.
MIN_PAIR_WORDS = 2
_PAIR = re.compile(r"\s*(?:\+|&|\band\b|\bplus\b)\s*", re.IGNORECASE)


def topic_pair(text: str) -> list[str] | None:
    """The two topics of a one-sentence question made of two short topics, else None."""
    if len([sentence for sentence in sentences(text) if sentence.strip()]) != 1:
        return None
    pieces = [piece.strip() for piece in _PAIR.split(text.strip(" ?.!")) if piece.strip()]
    if len(pieces) != 2 or any(starts_question(piece) or len(words(piece)) < MIN_PAIR_WORDS
                               for piece in pieces):
        return None
    shortened = [without_occupation(" ".join(words(piece))) for piece in pieces]
    fits = all(1 <= _content(piece) <= MAX_TOPIC_WORDS for piece in shortened)
    return pieces if fits else None


def _is_topic(piece: str) -> bool:
    """Whether `piece` is a short topic ("the projected growth"), the occupation's name aside."""
    return 1 <= _content(without_occupation(" ".join(words(piece)))) <= MAX_TOPIC_WORDS


def _added_topics(sentence: str) -> list[str] | None:
    """The two asks of a sentence whose second, a short topic or a question, is added to the
    first by "and also", "plus" or "as well as" ("tell me the median pay and also the projected
    growth"); None when it is not so."""
    halves = [half.strip() for half in _ADDING.split(sentence) if half.strip()]
    if len(halves) != 2 or not (_content(halves[0]) and _content(halves[1])):
        return None
    second = halves[1]
    return halves if starts_question(second) or _is_topic(second) else None


def question_parts(text: str) -> list[str]:
    """The questions in `text`, in order; one part when it asks one thing. A count announcing
    them ("two things:") is no part, and two topics after it are a list."""
    text, counted = announced(text)
    minimum = MIN_ANNOUNCED_TOPICS if counted else MIN_TOPICS
    parts: list[str] = []
    for sentence in map(_without_reason, sentences(text)):
        topics = _topics(sentence, minimum)
        if topics:
            parts += topics
            continue
        halves = _elliptic_joined([piece for half in _JOIN.split(sentence)
                                   for piece in _listed(half)], sentence)
        added = _added_topics(sentence)
        if len(halves) > 1 and (_content(halves[0]) or starts_question(halves[0])) \
                and all(map(starts_question, halves[1:])):
            parts += halves
        elif added:
            parts += added
        elif _content(sentence) or starts_question(sentence):  # "how many jobs are there"
            parts.append(sentence)
    return [part.strip() for part in parts][:MAX_PARTS]
