"""The occupation's own names in a question ("electronic health records specialists", "medical
records techs"): every question here is about the occupation, so its name says nothing about what
is asked and must not pull a card whose title happens to hold it (a career stage, a
certification). "What does an EHR specialist do" (or, of them, "what do they do"; reported,
"what they do") asks for the duties."""

from __future__ import annotations

import re

# "Health information specialist" and "health information technician" are career stages: named.
_FIELD = (r"(?:electronic health records?|electronic medical records?|ehr|emr|medical records?|"
          r"health records?|records?)")
_WORKER = (r"(?:specialists?|technicians?|techs?|clerks?|workers?|professionals?|people|folks|"
           r"ppl|peeps)")
# The words of those names, as the typo corrector should find them ("helth" → "health").
NAME_WORDS = frozenset({"electronic", "health", "medical", "record", "records", "specialist",
                        "specialists", "technician", "technicians", "certified", "registered"})
# Not after "certified" or "registered": "certified electronic health records specialist" is the
# CEHRS, "registered health information technician" the RHIT.
# (Nor inside a longer name: "health records specialist" within "electronic health records…".)
_NAME = re.compile(rf"\b(?<!certified )(?<!registered )(?<!electronic )(?<!medical )(?<!health )"
                   rf"(?:an? |the )?{_FIELD} {_WORKER}\b")
_WHAT_DO = re.compile(rf"\bwhat (?:does|do) (?:(?:an? |the )?{_FIELD} {_WORKER}|they) "
                      r"(?:actually |really )?do\b"
                      rf"|^what (?:is|are) (?:an? )?{_FIELD} {_WORKER}$"
                      # asked as reported ("my mom wants to know what an ehr specialist does")
                      rf"|\bwhat (?:(?:an? |the )?{_FIELD} {_WORKER}|they) (?:actually |really )?"
                      r"(?:does|do)$")
# "Where do EHR specialists work" asks where they work (the name goes, and with it the only
# words that said where).
_WHERE_WORK = re.compile(rf"\bwhere (?:do|does|can|could|would) (?:an? |the )?{_FIELD} {_WORKER} "
                         r"(?:usually |typically |mostly |normally )?work\b")
# A head count of the occupation ("how many medical records specialists are there", "how many
# ppl work in this field") asks how many jobs there are; not a count at a body or agency ("how
# many people work at the BLS", "how many people does the VA employ") or of holders.
_HEAD_COUNT = re.compile(rf"\bhow many (?:(?:an? |the )?{_FIELD} {_WORKER}\b"
                         r"(?! (?:does|do|at|for)\b)"
                         rf"|{_WORKER}(?= (?:work|are employed|(?:are|r) there)\b"
                         r"(?! (?:at|for)\b)))"
                         r"(?: (?:work|are employed|(?:are|r) there))?"
                         r"(?: in (?:this|the) (?:field|job|us|usa|country|united states))?")
# A head count asked as a yes/no against a number ("are there more than 100k medical records
# jobs", "is it over 150000 jobs"): how many jobs there are.
_COUNT_CHECKED = re.compile(r"\b(?:are there|r there|is it|there are|is that)"
                            r"(?: (?:more than|over|less than|under|fewer than|at least|like|"
                            r"about|around|roughly|really))? \d[\d ]*k?(?: \w+){0,3}"
                            r" (?:jobs|positions|openings|people employed)\b")
# The need for the occupation ("is there a need for ehr people", "is the need for records
# specialists going up") is the demand for it.
_NEED_FOR = re.compile(rf"\b(?:need|needs|demand) for (?:more |new )?(?:an? |the )?{_FIELD} "
                       rf"{_WORKER}\b")
# Becoming one, asked of pay ("how much would i make if i became a records specialist", "what
# would i earn if i switched to medical records", "she wants to switch to medical records, how
# much would she make", "what would i get as an ehr specialist"): the pay as one; "get" there
# is what one is paid.
_BECOMING = re.compile(rf"\b(?:if (?:i|you|u|id|he|she|they|we) (?:became|become|was|were"
                       rf"|worked as|got a job as|(?:switched|went|moved|got|transitioned) "
                       rf"(?:in)?to)|(?:wants?|wanting|planning|looking|hoping|thinking about"
                       rf"|going) to (?:switch|move|go|get|transition) (?:in)?to"
                       rf"|thinking (?:about|of) (?:switching|moving|going|getting) (?:in)?to)"
                       rf"(?= (?:an? |the )?{_FIELD}"
                       rf"(?: {_WORKER}| work| field| side)?\b)")
# Pay in the field or as it ("how much would she make in medical records", "... as medical
# records"), its workers unnamed, is pay as one of them: the field's words go.
_IN_FIELD = re.compile(rf"\b((?:make|earn|paid) in|as) (?:an? |the )?{_FIELD}"
                       rf"(?: field| work| side| jobs?)?\b(?! {_WORKER}\b)")
_GET_AS = re.compile(rf"\b(?:would|will|could|might) (?:i|id|you|u) get"
                     rf"(?= (?:as|being|working as) (?:an? |the )?{_FIELD} {_WORKER}\b)")
# A comparison with another occupation needs both names ("are coders and EHR specialists the same").
_COMPARING = frozenset({"vs", "versus", "difference", "different", "differ", "same", "compare",
                        "compared", "coder", "coders", "coding"})
# Unless what is compared is two measures of its pay ("the average vs the median for records
# specialists"): then the name says nothing.
_MEASURE = r"\b(?:mean|average|avg|median)\b"
_MEASURES = re.compile(rf"{_MEASURE}.*\b(?:vs|versus|compared)\b.*{_MEASURE}")
# A question made only of such words asks what the occupation is; it keeps its name.
_FILLER = frozenset({"what", "is", "are", "a", "an", "the", "who", "whats", "do", "does", "s",
                     "vs", "versus", "or", "and", "about", "tell", "me", "explain", "define"})


def names_occupation(folded: str) -> bool:
    """Whether the question names the occupation: then it is about the field, never off-topic."""
    return bool(_NAME.search(folded))


def without_occupation(folded: str) -> str:
    """Folded question text with the occupation's names dropped, unless nothing else is asked;
    "what does an EHR specialist do" reads as "duties", a head count of them as jobs, the need
    for them as demand."""
    folded = _WHERE_WORK.sub("where do they work", _WHAT_DO.sub("duties", folded))
    folded = _IN_FIELD.sub(r"\1", _GET_AS.sub("would i earn", _BECOMING.sub("as", folded)))
    folded = _NEED_FOR.sub("demand", _HEAD_COUNT.sub("how many jobs ", folded))
    folded = _COUNT_CHECKED.sub("how many jobs", folded)
    if _COMPARING & set(folded.split()) and not _MEASURES.search(folded):
        return folded
    stripped = " ".join(_NAME.sub(" ", folded).split())
    if not set(stripped.split()) - _FILLER:
        return folded
    return stripped


# The SOC codes whose digits read as a year ("29-2072 mean wage": no year 2072), as the names
# the cards use: today's code is the occupation, the old one its old, broader group.
_SOC_CODES = {"2072": "medical records specialists",
              "2071": "medical records and health information technicians old code"}
_SOC_CODE = re.compile(r"\b(?:soc\s+(?:code\s+)?)?29[-\s]?(?P<code>2072|2071)(?:\.00)?\b",
                       re.IGNORECASE)


def with_soc_names(text: str) -> str:
    """`text` with the occupation's SOC codes (29-2072, old 29-2071) written as its names."""
    return _SOC_CODE.sub(lambda match: _SOC_CODES[match["code"]], text)


# Two jobs set side by side ("health information technologist vs medical records specialist
# pay", "medical coder vs health information technician, what's the difference"): one job's card
# does not hold the other's pay, growth or work, so each named job's card follows. Per job: its
# card for pay, for growth and for the work (None: the job has no card of that kind; the EHR
# specialist's work is what the answer is about anyway).
_JOBS = (
    (re.compile(r"\b(?:health info(?:rmation)? )?technologists?\b"),
     ("topic:salary_related", "topic:salary_related", "topic:salary_related")),
    (re.compile(r"\b(?:medical records?|ehr|emr|electronic health records?) specialists?\b"),
     ("topic:salary_national", "topic:outlook", None)),
    (re.compile(r"\b(?:medical )?coders?\b|\bmedical coding\b"),
     ("topic:coder_pay", None, "side_path:coder")),
    (re.compile(r"\bhealth info(?:rmation)? tech(?:nician)?s?\b"),
     (None, None, "side_path:hit")),
    (re.compile(r"\b(?:medical )?records? tech(?:nician)?s?\b"),
     (None, None, "side_path:records_technician")),
)
_JOBS_COMPARED = re.compile(r"\b(?:vs|versus|or|difference|diff|differ\w*|compar\w*|between|"
                            r"than)\b")
_GROWTH = re.compile(r"\b(?:grow\w*|growth|outlook|demand|projected|projections?)\b")


def jobs_compared(folded: str, pay: bool) -> list[str]:
    """The cards of the jobs a folded question sets side by side, in the jobs' order above
    (empty unless it names two and compares them): for pay (`pay`), growth or the work."""
    if not _JOBS_COMPARED.search(folded):
        return []
    kind = 0 if pay else 1 if _GROWTH.search(folded) else 2
    named = [cards[kind] for pattern, cards in _JOBS if pattern.search(folded)]
    return [card for card in dict.fromkeys(named) if card] if len(named) > 1 else []
