"""Yes/no questions a credential's rule settles, answered with a plain "Yes" or "No" first.

Only where the card's own text decides it: whether the body's membership is needed ("do i have
to be an ahima member to sit the rhit": no, non-members have a price; the CPC: yes), a
credential's renewal cycle ("does the rhit expire": yes, it is renewed every 2 years; "is the
cehrs good for life", "does it need renewing every year": no, every 2 years) and its exam's
length ("is the cca exam 4 hours long": no, 2 hours). The reason after the word is the card's
own figure; nothing is guessed: a question the text does not settle (the CPC's yearly dues
beside its 2-year cycle, "about 2 hours" for 125 minutes) gets the card as it is.
"""

from __future__ import annotations

import re

# A yes/no question: it starts with an auxiliary, or asks whether a claim is true.
_YES_NO = re.compile(r"^(?:(?:so|ok|okay|and|but|quick q|wait)\s+)?(?:does|do|dose|is|are|will|"
                     r"would|can|could|must|has|have|isnt|doesnt|dont|wont|aint|r)\b"
                     r"|\b(?:right|true|correct|or not|yes or no|y/n)\s*$"
                     r"|\b(?:i heard|is it true|am i right|isnt it)\b")
_CARD = re.compile(r"^certification:(?P<code>[A-Z]+)(?::(?P<part>\w+))?$")
# Membership of the body asked as a condition ("do i have to be an ahima member to sit the rhit",
# "is aapc membership required for the cpc").
_MEMBER_NEEDED = re.compile(r"\b(?:have to|need to|needs to|got to|gotta|must) (?:be|become|join)"
                            r"(?: \w+){0,2} (?:members?|membership)\b"
                            r"|\b(?:members?|membership) (?:\w+ )?(?:required|mandatory|needed|"
                            r"necessary|a must)\b"
                            r"|\b(?:need|needs|require|requires|required) (?:\w+ )?"
                            r"(?:members?|membership)\b")
_MEMBERS_ONLY = re.compile(r"\b(?P<body>[A-Z]{3,}) membership is required\b")
_NUMBERS = {"one": 1, "a": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_CYCLE = re.compile(r"\bevery (?P<n>\d+|two|three) years\b", re.IGNORECASE)
# Kept for good ("good for life", "is it permanent", "never expires", "one and done").
_FOR_GOOD = re.compile(r"\b(?:(?:good|valid|last|lasts|certified) (?:for life|forever)|for life|"
                       r"lifetime|permanent\w*|forever|never (?:expire|expires|runs out)|"
                       r"one and done|once and done)\b")
# A renewal asked of at all ("does it expire", "do i have to renew it").
_EXPIRES = re.compile(r"\b(?:expire|expires|expiring|run out|runs out|lapse|lapses|"
                      r"(?:need|needs|have|has) to be renewed|(?:need|needs) renew\w*|"
                      r"have to renew|must renew|renewed)\b")
# A cycle claimed ("every year", "annually", "every 3 years").
_CLAIMED = re.compile(r"\b(?:every|each|per|once a) (?P<n>year|yr|\d+ (?:years?|yrs?)|two years|"
                      r"three years)\b|\b(?P<yearly>yearly|annual|annually)\b")
# An exam length claimed ("is the cca exam 4 hours long", "the cehrs is 3 hours right").
_HOURS_CLAIMED = re.compile(r"\b(?P<n>\d+(?:\.\d+)?|one|two|three|four|five) (?:hours?|hrs?)\b")
_ROUGHLY = re.compile(r"\b(?:about|around|roughly|approx\w*|like|nearly|almost|close to|"
                     r"or so|ish)\b")
_HOURS = re.compile(r"\bin (?P<n>\d+(?:\.\d+)?) hours\b")
_MINUTES = re.compile(r"\bin (?P<n>\d+) minutes\b")


def _number(text: str) -> float:
    return float(_NUMBERS.get(text, text))


def settled_lead(card: str, answer: str, folded: str) -> str | None:
    """The "Yes: ..." or "No: ..." a yes/no question (folded) gets first from card `card`'s
    answer, when the card's text settles it; else None."""
    found = _CARD.match(card)
    if found is None or not _YES_NO.search(folded):
        return None
    code = found["code"]
    if _MEMBER_NEEDED.search(folded):
        return _membership_lead(code, answer)
    if found["part"] == "renewal":
        return _renewal_lead(code, answer, folded)
    if found["part"] == "exam":
        return _exam_lead(code, answer, folded)
    return None


def _membership_lead(code: str, answer: str) -> str | None:
    """Whether the body's membership is a condition: the card says so, or prices the exam for
    non-members."""
    required = _MEMBERS_ONLY.search(answer)
    if required is not None:
        return f"Yes: the {code} needs {required['body']} membership."
    if re.search(r"\bnon-members\b", answer):
        return f"No: non-members can take the {code} too, at the non-member price."
    return None


def _renewal_lead(code: str, answer: str, folded: str) -> str | None:
    cycle = _CYCLE.search(answer)
    if cycle is None:
        return None
    years = _number(cycle["n"].lower())
    every = f"every {cycle['n']} years"
    if _FOR_GOOD.search(folded):
        return f"No: the {code} has to be renewed, {every}."
    claimed = _CLAIMED.search(folded)
    if claimed is not None:
        if re.search(r"\byearly\b|\bannual", answer, re.IGNORECASE):
            return None  # a yearly fee beside the cycle: not settled by the cycle
        said = claimed["n"] or "year"
        said_years = 1.0 if said in {"year", "yr"} or claimed["yearly"] \
            else _number(said.split()[0])
        if said_years == years:
            return f"Yes: the {code} is renewed {every}."
        return f"No: the {code} is renewed {every}."
    if _EXPIRES.search(folded):
        return f"Yes: the {code} has to be renewed {every}."
    return None


def _exam_lead(code: str, answer: str, folded: str) -> str | None:
    claimed = _HOURS_CLAIMED.search(folded)
    if claimed is None:
        return None
    hours = _HOURS.search(answer)
    minutes = _MINUTES.search(answer)
    if hours is not None:
        length, said = float(hours["n"]), f"{hours['n']} hours"
    elif minutes is not None:
        length, said = float(minutes["n"]) / 60, f"{minutes['n']} minutes"
    else:
        return None
    guess = _number(claimed["n"])
    if guess != length and _ROUGHLY.search(folded) and abs(guess - length) <= 0.25 * length:
        return None  # "about 2 hours" for 125 minutes: neither yes nor no
    word = "Yes" if guess == length else "No"
    return f"{word}: the {code} exam lasts {said}."
