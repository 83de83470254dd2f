"""Certification questions asked in other words, read in the knowledge's own words.

A pass rate ("what share of CEHRS candidates pass", "how many people fail the CCS", "success
rate"), a retake ("when can I sit again", "take it again"), a pass mark ("the cutoff", "minimum
score to pass", "what do I need to get to pass") and testing before graduating ("in my last
semester", "before I graduate", in a question about an exam) are written as "pass rate",
"retake", "passing score" and "final term" before anything else reads the question, so that the
specifics (a pass rate, a pass mark must be named by the answer) and the part cards read them
alike. Another attempt ("try a third time", "redo the CEHRS", "allowed to sit it again") is a
retake; how narrowly or how often one failed ("by a few points", "twice") asks nothing and is
left out. The grade or score one needs ("what grade do u need on the cphims") is a pass mark, and
keeping a credential active or current is renewing it; "how much is the CCA" asks its exam fee;
never having worked in healthcare, or zero experience, is having no experience.
"""

from __future__ import annotations

import re

from knowledge.qa.text import CERT_CODES

_FLAGS = re.IGNORECASE
# The people a pass rate counts ("candidates", "first-time takers"): not what is asked.
_CROWD = (r"(?:first[- ]?tim(?:e|ers?) )?(?:people|ppl|folks|persons|candidates|test[- ]?takers"
          r"|takers|testers|examinees|applicants|students|first[- ]?timers|those|ones)")
_PASSED = r"(?:pass|passes|passed|passing|fail|fails|failed|failing|make it|succeed)"
_SHARE = r"(?:share|percent|percentage|%|proportion|fraction|portion|ratio|number|amount)"
# A share or count of people passing or failing; a rate of success or failure. What stands
# between ("of CEHRS candidates") is kept, but for the people counted.
_PASS_RATE = re.compile(
    rf"\b(?:what|which)(?:'?s| is)?(?: the)? {_SHARE} of(?P<of>(?: [\w'-]+){{0,6}}?)"
    rf"(?: who| that)? {_PASSED}\b"
    rf"|\bwhat {_SHARE} {_PASSED}\b"
    rf"|\b(?:odds|chances?|likelihood)(?P<odds>(?: [\w'-]+){{0,3}}?) {_PASSED}\b"
    rf"|\bhow many(?P<many>(?: \w+){{0,2}}?) (?:actually |really |usually )?{_PASSED}\b"
    rf"|\b(?:do|does|did) (?:a lot of|lots of|many|most|loads of|tons of) {_CROWD} {_PASSED}\b"
    r"|\b(?:success|passing|pass|fail|failure) (?:rates?|ratios?|percentages?)\b", _FLAGS)
_CROWD_WORDS = re.compile(rf"\b{_CROWD}\b", _FLAGS)
# The people named after a pass rate ("pass rates for first time CCA takers"): left out.
_RATE_CROWD = re.compile(rf"(?<=pass rate)(.*?)\b{_CROWD}\b|(?<=pass rates)(.*?)\b{_CROWD}\b",
                         _FLAGS)
# Sitting an exam again, in words of several ("sit again", "take it again"; "retest" and
# "resit" are the synonyms' own).
_RETAKE = re.compile(r"\b(?:sit|take|write|attempt|test|redo|re do)(?P<what>(?: (?:it|them|that"
                     r"|the|my|this|an?|exam|test|[a-z]{3,6})){0,2}?) (?:again|over again)\b",
                     _FLAGS)
# Another attempt ("try a third time", "my next attempt", "another shot"), redoing an exam, or
# being allowed to retake: a retake.
_ANOTHER_TRY = re.compile(r"\b(?:try|sit|go|test)(?: it| for it)? (?:a |the )?(?:second|third"
                          r"|fourth|2nd|3rd|4th|next) (?:time|attempt|try|go)\b"
                          r"|\b(?:another|a second|a third|my next|the next) "
                          r"(?:attempt|try|shot|go)\b"
                          rf"|\bredo(?= (?:the |my |an? )?(?:exam|test|{CERT_CODES})\b)",
                          _FLAGS)
_ALLOWED_RETAKE = re.compile(r"\b(?:allowed|able|permitted|eligible) to retake\b", _FLAGS)
# How narrowly one failed ("failed by a few points"): nothing to answer.
_MARGIN = re.compile(r"\bby (?:a few|a couple(?: of)?|just a few|only a few|a handful of|some|one|"
                     r"two|three|\d+) (?:points?|marks?|questions?|pts)\b", _FLAGS)
# How often one failed ("failed the cca twice"): nothing to answer either.
_TIMES_FAILED = re.compile(r"\b(fail(?:ed)?|flunked|bombed)((?: \w+){0,2}?) (?:twice|two times"
                           r"|three times|a couple (?:of )?times|multiple times|again|already)\b",
                           _FLAGS)
# The score needed to pass, in other words ("the cutoff", "minimum score", "passing grade").
_PASS_MARK = re.compile(
    r"\b(?:cut ?off|cut)(?: score| mark| point)\b|\bcut ?off\b"
    r"|\b(?:minimum|min|lowest|required|needed) (?:passing )?(?:score|mark|grade)"
    r"(?: (?:needed|required))?(?: to pass)?\b"
    r"|\b(?:passing|pass) (?:grade|mark|number|point|threshold|line|bar)\b"
    r"|\b(?:need|have|gotta|got) to (?:get|score|hit|make)(?P<on>(?: \w+){0,4}?) to pass\b"
    r"|\b(?:scaled )?score (?:needed|required)\b|\bmin(?:imum)? to pass\b"
    r"|\b(?:need|have|gotta|got) to get right\b"
    r"|\b(?:score|grade|mark|percentage) (?:do|does|would|will|should|must) (?:i|u|you|ya|one|we)"
    r" (?:need|have|gotta|get)(?: to (?:get|score|hit|make))?(?: to pass)?\b", _FLAGS)
# Testing before one graduates: the final term of a programme, in a question about an exam or a
# credential ("can i get a job before i graduate" is none).
_FINAL_TERM = re.compile(r"\b(?:last|final) (?:semester|term|quarter|trimester)\b|\bfinal year"
                         r"(?: of (?:school|college|my program|the program))?\b"
                         r"|\bbefore (?:i |you |my |your )?(?:graduate|graduating|graduation"
                         r"|finish(?:ing)? (?:school|my degree|the program|my program))\b"
                         r"|\bwhile (?:i m |im |i am )?(?:still )?(?:in school|a student|studying"
                         r"|in (?:the|my) program)\b", _FLAGS)
# "How much is the CCA": its exam's price (not what its holders make, nor what it is worth; not
# another credential's, as the CCS-P's).
_PRICE = re.compile(rf"\bhow much (?:is|s|are|does it cost for)(?: the| an?)? "
                    rf"(?P<code>{CERT_CODES})\b(?![-/]| p\b)"
                    r"(?! (?:holders?|worth|pay|salary|make"
                    r"|earn|exam|test|fee|cert\w*|renewal|to renew))", _FLAGS)
# Never having worked in the field ("never worked in healthcare", "ive never been in a
# hospital"): no experience, a beginner's background.
_NEVER_WORKED = re.compile(r"\b(?:i(?: ve|'ve| have)? )?never (?:worked|been|had a job)"
                           r" (?:in|at|around) (?:healthcare|health care|a hospital|hospitals"
                           r"|the field|medicine|medical records|a clinic)\b", _FLAGS)
# "Zero (coding) experience" is none.
_ZERO = re.compile(r"\bzero(?= (?:\w+ )?(?:experience|exp|background)\b)", _FLAGS)
# Keeping a credential active ("keep my rhia and rhit active", "keep the cca current"): renewing
# it.
_KEEP_ACTIVE = re.compile(r"\bkeep(?:ing)?(?P<what>(?: [\w+&]+){0,5}?) (?:active|current|valid"
                          r"|up to date|in good standing)\b", _FLAGS)
_ABOUT_EXAM = re.compile(rf"\b(?:{CERT_CODES}|exams?|tests?"
                         r"|testing|sit|certif\w*|credentials?)\b", _FLAGS)


def _pass_rate(found: re.Match[str]) -> str:
    """A pass rate asked in other words: what it is of ("CEHRS"), then "pass rate"."""
    between = _CROWD_WORDS.sub(" ", found["of"] or found["many"] or found["odds"] or "")
    return " ".join([*between.split(), "pass rate"])


# The words each rewrite needs (a cheap test first: most questions have none of them).
_NEEDS = {"pass rate": ("pass", "fail", "succe"),
          "pass mark": ("cut", "min", "lowest", "required", "needed", "pass", "right", "grade",
                        "score", "mark"),
          "failed": ("fail", "flunk", "bomb", " by "),
          "keep active": ("active", "current", "valid", "up to date", "good standing"),
          "never": ("never",),
          "zero": ("zero",),
          "price": ("how much",),
          "retake": ("again", "time", "attempt", "try", "shot", " go", "redo", "re do", "allowed",
                     "able", "permitted", "eligible"),
          "final term": ("semester", "term", "quarter", "trimester", "final", "graduat", "school",
                         "student", "studying", "program")}


def _needs(lowered: str, rewrite: str) -> bool:
    """Whether the lowered text has a word the rewrite needs."""
    return any(word in lowered for word in _NEEDS[rewrite])


def cert_wordings(text: str) -> str:
    """`text` with a pass rate, a retake, a pass mark and testing in one's final term asked in
    other words written as the knowledge says them (see the module's docstring); other text as
    it is."""
    lowered = text.lower()
    if _needs(lowered, "pass rate"):
        text = _PASS_RATE.sub(_pass_rate, text)
        text = _RATE_CROWD.sub(lambda found: found[1] if found[1] is not None else found[2],
                               text)
    if _needs(lowered, "pass mark"):
        text = _PASS_MARK.sub(lambda found: f"passing score{found['on'] or ''}", text)
    if _needs(lowered, "failed"):
        text = _TIMES_FAILED.sub(r"\1\2", _MARGIN.sub(" ", text))
    if _needs(lowered, "retake"):
        text = _RETAKE.sub(lambda found: f"retake{found['what'] or ''}", text)
        text = _ALLOWED_RETAKE.sub("retake", _ANOTHER_TRY.sub("retake", text))
    if _needs(lowered, "price"):
        text = _PRICE.sub(lambda found: f"how much is the {found['code']} exam fee", text)
    if _needs(lowered, "never"):
        text = _NEVER_WORKED.sub("no experience", text)
    if _needs(lowered, "zero"):
        text = _ZERO.sub("no", text)
    if _ABOUT_EXAM.search(text):
        if _needs(lowered, "final term"):
            text = _FINAL_TERM.sub("final term", text)
        if _needs(lowered, "keep active"):
            text = _KEEP_ACTIVE.sub(lambda found: f"renew{found['what']}", text)
    return text
