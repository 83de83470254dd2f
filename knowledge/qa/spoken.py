"""Questions typed on a phone, dictated, or written in a second language, read back as meant.

Voice-to-text and autocorrect turn the field's short words into common English ones ("rhit" →
"right", "ehr" → "her", "cerner" → "corner"); a thumb misses the space bar ("inohio",
"whatisthe"); and a second-language asker says "how many time it take" for "how long does it
take". Each is written back in the words the rest of the engine reads.
"""

from __future__ import annotations

import re
from functools import cache

from knowledge.models import Certification
from knowledge.profile import STATES
from knowledge.qa.english import zipf
from knowledge.qa.text import CERT_CODES, STOPWORDS, fold

# The credential words after which "right" (or "her right", as "r-h-i-t" is heard) is the RHIT,
# unless the adjective's own words follow ("the right exam for me", "the right cert to get").
_CREDENTIAL = r"(?:exams?|tests?|certs?|certifications?|credentials?|renewals?|renew|fees?|ceus?)"
_HEARD_RHIT = re.compile(
    rf"\b(?:her )?right(?= {_CREDENTIAL}\b(?! (?:for|to|if|when|that|or)\b))"
    rf"|\bher right\b(?! (?:to|of)\b)", re.IGNORECASE)
# "rhea" (the RHIA as said aloud) before a credential word, or after "the", "my", "get".
_HEARD_RHIA = re.compile(rf"\brhea(?= {_CREDENTIAL}\b)"
                         r"|(?:(?<=\bthe )|(?<=\bget )|(?<=\bmy ))rhea\b", re.IGNORECASE)
# Before one of these, "her" is the EHR ("her specialist salary", "her software").
_HEARD_EHR = re.compile(r"\bher(?= (?:specialists?|software|systems?|analysts?|vendors?|"
                        r"implementation|certification)\b)", re.IGNORECASE)
# "corner" in a question naming another EHR system, or as a system itself, is Cerner.
_OTHER_SYSTEM = re.compile(r"\b(?:epic|meditech|allscripts|nextgen)\b", re.IGNORECASE)
_CORNER = re.compile(r"\bcorner\b", re.IGNORECASE)
_CORNER_SYSTEM = re.compile(r"\bcorner(?= (?:software|system|ehr|emr)s?\b)", re.IGNORECASE)
# "how many time" (one time, not "times") and "how much time" ask how long.
_TIME_ASKED = re.compile(r"\bhow (?:many time|much time)\b", re.IGNORECASE)
# A second-language comparative ("more big", "most high salary") as English forms it.
_COMPARED = {"big": ("bigger", "biggest"), "large": ("larger", "largest"),
             "high": ("higher", "highest"), "low": ("lower", "lowest"),
             "cheap": ("cheaper", "cheapest"), "easy": ("easier", "easiest"),
             "hard": ("harder", "hardest"), "fast": ("faster", "fastest"),
             "good": ("better", "best"), "bad": ("worse", "worst")}
_MORE_PLAIN = re.compile(rf"\b(more|most) ({'|'.join(_COMPARED)})\b", re.IGNORECASE)
# "where ehr people is working", "where is coder working": a workplace asked without "do".
_NOT_WORKER = r"(?!(?:to|it|is|are|do|does|did|can|could|would|will|should|i|you|we|best)\b)"
_WHERE_WORKING = re.compile(rf"\bwhere (?:is |are )?((?:{_NOT_WORKER}[a-z]+ ){{0,2}}"
                            rf"{_NOT_WORKER}[a-z]+) (?:is |are )?(?:working|works?)\b",
                            re.IGNORECASE)
# The terse typer's workplace ("where work?", "where working"): the whole ask is those words.
_WHERE_BARE = re.compile(r"^\s*where (?:working|work|works)\s*\??\s*$", re.IGNORECASE)
# A General Schedule grade or series glued to its letters ("gs0675", "gs11"): the space put back.
_GS_GLUED = re.compile(r"\bgs(?=\d)", re.IGNORECASE)
# A second-language plural dropped after "how many" ("how many question", "how many year").
_COUNTED = re.compile(r"\bhow many (year|month|week|day|hour|minute|question|credit|unit|ceu|"
                      r"semester|job|opening)(?=\W|$)", re.IGNORECASE)
# A question word left where the answer goes ("ehr specialist doing what", "cehrs is what"),
# as a second language may place it: moved to the front, where English asks it.
_WH = r"(?:what|whats|how|where|which|who|when|why|is|are|do|does|can)"
_WHAT_LAST = re.compile(rf"^(?!{_WH}\b)(?P<who>[a-z][a-z' ]*?) (?P<verb>(?:is |are )?doing|do|does|"
                        r"is|are) what(?P<rest>(?: [a-z]+){0,3})\W*$", re.IGNORECASE)
# "what is (the) job of (an) ehr specialist", "work of coder": what that worker does (not
# their pay: "job of a coder pay").
_PAID = re.compile(r"\b(?:pay|paid|salary|salaries|wages?|earn\w*|make|money|cost|fees?)\b",
                   re.IGNORECASE)
_JOB_OF = re.compile(r"^(?:what is |whats |what are )?(?:the )?(?:main |daily )?(?:job|work|role|"
                     r"duties|duty) of (?:an? |the )?"
                     r"(?!(?:my|your|our|their|his|her|this|that)\b)(?P<who>[a-z][a-z ]*?)"
                     r"(?P<rest> (?:in|at|every|each|all|on)\b[a-z ]*)?\W*$", re.IGNORECASE)
# "renew every how many years": how often; "who is making the cehrs exam": who gives it;
# "which place most hiring", "which sector hires the most": which place employs the most.
_EVERY_HOW_MANY = re.compile(r"\b(?:after )?every how many (?:years?|months?)\b", re.IGNORECASE)
_WHO_GIVES = re.compile(r"\bwho (?:is |are )?(?:making|makes|make|offering|offers|offer|running|"
                        r"runs|providing|provides|giving)\b(?=(?: the| an?)?(?: \w+){0,2} "
                        rf"(?:exams?|tests?|certs?|certifications?|credentials?|{CERT_CODES})\b)",
                        re.IGNORECASE)
_MOST_HIRING = re.compile(r"\b(?:most|more) hiring\b|\b(?:hires?|hiring) (?:the )?most\b",
                          re.IGNORECASE)
# "when can i give the rhit exam": to give an exam is to sit it in Indian and other English
# ("who gives the exam" still asks who runs it).
_GIVE = {"give": "take", "giving": "taking", "gave": "took", "given": "taken"}
_GIVE_EXAM = re.compile(r"\b(?<!who )(?<!who can )(give|giving|gave|given)\b"
                        r"(?! (?:me|us|you|them|out|up)\b)", re.IGNORECASE)
_EXAM_WORD = re.compile(r"\b(?:exams?|tests?)\b", re.IGNORECASE)
_ASKER = re.compile(r"\b(?:i|we|u|me|my)\b", re.IGNORECASE)
# A degree from another country ("degree from india", "studied in other country") is foreign.
_ABROAD = (r"(?:another country|other country|my country|home country|abroad|overseas|india|"
           r"philippines|nigeria|pakistan|bangladesh|nepal|china|vietnam|mexico|brazil|"
           r"ukraine|russia|egypt|kenya|ghana|jamaica|iran|iraq|syria|colombia|venezuela)")
_STUDIED_ABROAD = re.compile(rf"\b(degree|diploma|studies|studied|school(?:ing)?|college|"
                             rf"university|education|qualification)( \w+)? (?:from|in) {_ABROAD}\b",
                             re.IGNORECASE)

# Where a second-language asker comes from ("i am from india", "coming from philippines") tells
# who asks, not where the pay is asked: the country is no specific of the question.
_FROM_ABROAD = re.compile(rf"\b(?:(?:i am|i'm|im|iam|we are|we're)(?: \w+)? from|"
                          rf"(?:i |we )?(?:am |are )?"
                          rf"(?:coming|moving|relocating|immigrating|came|come) from)"
                          rf"(?: the)? {_ABROAD}\b", re.IGNORECASE)
# A voice assistant's wake words ("ok google", "hey siri") and punctuation said aloud ("...
# period", "question mark"): dictation, no part of the question. "Period" and "comma" are
# dictation only in a dictated question (a wake word, or another mark said aloud): "the grace
# period" stays.
_WAKE = re.compile(r"^\W*(?:(?:ok(?:ay)?|hey|hi) (?:google|siri|alexa|cortana|bixby)|siri|alexa|"
                   r"cortana|bixby)\b[\s,.!:]*", re.IGNORECASE)
_SAID_MARK = re.compile(r"\s*\b(?:question mark|exclamation (?:mark|point)|full stop)\b",
                        re.IGNORECASE)
_SAID_BREAK = re.compile(r"\s*\b(?:period|comma)\b(?=\W*$|\s)", re.IGNORECASE)


def undictated(text: str) -> str:
    """`text` without a voice assistant's wake words and punctuation said aloud."""
    woken = _WAKE.search(text) is not None
    marked = _SAID_MARK.search(text) is not None
    text = _SAID_MARK.sub(" ", _WAKE.sub("", text))
    if woken or marked:
        text = _SAID_BREAK.sub(" ", text)
    return text.strip()


_GLUED = re.compile(r"\b[a-z]{5,}\b", re.IGNORECASE)
_COMMON = 5.0  # a piece that is a common English word at least this frequent ("in", "what")
_LONG, _REAL = 6, 3.8  # a piece this long and at least this frequent ("associate", "degree")
_MAX_PIECES = 3


@cache
def _field_words() -> frozenset[str]:
    """Words of the field that a missed space may glue to another: codes, states' names, the
    few words every question on pay or exams uses."""
    states = {fold(name) for name in STATES.values() if " " not in name}
    codes = {code.value.lower() for code in Certification}
    return frozenset({*states, *codes, "ehr", "emr", "exam", "fee", "medical", "salary",
                      "specialist", "records", "whats", "hows"})


def _piece(word: str) -> bool:
    """A common short word, a real long one, or a word of the field."""
    frequency = zipf(word)
    return word in _field_words() or frequency >= _COMMON or \
        (len(word) >= _LONG and frequency >= _REAL)


def _split(word: str, pieces: int = _MAX_PIECES) -> list[str] | None:
    """`word` as up to `pieces` words each common or of the field, longest first piece first."""
    if _piece(word):
        return [word]
    if pieces == 1:
        return None
    for cut in range(len(word) - 2, 1, -1):
        if _piece(word[:cut]) and (rest := _split(word[cut:], pieces - 1)):
            return [word[:cut], *rest]
    return None


# Everyday words the subtitle list lacks, which would read as glued ones ("afternoon" as "after
# no on").
_UNLISTED = frozenset({"afternoon", "afternoons", "onboarding"})


def _unglued(found: re.Match[str]) -> str:
    word = found[0].lower()
    if zipf(word) or word in _field_words() or word in _UNLISTED:
        return found[0]
    pieces = _split(word)
    # Two everyday words make a word or a name of their own as often ("backstory",
    # "linkedin"): a piece must be of the field, or the first a little word of grammar ("in",
    # "for", "what").
    if not pieces or len(pieces) < 2 or (pieces[0] not in STOPWORDS and
                                         not any(piece in _field_words() for piece in pieces)):
        return found[0]
    return " ".join(pieces)


def _asked_first(found: re.Match[str]) -> str:
    who, verb, rest = found["who"], found["verb"].lower(), found["rest"]
    if verb in {"is", "are"}:  # "x is what": only at the end ("that is what i want" is no ask)
        return f"what {verb} {who}" if not rest else found[0]
    return f"what does {who} do{rest}"


def respoken(text: str) -> str:
    """`text` with misheard and autocorrected field words, glued words and second-language
    asks of time written as the engine reads them."""
    text = _FROM_ABROAD.sub(" ", undictated(text))
    text = _HEARD_RHIA.sub("RHIA", _HEARD_RHIT.sub("RHIT", text))
    text = _HEARD_EHR.sub("EHR", text)
    text = (_CORNER if _OTHER_SYSTEM.search(text) else _CORNER_SYSTEM).sub("Cerner", text)
    text = _TIME_ASKED.sub("how long", _EVERY_HOW_MANY.sub("how often", text))
    if _ASKER.search(text) and _EXAM_WORD.search(text):
        text = _GIVE_EXAM.sub(lambda found: _GIVE[found[1].lower()], text)
    text = _STUDIED_ABROAD.sub(r"\1\2 from a foreign country", text)
    text = _MOST_HIRING.sub("employ the most", _WHO_GIVES.sub("who gives", text))
    text = _WHERE_WORKING.sub(r"where do \1 work", _COUNTED.sub(r"how many \1s", text))
    text = _GS_GLUED.sub("gs ", _WHERE_BARE.sub("where do they work", text))
    text = _MORE_PLAIN.sub(
        lambda found: _COMPARED[found[2].lower()][found[1].lower() == "most"], text)
    text = _WHAT_LAST.sub(_asked_first, _GLUED.sub(_unglued, text).strip())
    if _PAID.search(text):
        return text
    return _JOB_OF.sub(lambda found: f"what does {found['who']} do{found['rest'] or ''}", text)
