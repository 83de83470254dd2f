"""What a question mentions: certifications, a state (or a well-known place in one), years, an
employer, first person."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import cache

from knowledge.profile import MAX_YEARS, STATES, Certification, Education, Employer
from knowledge.qa.framing import PEOPLE
from knowledge.qa.occupation import names_occupation
from knowledge.qa.text import FIRST_PERSON, FUNDED, HOW_MUCH_OF, fold, words, years_elsewhere
from knowledge.store import load_knowledge

# Two-letter codes that are also ordinary words or another meaning ("VA" is Veterans Affairs
# far more often than Virginia here) count only as full state names.
_AMBIGUOUS_CODES = frozenset({"IN", "ME", "OR", "OK", "HI", "VA", "DE", "LA", "MA", "PA", "ID",
                              "AL", "CO", "OH", "MD", "MS", "MO", "GA", "AS"})
# What people call some states besides their names.
_STATE_ALIASES = {"cali": "CA", "socal": "CA", "norcal": "CA", "jersey": "NJ", "mass": "MA",
                  "penn": "PA", "the carolinas": "NC", "tenn": "TN",
                  "minn": "MN", "wisc": "WI", "conn": "CT", "mich": "MI", "okla": "OK"}
_STATE_NAMES = sorted([*((fold(name), code) for code, name in STATES.items()),
                       *_STATE_ALIASES.items()], key=lambda item: -len(item[0]))
# One pass over a question for every name (longest first, so "west virginia" wins over
# "virginia" where both start).
_STATE_PATTERN = re.compile(r"\b(?:" + "|".join(re.escape(name) for name, _ in _STATE_NAMES)
                            + r")\b")
_STATE_CODES = dict(_STATE_NAMES)
# Washington, DC is the District, not Washington state.
_WASHINGTON_DC = re.compile(r"\bwashington d ?c\b")
_CODE = re.compile(r"\b([A-Z]{2})\b")
_YEARS = re.compile(r"\b([0-9]{1,2})\s*\+?\s*(?:years?|yrs?)\b")
# Ten years said as a decade ("a decade in", "over a decade as a coder").
_DECADE = re.compile(r"\b(?:a|one) decade\b")
_DECADE_YEARS = 10
# Words that ask for an amount of pay ("what would I earn"), unlike "how can I get a raise".
_AMOUNT = frozenset({"much", "earn", "earning", "earnings", "make", "making", "salary", "pay",
                     "paid", "income", "wage", "wages", "estimate", "add", "adds", "underpaid",
                     "overpaid"})
# Words of a renewal's units: beside them, adding a credential asks its units, not what it adds
# to one's pay ("if i add the cpc how many ce credits do i need").
_UNIT_WORDS = frozenset({"ce", "ces", "ceu", "ceus", "credits", "units", "hours", "continuing"})
_ADD = frozenset({"add", "adds"})
# A what-if about oneself: "what if I moved to Ohio", "what would RHIT add for me".
_WHAT_IF = re.compile(r"\b(?:what if|if i|if we|add|adds|get me)\b")

# Government jobs in short ("feds", "govt", "a fed job": "fed" alone is also "fed up").
_GOVERNMENT_SLANG = ("feds", "gov", "govt", "fed job", "fed jobs", "fed gig")
_EMPLOYER_WORDS: dict[str, Employer] = {
    "hospital": Employer.HOSPITAL, "hospitals": Employer.HOSPITAL,
    "clinic": Employer.CLINIC, "clinics": Employer.CLINIC, "physician": Employer.CLINIC,
    "outpatient": Employer.OUTPATIENT, "nursing": Employer.NURSING_HOME,
    "va": Employer.GOVERNMENT, "federal": Employer.GOVERNMENT, "government": Employer.GOVERNMENT,
    "gs": Employer.GOVERNMENT, **dict.fromkeys(_GOVERNMENT_SLANG, Employer.GOVERNMENT),
    "insurance": Employer.INSURANCE, "insurer": Employer.INSURANCE,
    "vendor": Employer.VENDOR, "epic": Employer.VENDOR,
}
_EDUCATION_WORDS: dict[str, Education] = {
    "ged": Education.HIGH_SCHOOL, "diploma": Education.HIGH_SCHOOL,
    "associate": Education.ASSOCIATE, "associates": Education.ASSOCIATE,
    "bachelor": Education.BACHELOR, "bachelors": Education.BACHELOR,
    "master": Education.MASTER, "masters": Education.MASTER,
}
_CERT_WORDS = {cert.value.lower(): cert for cert in Certification}
# Government employers are a subject of their own: "VA pay" is about them, not national pay.
GOVERNMENT = "government"
GOVERNMENT_WORDS = frozenset({"va", "federal", "government", "gs", "ssa", "hhs", "opm",
                              *_GOVERNMENT_SLANG})
# So is each General Schedule grade ("GS-7", "gs 9"): "GS-7 range in 2024" is about GS-7's card,
# not the overview listing every grade, and "gs-5 vs gs-7" names two sides.
_GS_GRADE = re.compile(r"\bgs ?(\d{1,2})\b")


def grades_named(folded: str) -> tuple[str, ...]:
    """The GS grades a folded text names, in order, each as its subject ("gs7")."""
    return tuple(dict.fromkeys(f"gs{grade}" for grade in _GS_GRADE.findall(folded)))


# Credentials the knowledge does not hold whose names hold a name it does: "billing and coding
# specialist" is the CBCS, not the CCS ("coding specialist"); they are left as written.
_NOT_HELD = r"(?:certified )?billing (?:and |& )?coding specialists?"
# The forms a word of a certification's name is also typed in ("health info tech").
_NAME_WORD_FORMS = {"information": "(?:information|info)", "technician": "(?:technician|tech)s?",
                    "administrator": "(?:administrator|admin)s?", "records": "records?",
                    "specialist": "specialists?", "coder": "coders?", "analyst": "analysts?",
                    "associate": "associates?", "and": "(?:and|&)"}
# A name's leading title word: without it the name is a partial name ("coding associate").
_TITLE_WORDS = frozenset({"certified", "registered"})
# What is asked of a body's credential after its name ("nha exam", "nha charges", "pay nha for
# the exam", "the nha ehr test").
_BODY_ASKED = (r"(?:(?:for|to take|to sit)\W+(?:(?:the|its|their|an?|my)\W+)?)?"
               r"(?:(?:ehrs?|emrs?|(?:electronic\W+)?(?:health\W+)?records?)\W+)?"
               r"(?:exams?|tests?|fees?|charges?|costs?|prices?)\b")


# A long word of a name typed with one letter missing ("certifed coding asociate") still names
# it: the typos are corrected only after the names are read.
_DROPPED_FROM = 7


def _name_word(word: str) -> str:
    """The pattern of one word of a certification's name: its forms, and each with a letter
    dropped when it is long."""
    forms = [word]
    if len(word) >= _DROPPED_FROM:
        forms += dict.fromkeys(word[:at] + word[at + 1:] for at in range(len(word)))
    pattern = "|".join(re.escape(form) for form in forms)
    known = _NAME_WORD_FORMS.get(word)
    return f"(?:{known}|{pattern})" if known else f"(?:{pattern})"


def _name_pattern(name_words: list[str]) -> str:
    return r"\W+".join(_name_word(word) for word in name_words)


def _partial_allowed(rest: str, titles: list[str]) -> bool:
    """Whether a certification's name without its title word still names only it: not the
    occupation ("electronic health records specialist") nor a career stage's or side path's
    title ("health information technician")."""
    return not names_occupation(rest) and not any(rest in title for title in titles)


@cache
def _long_names() -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for every certification's long name, and partial name where it names only
    that certification ("professional coder", "coding associate"), longest first; and each
    matched name's code (by its folded words)."""
    kb = load_knowledge()
    titles = [" ".join(words(item.title)) for item in (*kb.stages, *kb.career.side_paths)]
    names: list[tuple[str, str]] = []
    for cert in kb.certifications:
        name_words = words(cert.name)
        if name_words[0] in _TITLE_WORDS and \
                _partial_allowed(" ".join(name_words[1:]), titles):
            names.append((rf"(?:{_name_word(name_words[0])}\W+)?{_name_pattern(name_words[1:])}",
                          cert.code.value))
        else:
            names.append((_name_pattern(name_words), cert.code.value))
            if name_words[0] in _TITLE_WORDS:
                # The occupation's name before "exam" is the credential's ("the electronic
                # health records specialist test").
                names.append((rf"{_name_pattern(name_words[1:])}(?=\W+(?:exam|test)s?\b)",
                              cert.code.value))
    awarded = Counter(cert.body for cert in kb.certifications)
    for cert in kb.certifications:
        if awarded[cert.body] == 1:
            # A body awarding one credential here names it before its exam or price ("the nha
            # exam fee", "what does nha charge": the CEHRS's).
            names += [(rf"{_name_pattern(words(body))}(?=\W+{_BODY_ASKED})", cert.code.value)
                      for body in (cert.body, cert.body_name)]
    names.sort(key=lambda item: -len(item[0]))
    pattern = "|".join(f"(?P<c{n}>{name})" for n, (name, _) in enumerate(names))
    return (re.compile(rf"\b(?:(?P<other>{_NOT_HELD})|{pattern})\b", re.IGNORECASE),
            {f"c{n}": code for n, (_, code) in enumerate(names)})


# A partial name ending in a worker's title ("health information administrator", "coding
# specialist", "professional coder") is also a job: it names the certification only in a
# question about credentials (their words, a code, another certification's name).
_WORKER_TITLE = re.compile(r"(?:technician|tech|administrator|admin|specialist|coder|analyst)s?$",
                           re.IGNORECASE)
_CREDENTIAL_WORDS = re.compile(
    r"\b(?:certs?|certifications?|certified|credentials?|exams?|tests?|fees?|costs?|price|"
    r"members?|membership|renew\w*|recert\w*|ceus?|eligib\w*|requirements?|prerequisites?|"
    r"qualify|pass\w*|retake|retest|sit for|open book|code books?|"
    + "|".join(code.value.lower() for code in Certification) + r")\b", re.IGNORECASE)


def _names_job(match: re.Match[str]) -> bool:
    """Whether a name matched is a partial one that is also a job's title."""
    name = match.group()
    return not name.lower().startswith(tuple(_TITLE_WORDS)) and bool(_WORKER_TITLE.search(name))


def with_codes(text: str, context: str = "") -> str:
    """`text` with each certification named by its long or partial long name written as its
    code ("the coding associate exam" → "the CCA exam"), so that every rule reading codes
    reads it; other credentials' names, and a partial name that is also a job's title in a
    question not about credentials ("what does a health information administrator do"; a
    follow-up is about them when its `context`, the previous question, is), are left as they
    are."""
    pattern, codes = _long_names()
    matches = [match for match in pattern.finditer(text) if match.lastgroup in codes]
    if not matches:
        return text
    about_credentials = bool(_CREDENTIAL_WORDS.search(f"{text} {context}")) or \
        not all(_names_job(match) for match in matches)
    pieces, end = [], 0
    for match in matches:
        if about_credentials or not _names_job(match):
            pieces += [text[end:match.start()], codes[str(match.lastgroup)]]
            end = match.end()
    return "".join([*pieces, text[end:]])


@cache
def _places() -> tuple[re.Pattern[str], dict[str, tuple[str, ...]]]:
    """One pattern for every name of a well-known US place (cities.yaml), longest first, and
    each name's states."""
    states = {name: city.states for city in load_knowledge().cities for name in city.names}
    names = sorted((" ".join(words(name)) for name in states), key=len, reverse=True)
    folded = {" ".join(words(name)): codes for name, codes in states.items()}
    return re.compile(r"\b(?:" + "|".join(re.escape(name) for name in names) + r")\b"), folded


def _codes(text: str) -> list[str]:
    """Two-letter words that may be state codes: "TX" as typed, or "ny" in lower case."""
    return [*_CODE.findall(text), *(word.upper() for word in words(text) if len(word) == 2)]


def subjects_of(words: Collection[str]) -> set[str]:
    """The subjects `words` name: each certification (its code) and government employers.

    One rule for both sides of the match: an entry's title and keywords, a question's words.
    """
    subjects = {_CERT_WORDS[word].value for word in words if word in _CERT_WORDS}
    if GOVERNMENT_WORDS.intersection(words):
        subjects.add(GOVERNMENT)
    return subjects


@dataclass(frozen=True)
class Mentions:
    certs: tuple[Certification, ...] = ()
    state: str | None = None
    states: tuple[str, ...] = ()  # every state named, in order ("Texas or Florida")
    years: int | None = None
    employer: Employer | None = None
    education: Education | None = None
    first_person: bool = False
    asks_amount: bool = False
    what_if: bool = False
    subjects: frozenset[str] = field(default_factory=frozenset)

    def profile_changes(self) -> dict[str, object]:
        """The what-if a question describes, as profile field changes (certs are added)."""
        changes: dict[str, object] = {}
        if self.state:
            changes["state"] = self.state
        if self.years is not None:
            changes["years"] = self.years
        if self.employer:
            changes["employer"] = self.employer
        if self.education:
            changes["education"] = self.education
        return changes


def _states(text: str, folded: str) -> tuple[str, ...]:
    """The states named, in the order written: full names (longest first, so that "west
    virginia" is not also Virginia), else unambiguous codes; then the states of each well-known
    place named ("houston" → Texas; "kansas city" → Missouri, Kansas: a place's own name holds
    no state), unless a state named is one of them ("portland maine" → Maine)."""
    pattern, places = _places()
    folded = _WASHINGTON_DC.sub("district of columbia", folded)
    named_places = [places[match.group()] for match in pattern.finditer(folded)]
    rest = pattern.sub(" ", folded)
    named = [_STATE_CODES[match.group()] for match in _STATE_PATTERN.finditer(rest)]
    if not named:
        named = [code for code in _codes(text) if code in STATES and code not in _AMBIGUOUS_CODES]
    found = set(named)
    named += [code for codes in named_places if not found.intersection(codes) for code in codes]
    return tuple(dict.fromkeys(named))


# A move from one state to another ("relocating from Ohio to Colorado", "leaving Florida for
# Washington"): the state moved to is the one asked about, the one left only the background.
_MOVING = re.compile(r"\b(?:mov(?:e|ed|es|ing)|relocat\w*|transfer\w*|leav(?:e|ing))\b")
_LEFT = r"\b(?:from|leaving|leave|out of)\s+(?:the state of\s+)?"


def destination_first(states: tuple[str, ...], folded: str) -> tuple[str, ...]:
    """`states` with the state moved to first when the question tells of a move out of the
    first one named."""
    if len(states) < 2 or not _MOVING.search(folded):
        return states
    left = states[0]
    names = "|".join(re.escape(name) for name, code in _STATE_NAMES if code == left)
    if not re.search(_LEFT + rf"(?:{names}|{left.lower()})\b", folded):
        return states
    return (states[1], left, *states[2:])


def named_place_words(folded: str) -> list[str]:
    """The folded words of `folded` that belong to a well-known place's name ("kansas city")."""
    pattern, _ = _places()
    return [word for match in pattern.finditer(folded) for word in match.group().split()]


# "Tell me what EHR specialists earn": the asker is only the one told, not who is asked about.
_ASKED_OF_ME = re.compile(r"\b(?:tell|show|give) me\b")


# Someone the asker names as theirs ("my aunt", "my 19 year old son", "a friend of mine"):
# what is said of them is not of the asker.
_SOMEONE_ELSE = re.compile(rf"\b(?:(?:my|our) (?:\w+ ){{0,3}}?(?:{PEOPLE})s?(?: in laws?)?|"
                           rf"(?:a|an) (?:{PEOPLE}) of (?:mine|ours))\b")


# Someone else by a pronoun ("what's he worth", "what should she be making").
_HE_OR_SHE = re.compile(r"\b(?:he|she|hes|shes|his|her|him)\b")


def speaks_of_other(folded: str) -> bool:
    """Whether the asker speaks of someone else: someone of theirs ("my brother", "a friend of
    mine"), or he or she."""
    return bool(_SOMEONE_ELSE.search(folded) or _HE_OR_SHE.search(folded))


def speaks_of_self(folded: str) -> bool:
    """Whether the asker speaks of themselves ("what would i make", "my state"), not only of
    someone of theirs ("my aunt is a nurse, how much would she make")."""
    return bool(set(_SOMEONE_ELSE.sub(" ", _ASKED_OF_ME.sub(" ", folded)).split()) & FIRST_PERSON)


def _years(folded: str) -> int | None:
    """The years of experience a folded question names; more than a profile accepts (e.g. "99
    years") is not taken as the asker's."""
    found = _YEARS.search(folded)
    years = int(found.group(1)) if found else _DECADE_YEARS if _DECADE.search(folded) else None
    return years if years is not None and years <= MAX_YEARS else None


def find_mentions(text: str, corrected: list[str]) -> Mentions:
    """Mentions in `text`; `corrected` are its words after typo correction ("rhti" → "rhit")."""
    folded = " ".join(words(text))
    # A state misspelled ("flordia") is read as its correction when none is named as written.
    states = destination_first(_states(text, folded) or _states("", " ".join(corrected)),
                               folded)
    state = states[0] if states else None
    certs = tuple(dict.fromkeys(_CERT_WORDS[w] for w in corrected if w in _CERT_WORDS))
    # "How much experience does CPHIMS need" asks no amount of money.
    amount_words = set(HOW_MUCH_OF.sub(" ", folded).split())
    if amount_words & _UNIT_WORDS:
        amount_words -= _ADD
    employer = next((_EMPLOYER_WORDS[w] for w in corrected if w in _EMPLOYER_WORDS), None)
    education = next((_EDUCATION_WORDS[w] for w in corrected if w in _EDUCATION_WORDS), None)
    subjects = subjects_of(corrected) | ({state} if state else set()) | set(grades_named(folded))
    return Mentions(
        certs=certs,
        state=state,
        states=states,
        # Not years told of another job ("worked as a phlebotomist for 6 yrs").
        years=None if years_elsewhere(text) else _years(folded),
        employer=employer,
        education=education,
        first_person=speaks_of_self(folded),
        asks_amount=bool(amount_words & _AMOUNT) and not FUNDED.search(folded),
        what_if=bool(_WHAT_IF.search(folded)),
        subjects=frozenset(subjects),
    )


def mention_words(text: str, states: bool = True, certs: bool = True) -> set[str]:
    """The folded words of `text` that name a state (its name or unambiguous code) or a
    certification (its code): what a follow-up replaces ("what about Texas?")."""
    folded = " ".join(words(text))
    found: set[str] = set()
    if states:
        for match in _STATE_PATTERN.finditer(folded):
            found.update(match.group().split())
        found.update(named_place_words(folded))
        found.update(code.lower() for code in _codes(text)
                     if code in STATES and code not in _AMBIGUOUS_CODES)
    if certs:
        found.update(word for word in folded.split() if word in _CERT_WORDS)
    return found
