"""Short follow-ups ("and in Florida?", "what about RHIA?", "how long is it?") read together with
the asker's previous question in the same chat.

Besides states and certifications, a follow-up may change one *slot* of the previous question:
the unit of a pay figure ("per hour?"), the price kind of a fee ("member price?"), the year of a
figure ("and 2018?"), the education level ("versus an associate's?") or the measure asked of the
same occupation ("how fast is that job growing?"). The slot's words replace the previous
question's words of the same slot; the rest of the previous question is kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.profile import Employer
from knowledge.qa.ladder import (
    LADDER_WORDS,
    move,
    named_stage,
    neighbour,
    rung_named,
    rung_words,
    stages,
    swap_rung,
)
from knowledge.qa.mentions import find_mentions, grades_named, mention_words
from knowledge.qa.specifics import vendor_words
from knowledge.qa.steps import asked_step, steps
from knowledge.qa.text import BY_HOUR, BY_YEAR, STOPWORDS, UNIT_CHOICE, words
from knowledge.store import load_knowledge

# How a follow-up starts ("and in Florida?", "what about RHIA?").
_OPENINGS = re.compile(r"^(and|also|what about|how about|same for|same in|what if|then|ok and|"
                       r"but|plus|now)\b")
# Words pointing back at the previous answer ("how long is IT?").
_BACK = frozenset({"it", "that", "this", "those", "them", "there", "one", "ones"})
# A bare measure asked ("how long?", "how much?") asks it of the previous question.
_BARE = re.compile(r"^how (?:long|much|many|hard|often|soon)(?: (?:tho|though|then|again))?$")
# A time asked and nothing else ("how much time do i get", "how long do they give you"): after a
# certification's part, that part's time.
_TIME_ONLY = re.compile(r"^how (?:long|much time)(?: (?:do|does|did|will|would|is|are|can)"
                        r"(?: (?:i|you|u|we|they|one))?)?(?: (?:get|have|got|take|takes|last|"
                        r"lasts|give|gives|allow|allowed|tho|though|for it|it|that))*$")
# Asking why, or for the reason, of the previous answer ("why?", "how come", "why tho"): the
# previous question again, whose answer says why.
_WHY = re.compile(r"^(?:but |and |ok |so )?(?:why|how come|whys that|why is that|why so|"
                  r"reason|reasons|the reason|explain)(?: (?:tho|though|exactly|then|pls|"
                  r"please))?$")
# A certification's part asked at more length ("how long do i have to wait to retake"): it may
# be longer than other follow-ups.
MAX_PART_WORDS = 12
# A choice among the previous question's things ("which one pays better").
_WHICH_ONE = re.compile(r"\bwhich (?:one|ones|of (?:them|the two|those|these|both))\b")
# A follow-up is short: at most this many words of its own.
MAX_FOLLOWUP_WORDS = 8
# A slot follow-up says nothing beyond its slot (every other word is filler), so it may be
# longer: "can u give me that as an hourly number".
MAX_SLOT_WORDS = 12
# Chat fillers a follow-up may open with ("k, indiana next", "ok cool whats it cost if im not a
# member", "hmm and per hour?"): they say nothing, and the follow-up is read without them.
_FILLERS = re.compile(r"^(?:\W*\b(?:k+|kk+|ok+|okay|okey|cool|alright|alrighty|aight|so|hmm*|"
                      r"um+|uh+|oh|ah|ahh|yeah|yea|yep|yup|nice|great|gotcha|got it|thanks|"
                      r"thank you|thx|ty|perfect|sweet|awesome|wait|oo+k)\b)+\W*",
                      re.IGNORECASE)
# Words that only move on to the next thing asked ("indiana next", "rhit instead").
_ONWARD = frozenset({"next", "instead", "aswell"})


@dataclass(frozen=True)
class Slot:
    """One thing a follow-up may change: its words in a question and how they read."""

    name: str
    pattern: re.Pattern[str]  # matched on the folded question
    reads_as: str  # the words it stands for ("{0}": the matched text); "" keeps the previous
    after: re.Pattern[str] | None = None  # what the previous question must name, if anything

    def read(self, match: re.Match[str]) -> str:
        return self.reads_as.format(match.group())


def _vendors() -> re.Pattern[str]:
    """The EHR systems the knowledge describes, by name ("cerner's" too)."""
    names = "|".join(re.escape(" ".join(words(system.name)))
                     for system in load_knowledge().career.ehr_systems)
    return re.compile(rf"\b(?:{names})s?\b")


# A GS grade named ("gs-7 pay"): what a step follow-up needs before it.
_GRADE = re.compile(r"\bgs ?\d{1,2}\b")
_VENDOR = _vendors()
# Checked in order; a question's slot is the first that matches. A unit the sources give no
# figure in (monthly, weekly) reads as the previous question: its sourced yearly and hourly
# figures, never a computed one.
SLOTS: tuple[Slot, ...] = (
    # "is that per hour or per year?": a choice of units reads as the previous question, whose
    # answer gives each unit the sources give.
    Slot("unit", UNIT_CHOICE, ""),
    Slot("unit", re.compile(rf"{BY_HOUR}\b"), "per hour"),
    Slot("unit", re.compile(r"\b(?:monthly|weekly|biweekly|per (?:month|week|paycheck)|"
                            r"a (?:month|week)|each (?:month|week))\b"), ""),
    Slot("unit", re.compile(rf"{BY_YEAR}\b"), "a year"),
    Slot("price", re.compile(r"\bnon ?members?\b|\bnot (?:an? )?members?\b|"
                             r"\b(?:without|skip\w*|no|drop\w*|forget\w*|ditch\w*)(?: a| the|"
                             r" my)? membership\b|\b(?:dont|do not|didnt|never) join\w*\b"),
         "non members"),
    Slot("price", re.compile(r"\bmembers?\b|\bmembership\b"
                             r"|\bjoin(?:s|ed|ing)? (?:ahima|aapc|himss|nha)\b"), "members"),
    Slot("year", re.compile(r"\b(?:19[5-9]\d|20[0-4]\d)\b"), "{0}"),
    Slot("level", re.compile(r"\bassociates?\b"), "associate degree"),
    Slot("level", re.compile(r"\bbachelors?\b"), "bachelor degree"),
    Slot("level", re.compile(r"\bmasters?\b"), "master degree"),
    Slot("level", re.compile(r"\bcertificates?\b|\bdiplomas?\b"), "{0}"),
    # "and step 10?" after a GS grade's pay: that grade at that step (the table's first and
    # last steps are the ones it gives; another step is a detail no entry names, so declined).
    Slot("step", re.compile(r"\b(?:top|highest|max\w*|last|final) step\b|\bstep ten\b"),
         "step 10", _GRADE),
    Slot("step", re.compile(r"\b(?:first|bottom|lowest|starting) step\b|\bstep one\b"),
         "step 1", _GRADE),
    Slot("step", re.compile(r"\bstep \d{1,2}\b"), "{0}", _GRADE),
    # "and what about cerner's system" after a question about Epic: the same about Cerner.
    Slot("vendor", _VENDOR, "{0}", _VENDOR),
    Slot("measure", re.compile(r"\bgrow\w*\b|\bgrowth\b|\boutlook\b|\bdemand\b"), "job growth"),
    # "Which agency pays best?" after federal pay: the best of what the previous answer lists
    # ("which state…" is a question of its own: across all states).
    Slot("choice", re.compile(r"\bwhich (?!states?\b)\w+(?: \w+){0,2} (?:best|most|highest|top)\b"),
         "{0}"),
)
# Words that say nothing beyond the slot in a slot follow-up ("broken down hourly?", "member
# price?", "versus an associate's?", "how fast is that job growing").
_SLOT_FILLER = frozenset({
    "ok", "okay", "so", "like", "broken", "down", "price", "prices", "pricing", "rate", "rates",
    "cost", "costs", "fee", "fees", "pay", "figure", "number", "numbers", "back", "versus", "vs",
    "compared", "instead", "im", "degree", "degrees", "fast", "job", "jobs", "field", "role",
    "career", "occupation", "expected", "projected", "look", "looks", "looking", "year",
    "years", "rough", "roughly", "whats", "thats", "figures", "then", "today", "now", "quick",
    "terms", "basis", "wise", "compare", "compares", "comparison", "yr", "yrs", "2", "two", "4",
    "four", "system", "systems", "software", "platform", "ehr", "step", "steps", "give",
    "gimme", "tell", "show", "put", "convert", "converted", "express", "translate", "break",
    "work", "out", "mean", "means", "grade", "grades", "same", "pls", "plz", "please", "range",
    # a member price asked as joining the body or its discount ("and with the membership
    # discount?", "and if i get the ahima membership?")
    "discount", "discounted", "discounts", "get", "join", "joined", "joining", "sign",
    "signed",
    # the year's table or list ("same thing for the 2021 table", "and the 2018 list?")
    "table", "tables", "list", "chart", "thing",
})
# The certifying bodies: in a member-price follow-up of a price ("and if i get the ahima
# membership?" after a fee question) they only say whose membership, and ask nothing.
_BODIES = frozenset({"ahima", "aapc", "himss", "nha"})
_PRICED = re.compile(r"\b(?:costs?|prices?|fees?|charges?|dues|exams?|tests?)\b")
# Slots whose words are added to the previous question's (a comparison) rather than replacing
# them: "versus an associate's?" after a question about a certificate keeps the certificate.
_COMPARING = frozenset({"versus", "vs", "compared", "or"})
# Slots that ask something of their own: the previous question's intent does not carry over.
_OWN_INTENT = frozenset({"measure"})
_STATES_RANKED = re.compile(r"\b(?:states?|by state)\b")
# A figure's year read with a pay question asks the national median of that year.
_YEAR_AFTER_PAY = "national median pay"
# What "which one" stands for after a question naming a kind of employer: its units.
_ONE_OF = {Employer.GOVERNMENT: "agency"}
_ONE = re.compile(r"\bones?\b")
# What the previous question asked (its amount and measure words), not whom it was about:
# "how fast is that job growing" after "what do technologists make" keeps "technologists".
_ASKING = frozenset({
    "make", "makes", "earn", "earns", "pay", "pays", "paid", "salary", "salaries", "money",
    "wage", "wages", "cost", "costs", "income", "much", "median", "average", "typical", "mean",
    "national", "yearly", "annual", "growth", "outlook", "growing",
})


def _slot(folded: str) -> tuple[Slot, str] | None:
    """The first slot the question names, with the words it reads as."""
    for slot in SLOTS:
        match = slot.pattern.search(folded)
        if match:
            return slot, slot.read(match)
    return None


def _slot_words(slot: Slot, text: str) -> set[str]:
    """The words of `text` that belong to `slot`'s kind (every slot of that name)."""
    folded = " ".join(words(text))
    found: set[str] = set()
    for other in SLOTS:
        if other.name == slot.name:
            for match in other.pattern.finditer(folded):
                found |= set(match.group().split())
    return found - STOPWORDS


def without_fillers(question: str) -> str:
    """The question without the chat fillers it opens with ("k so what would that exam set me
    back" → "what would that exam set me back"); the question itself when it is only those."""
    rest = _FILLERS.sub("", question, count=1)
    return rest if words(rest) else question


def keeps_intent(question: str) -> bool:
    """Whether a follow-up keeps the previous question's intent: not when it asks another
    measure ("how fast is that job growing" after a pay question asks no pay)."""
    found = _slot(" ".join(words(question)))
    return found is None or found[0].name not in _OWN_INTENT


def _own_words(question: str, limit: int) -> list[str] | None:
    """A follow-up's words when it is short enough to change one thing of the previous
    question and names no state or certification, else None."""
    own = words(question)
    return own if own and len(own) <= limit and not mention_words(question) else None


def _leftover(own: list[str], filler: frozenset[str] | set[str]) -> list[str]:
    """The words of a follow-up that say something beyond `filler` (and stop words, words
    pointing back, openings)."""
    return [w for w in own if w not in STOPWORDS and w not in _BACK and w not in filler
            and not _OPENINGS.match(w)]


def slot_followup(previous: str, question: str) -> str | None:
    """The question as it reads after `previous` when it only changes a slot of it ("broken
    down hourly?" after a pay question), else None."""
    own = _own_words(question, MAX_SLOT_WORDS)
    if own is None:
        return None
    folded = " ".join(own)
    found = _slot(folded)
    if found is None:
        return None
    slot, reading = found
    if slot.after is not None and not slot.after.search(" ".join(words(previous))):
        return None
    slot_words = _slot_words(slot, question)
    rest = _leftover(own, slot_words | _SLOT_FILLER)
    if rest and slot.name == "price" and _PRICED.search(" ".join(words(previous))):
        rest = [w for w in rest if w not in _BODIES]
    if rest:
        return None
    before = words(previous)
    if slot.name == "measure":
        # The same occupation, another measure: the previous question's subject only (a state
        # or certification is no occupation: "is the field growing" after "pay in Texas").
        named = mention_words(previous)
        subject = [w for w in before if w not in STOPWORDS and w not in _ASKING
                   and w not in named]
        return " ".join([*subject, reading]) if subject else None
    replaced = set() if _COMPARING.intersection(own) else _slot_words(slot, previous)
    kept = [w for w in before if w not in replaced]
    earlier = find_mentions(previous, before)
    # A GS grade's pay in another year is that grade's row, not the national median.
    # The states ranked in another year are that year's state table, not the national median.
    if slot.name == "year" and earlier.asks_amount and not _GRADE.search(" ".join(before)) \
            and not _STATES_RANKED.search(" ".join(before)):
        reading = f"{_YEAR_AFTER_PAY} {reading}"
    if slot.name == "choice" and earlier.employer in _ONE_OF:
        reading = _ONE.sub(_ONE_OF[earlier.employer], reading)
    return " ".join([*kept, reading]).strip()


def ladder_followup(previous: str, question: str) -> str | None:
    """"What's above that" after a question about a stage of the career ladder: the stage
    above (or below) it, read by its place on the ladder and its title; past either end, the
    end stage itself (its card says it is the top or the first); after a question naming no
    stage, a move in the ladder's words asks for the ladder. None when the question is no such
    move."""
    own = words(question)
    if not own or len(own) > MAX_FOLLOWUP_WORDS or mention_words(question):
        return None
    folded = " ".join(own)
    step = move(folded)
    if step is None or named_stage(folded) is not None:
        return None
    base = rung_named(" ".join(words(previous)))
    if base is None:
        # "What's above that" after a question on no stage: the ladder, stage by stage (after
        # a certification, a higher one may be meant: read as usual).
        certified = mention_words(previous, states=False)
        return _WHOLE_LADDER if LADDER_WORDS.search(folded) and not certified else None
    target = neighbour(base, step) or base
    return f"stage {target.order} of {len(stages())} on the career ladder {target.title}"


# Words that say nothing beyond the rung a follow-up names ("what about senior level", "and for
# the senior ones?", "ok and at manager level").
_RUNG_FILLER = frozenset({"what", "about", "how", "for", "at", "the", "level", "levels", "one",
                          "ones", "people", "folks", "guys", "role", "roles", "position",
                          "positions", "tier", "rung", "stage", "specialist", "specialists",
                          "ehr", "then", "instead", "side", "end"})


def rung_followup(previous: str, question: str) -> str | None:
    """"What about senior level" after a question on a rung's pay or work ("what do entry level
    ehr specialists make"): the previous question of the rung named instead; after a pay
    question naming no rung, its pay at that rung. None when the follow-up says more than a
    rung, or the previous question asked neither of a rung nor an amount."""
    own = _own_words(question, MAX_FOLLOWUP_WORDS)
    found = rung_words(" ".join(own)) if own is not None else None
    if found is None:
        return None
    stage, rung = found
    rest = _leftover(" ".join(own).replace(rung, " ").split(), _RUNG_FILLER)
    before = " ".join(words(previous))
    earlier = named_stage(before)
    if rest or earlier == stage or (earlier is None
                                    and not find_mentions(previous, words(previous)).asks_amount):
        return None
    return swap_rung(before, rung)


# A move of one GS grade ("the range at the next grade up", "and one grade higher?", "a grade
# below that"): +1 or -1.
_GRADE_MOVE = re.compile(r"\b(?:(?:the )?next|one|a) grade "
                         r"(?P<dir>up|higher|above|down|lower|below)"
                         r"|\b(?:the )?next (?:gs )?grade\b|\bgrade (?P<dir2>above|below)\b")
_GRADE_DOWN = frozenset({"down", "lower", "below"})


def grade_followup(previous: str, question: str) -> str | None:
    """"The range at the next grade up" after a question on a GS grade: that grade's pay
    range, one grade up (or down); None when it is no such move or no grade was named."""
    folded = " ".join(words(question))
    moved = _GRADE_MOVE.search(folded)
    grades = grades_named(" ".join(words(previous)))
    if moved is None or not grades or grades_named(folded):
        return None
    down = (moved["dir"] or moved["dir2"] or "up") in _GRADE_DOWN
    return f"gs-{int(grades[-1].removeprefix('gs')) + (-1 if down else 1)} pay range"


# Moving on from a step of the way in ("ok and after that?", "then what", "and before that"):
# the next (or previous) step, when the previous question named one.
_STEP_ON = re.compile(r"^(?:and |so |ok )?(?:then|after (?:that|this|it)|(?:what|whats) (?:comes |"
                      r"happens |do i do )?(?:after (?:that|this|it)|next)|next|then what|"
                      r"the next one|(?:and )?what after)$")
_STEP_BACK = re.compile(r"^(?:and |so |ok )?(?:what (?:comes |was )?)?before (?:that|this|it)$")


def step_followup(previous: str, folded: str) -> str | None:
    """"Ok and after that?" after a question on a numbered step of the way in: the step after
    it (or before it); None otherwise."""
    onward, back = _STEP_ON.match(folded), _STEP_BACK.match(folded)
    if not (onward or back):
        return None
    asked = asked_step(" ".join(words(previous)))
    if asked is None or not 1 <= asked.number <= len(steps()):
        return None
    number = asked.number + (1 if onward else -1)
    return f"what is step {min(max(number, 1), len(steps()))} of becoming an ehr specialist"


# What the ladder as a whole is asked as.
_WHOLE_LADDER = "what are the stages of the career ladder"
# A question about a certification's part ("how long is the test", "what do i need to score to
# pass") asks it of the certification the previous question named; not one about several
# ("how much do the exams cost", "which exam is cheapest", "do all certs need ceus").
_CERT_PART = re.compile(r"\b(?:test|exam|fee|cost|price|score|pass\w*|questions?|renew\w*|ceus?|"
                        r"retake|retest|eligib\w*|prereq\w*|requirements?)\b")
_SEVERAL = re.compile(r"\b(?:tests|exams|fees|certs|certifications|credentials|all|each|every|"
                      r"which|any|other|cheapest|hardest|easiest)\b")
# "How much is it" of a certification asks its price (a certification pays nothing).
_HOW_MUCH = re.compile(r"^(?:and |so |ok )?how much (?:is|does|do|will|would)\b")


def followup_text(previous: str, question: str) -> str | None:
    """The question as it reads after `previous`, or None when it is not a follow-up.

    "and in Florida?" after "how much do EHR specialists make" → "how much do ehr specialists
    make in florida": a state or certification named replaces the previous one; a question that
    only points back ("how long is it?") keeps the previous question's state and certifications;
    one that only changes a slot ("per hour?") keeps the rest of the previous question. Chat
    fillers it opens with ("k, indiana next") are left out.
    """
    question = without_fillers(question)
    slotted = slot_followup(previous, question) or ladder_followup(previous, question) \
        or grade_followup(previous, question) or rung_followup(previous, question)
    if slotted is not None:
        return slotted
    own = words(question)
    if not own or len(own) > MAX_PART_WORDS:
        return None
    folded = " ".join(own)
    if _WHY.match(folded):
        return previous
    stepped = step_followup(previous, folded)
    if stepped is not None:
        return stepped
    named = mention_words(question)
    content = [w for w in own if w not in STOPWORDS and w not in _BACK and w not in named
               and w not in _ONWARD]
    asked = find_mentions(question, own)
    before = find_mentions(previous, words(previous))
    replaced = set()
    if asked.state and before.state:
        replaced |= mention_words(previous, states=True, certs=False)
    if asked.certs and before.certs:
        replaced |= mention_words(previous, states=False, certs=True)
    opening = _OPENINGS.match(folded)
    of_cert = bool(before.certs) and not (asked.certs or asked.state)
    of_part = of_cert and bool(_CERT_PART.search(folded)) and not _SEVERAL.search(folded)
    timed = of_cert and _TIME_ONLY.match(folded) is not None
    if len(own) > MAX_FOLLOWUP_WORDS and not of_part:
        return None
    points_back = bool(_BACK.intersection(own)) or of_part or timed
    # "Florida?" alone after "pay in Texas": a state for a state, a certification for one.
    bare = bool(replaced) and len(content) <= 1
    if not (opening or points_back or bare or _BARE.match(folded)):
        return None
    kept = [w for w in words(previous) if w not in replaced]
    rest = " ".join(w for w in _OPENINGS.sub("", folded).split() if w not in _ONWARD)
    if not content and of_cert and _HOW_MUCH.match(folded):
        return " ".join(["how much does it cost", *sorted(mention_words(previous))])
    if not content:
        # Nothing asked of its own ("and in Florida?"): the previous question, changed.
        return " ".join([*kept, rest])
    if _WHICH_ONE.search(folded):
        # A choice among what the previous question named ("do ehr specialists and coders do
        # the same thing" then "which one pays better"): all of it is asked again.
        return " ".join([*kept, rest])
    # Its own question ("what about remote work?", "how long is it?"): the previous
    # question's state and certifications carry over.
    carried = mention_words(previous) - replaced
    if of_cert and not _CERT_PART.search(folded):
        # "how long is it" after a question on a certification's exam: that part's length.
        carried |= {w for w in words(previous) if _CERT_PART.fullmatch(w)}
    if points_back and not vendor_words(folded):
        # "how do i get epic certified and how much does it cost": "it" is Epic's.
        carried |= vendor_words(" ".join(words(previous)))
    return " ".join([rest, *[w for w in kept if w in carried]])
