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

In a question about an exam, the parts of the exam are asked in many words too: the time one
gets ("how much time do you get", "time limit", "how many minutes") is how long the exam is; its
layout, structure, breakdown, setup or blueprint ("how is the CCA test structured") its format;
the topics, content or subject areas it covers ("what's on the exam") its domains, and "how much
of the CEHRS is X" a share of its exam; taking it from home, online or remotely ("can it be done
in my house", "online or in person") proctoring from home ("home proctoring": "remote" alone is
remote work); taking it in one sitting or in parts its parts; maintaining a credential, staying
certified or how long it is good for renewing it; how long one has to book it once eligible the
exam window; where it is taken (a testing site, "where is the ccs held") its test centre. The
specifics (synonyms.yaml) then let only an entry giving that part answer: the CEHRS's remote
proctoring, the online CPC's 2 parts, the domains of the CEHRS and RHIT, AHIMA's window, a place
of testing (PSI, Pearson VUE); else the honest decline, by name where a part card says the
sources lack it.
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
# "Pass rate" misspelled ("pas rate", "passs rte", "pass rat", "passrate"): too short for the
# typo correction, which leaves "rat" (a real word) and "rte" as they are.
_PASS_RATE_TYPO = re.compile(r"\bpas{1,3}[ -]?(?:rat|rte|rtae|raet|rat3|rate)(?P<s>s?)\b",
                             _FLAGS)
# The takers a pass rate counts, however spelled ("pass rate for firts timers", "pass rate of
# 1st time takers"): a pass rate is of first-time takers already, so they are left out.
_FIRST_TIMERS = re.compile(r"(?<=pass rate)(?: for| of| among)? (?:\w+[- ])?tim(?:e|ers?)"
                           r"(?: (?:takers|testers|candidates))?\b"
                           r"|(?<=pass rates)(?: for| of| among)? (?:\w+[- ])?tim(?:e|ers?)"
                           r"(?: (?:takers|testers|candidates))?\b", _FLAGS)
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
# The wait before another attempt in gamers' and lawyers' words ("the cooldown before another
# try", "cooling off period after failing"): a retake's waiting period.
_COOLDOWN = re.compile(r"\bcool(?:ing)?[- ]?(?:down|off)(?: period| time)?\b", _FLAGS)
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
# A carded credential's code, with its exam ("the cca test"), not another's (the CCS-P's).
_CODE_EXAM = rf"(?: the| an?)? (?P<code>{CERT_CODES})\b(?![-/]| p\b)(?: (?:exam|test))?"
# "How much is the CCA (test)": its exam's price (not what its holders make, nor what it is
# worth).
_PRICE = re.compile(rf"\bhow much (?:is|s|are|does it cost for){_CODE_EXAM}"
                    r"(?! (?:holders?|worth|pay|salary|make"
                    r"|earn|exam|test|fee|cert\w*|renewal|to renew))", _FLAGS)
# Asked the other way round ("then the ccs exam is how much", "the rhit test costs how much"):
# the same price.
_PRICE_AFTER = re.compile(rf"\b(?:the )?(?P<code>{CERT_CODES})\b(?![-/]| p\b) (?:exam|test) "
                          r"(?:is |s |costs? |would be |will be )?how much\b"
                          r"(?! (?:time|hours?|minutes?|questions?|items?|of)\b)", _FLAGS)
# What one pays to sit it ("how much do i pay for the ccs", "how much to sit the cca", "how much
# would it cost me to take the rhit"): its exam's price, not the asker's pay.
_PAY_TO_SIT = re.compile(r"\bhow much (?:do|would|will|does|did|should) (?:i|u|you|ya|one|we|it)"
                         r" (?:pay|spend|cost)(?: me| us)? (?:for|on|to (?:sit|take|write|do))"
                         r"|\bhow much (?:is it |does it cost )?to (?:sit|take|write|do)(?: for)?",
                         _FLAGS)
_PAY_TO_SIT_CODE = re.compile(rf"(?:{_PAY_TO_SIT.pattern}){_CODE_EXAM}", _FLAGS)
# An exam bought with a retake in the price ("the cpc package with a free retake", "retest
# included", "does the fee cover a second try"): the fee for two attempts, as a fee is quoted,
# not the wait before a retake.
_RETAKE_INCLUDED = re.compile(r"\b(?:an? |one )?(?:free|included|bundled) (?:retakes?|retests?"
                              r"|resits?|second (?:attempt|try|shot))\b|\b(?:retakes?|retests?"
                              r"|resits?|second (?:attempt|try|shot)) (?:included|bundled"
                              r"|thrown in|for free)\b|\b(?:covers?|includes?|comes? with)"
                              r"(?: an?| the| one| my)? (?:free )?(?:retakes?|retests?|resits?"
                              r"|(?:second|another) (?:attempt|try|shot))\b", _FLAGS)
# Applying for a credential ("what do i need before i can apply for the rhia", "applying to sit
# the ccs"): its eligibility, not applying for a job.
_APPLY_FOR = re.compile(rf"\bappl(?:y|ying|ied) (?:for|to)(?: (?:take|sit|write|test for))?"
                        rf"(?: the| an?)? (?P<code>{CERT_CODES})\b", _FLAGS)
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
# The time one gets for an exam ("how much time do u get", "time limit", "exam duration").
_EXAM_TIME = re.compile(r"\bhow much time (?:do|does|will|would|did) (?:i|u|you|ya|one|we|they"
                        r"|people|candidates|test takers) (?:get|have|got)\b"
                        r"|\bhow much time (?:is|s) (?:given|allowed|allotted)\b"
                        r"|\btime (?:limits?|allowed|allotted|allowance|given)\b"
                        r"|\b(?:exam|test) (?:duration|length)\b|\bhow many minutes\b", _FLAGS)
# Its layout ("ccs exam layout", "blueprint for the cehrs exam", "how is the CCA test
# structured"): its format.
_LAYOUT = r"(?:layout|structure|breakdown|setup|set up|blueprint|outline|make ?up|format)"
_EXAM_LAYOUT = re.compile(
    rf"\b(?:exam|test)s? {_LAYOUT}\b|\b{_LAYOUT}(?= (?:of|for|on) (?:the |an? )?(?:\w+ )?"
    r"(?:exam|test)\b)"
    r"|\bhow (?:is|s|are) (?:the |an? )?(?P<code>\w+ )?(?:exam|test) (?:structured|laid out|set up"
    r"|organi[sz]ed|formatted|broken (?:down|up)|split up)\b", _FLAGS)
# What it covers ("what topics are covered on the rhit", "content areas does the rhit cover",
# "subject areas tested", "what's on the cehrs exam"): its domains.
_AREAS = r"(?:topics|subjects|content areas|subject areas|areas|material|content|sections)"
_EXAM_CONTENT = re.compile(
    rf"\b{_AREAS}(?: (?:are|is|get|gets))? (?:covered|tested|included)\b"
    rf"|\b{_AREAS}(?= (?:\w+ ){{0,3}}(?:cover|covers|test|tests)\b)"
    r"|\bwhat(?:'s| s|s| is| are| gets?)? (?:covered|tested)(?= (?:on|in)\b)"
    rf"|\bwhat(?:'s| s| is|s) on (?:the |an? )?(?P<code>{CERT_CODES} )?(?:exam|test)\b"
    rf"|\bwhat (?:does|do) (?:the |an? )?(?P<code2>{CERT_CODES}) (?:exam|test) "
    r"(?:cover|test|include)\b", _FLAGS)
# Taking it from home ("can i do the cehrs exam at home", "can it be done in my house", "taken
# remotely", "online or in person"): remote proctoring.
_HOME = (r"(?:from home|at home|in (?:my|your|ur|the) (?:house|home|room|bedroom|apartment)"
         r"|from (?:my|your|ur) (?:house|home|computer|laptop)|remotely|virtually|online|remote)")
_TAKEN_REMOTELY = re.compile(
    rf"\b(?P<lead>(?:take|taking|taken|do|doing|done|sit|sitting|write|writing|offered|available"
    rf"|held|given|proctored|test|testing)(?: (?:the|my|this|an?|it|exam|test|{CERT_CODES}"
    rf"|certification|cert))*?) {_HOME}\b"
    r"|\b(?:online|remote|virtual) (?:or|vs|versus) in person\b"
    r"|\bin person (?:or|vs|versus) (?:online|remote|virtual)\b"
    rf"|\b(?P<exam>exam|test|{CERT_CODES}) (?:from home|at home|remotely)\b"
    r"|\b(?:proctored online|online proctor\w*|remote proctor\w*|remotely proctored)\b", _FLAGS)
# A share of a credential ("how much of the cehrs is clinical operations"): of its exam.
_SHARE_OF_CODE = re.compile(r"\b(?P<share>how much|what (?:share|percent|percentage|portion"
                            r"|part|proportion|fraction)|what %) of (?:the |an? )?"
                            rf"(?P<code>{CERT_CODES})\b(?! exam| test)", _FLAGS)
# In how many sittings it is taken ("in one sitting", "split into parts", "over two days"): its
# parts.
_SITTINGS = re.compile(r"\b(?:in|over|across) (?:one|a single|1|two|2|multiple|several|separate)"
                       r" (?:sittings?|parts|days|sessions)\b|\bsplit (?:in|into|up into) "
                       r"(?:two |2 )?(?:parts|sections|sessions|days)\b"
                       r"|\b(?:consecutive|back to back) days\b"
                       r"|\b(?:two|2) (?:sittings|sessions)\b", _FLAGS)
# Maintaining a credential, staying certified, how long it is good for: renewing it.
_MAINTAIN = re.compile(
    rf"\bmaintain(?:ing)?(?= (?:(?:my|the|your|ur|a|an|this) )?(?:{CERT_CODES}|cert\w*"
    r"|credentials?)\b)|\bstay(?:ing)? (?:certified|active|current|credentialed|valid)\b"
    rf"|\bhow long (?:is|are|does|do) (?:the |my |a |an |your )?(?P<what>(?:{CERT_CODES}|cert\w*"
    r"|credentials?)(?: \w+)?) (?:good|valid|last)(?: for)?\b", _FLAGS)
# The continuing education a credential asks ("continuing ed requirements", "ce rules"): its
# renewal, not the rules to sit it. Another credential of the same body ("a second ahima
# credential", "each additional cert") is an extra one, as the renewal rules say.
_CE_RULES = re.compile(r"\b(?:continuing ed(?:ucation)?|ce|ces|ceu|ceus|cme) "
                       r"(?:requirements?|rules?|needed|needs)\b", _FLAGS)
_EXTRA = re.compile(r"\b(?:a second|second|2nd|a third|another|additional|each additional"
                    r"|every additional|one more)(?= (?:ahima |aapc |himss |nha )?(?:credentials?"
                    r"|certs?|certifications?)\b)", _FLAGS)
# How long one has to book it once eligible ("schedule my ccs after being approved", "book the
# rhit once im eligible"): the exam window.
_BOOK = re.compile(r"\b(?:schedule|book|sit|take)\b(?P<what>(?: \w+){0,4}) (?:after|once|within)\b"
                   r"(?: \w+){0,3} (?:approv\w*|eligib\w*|accept\w*|authori[sz]\w*)"
                   r"|\b(?:window|deadline) (?:to|for) (?:schedule|book|take|sit|test)\b"
                   r"|\bhow (?:long|many days) (?:do|does|will) (?:i|u|you|one|we) (?:have|get) to"
                   r" (?:schedule|book)\b"
                   r"|\beligibility window\b", _FLAGS)
# Booking an exam is scheduling it ("before i book it", "booked my rhit"), not a code book.
_BOOK_IT = re.compile(r"(?<!code )(?<!open )(?<!a )(?<!the )(?<!my )(?<!your )(?<!which )"
                      r"(?<!what )\bbook(?:ed|ing)?(?= (?:it|my|the|an?|that|this|your)\b"
                      r"(?! (?:code )?books?\b))", _FLAGS)
# Where it is taken ("where can i take the cphims", "where is the ccs exam held", "testing
# site", "exam center"): its test centre - not a course taken somewhere ("where can i take a
# cehrs prep class").
_TAKER = r"(?:i|u|you|ya|we|one|people|ppl|folks|candidates|students|they|me)"
_COURSE = r"(?:class|classes|course|courses|program|programs|training|prep|school|degree)"
_WHERE_TAKEN = re.compile(
    rf"\bwhere (?:do|does|can|could|would|should|will|must|to)(?: {_TAKER})?"
    r"(?: (?:go|have|need|get|want|be able)(?: to| and)?)? (?P<verb>take|sit|write|test|go)\b"
    rf"(?!(?: \w+){{0,3}} {_COURSE}\b)"
    rf"|\bwhere (?:is|are|s) (?P<what>(?:(?!{_COURSE}\b)\w+ ){{1,4}}?)"
    r"(?:held|given|offered|administered|located|taken|proctored)\b"
    r"|\b(?:test|testing|exam) (?:cent(?:er|re)s?|sites?|locations?|venues?)\b", _FLAGS)
_ABOUT_EXAM = re.compile(rf"\b(?:{CERT_CODES}|exams?|tests?"
                         r"|testing|sit|certif(?!icates?\b)\w*|credentials?)\b", _FLAGS)


def _pass_rate(found: re.Match[str]) -> str:
    """A pass rate asked in other words: what it is of ("CEHRS"), then "pass rate"."""
    between = _CROWD_WORDS.sub(" ", found["of"] or found["many"] or found["odds"] or "")
    return " ".join([*between.split(), "pass rate"])


# The words each rewrite needs (a cheap test first: most questions have none of them).
_NEEDS = {"pass rate": ("pas", "fail", "succe"),
          "pass mark": ("cut", "min", "lowest", "required", "needed", "pass", "right", "grade",
                        "score", "mark"),
          "failed": ("fail", "flunk", "bomb", " by "),
          "keep active": ("active", "current", "valid", "up to date", "good standing"),
          "never": ("never",),
          "apply": ("appl",),
          "included": ("free", "include", "bundle", "thrown", "cover", "come with", "comes with"),
          "zero": ("zero",),
          "price": ("how much",),
          "retake": ("again", "time", "attempt", "try", "shot", " go", "redo", "re do", "allowed",
                     "able", "permitted", "eligible", "cool"),
          "time": ("time", "minutes", "duration", "length"),
          "layout": ("layout", "structur", "breakdown", "setup", "set up", "blueprint", "outline",
                     "make up", "makeup", "format", "laid out", "organi", "broken", "split"),
          "content": ("topic", "subject", "area", "material", "content", "section", "on the",
                      "cover", "include"),
          "remote": ("home", "house", "room", "apartment", "computer", "laptop", "remot", "virtual",
                     "online", "proctor"),
          "share": ("how much of", "share", "percent", "portion", "part", "proportion",
                    "fraction", "%"),
          "sittings": ("sitting", "part", "day", "session"),
          "ce rules": ("ce", "continuing", "cme", "credential", "cert"),
          "maintain": ("maintain", "stay", "good", "valid", "last"),
          "book": ("schedul", "book", "window", "deadline", "after", "once", "within"),
          "where": ("where", "cent", "site", "location", "venue"),
          "final term": ("semester", "term", "quarter", "trimester", "final", "graduat", "school",
                         "student", "studying", "program")}


def _needs(lowered: str, rewrite: str) -> bool:
    """Whether the lowered text has a word the rewrite needs."""
    return any(word in lowered for word in _NEEDS[rewrite])


# A year of the present tacked on a search for a credential's standing rules ("cehrs
# certification requirements 2025", "ccs renewal requirements 2026"): the rules carry no date and
# the year asks for the rules in force, so it is left out. Not a fee, a pass rate or an exam date
# of that year (each is a year's own), nor a year past the present or long gone.
# (2024-2026: the newest sources' years and the bot's present.)
_PRESENT_YEAR = re.compile(r"[\s,(-]*\b(?:2024|2025|2026)\b\)?")
_STANDING_RULES = re.compile(
    rf"^(?=.*\b{CERT_CODES}\b)(?=.*\b(?:requirements?|reqs?|eligib\w*|prerequisites?|prereqs?"
    r"|qualifications?|format|questions|passing score|pass mark|renew\w*|recertif\w*|ceus?)\b)"
    r"(?!.*\b(?:fees?|costs?|price|pay|salary|how much|pass rates?|passed|dates?|schedule)\b)",
    _FLAGS)


def _undated_rules(text: str) -> str:
    """`text` without a year of the present tacked on a credential's standing rules."""
    if not _STANDING_RULES.search(text):
        return text
    return _PRESENT_YEAR.sub("", text).strip() or text


def cert_wordings(text: str) -> str:
    """`text` with a pass rate, a retake, a pass mark and testing in one's final term asked in
    other words written as the knowledge says them (see the module's docstring), a year of the
    present tacked on a credential's standing rules left out; other text as it is."""
    text = _undated_rules(text)
    lowered = text.lower()
    if _needs(lowered, "pass rate"):
        text = _PASS_RATE_TYPO.sub(lambda found: f"pass rate{found['s']}", text)
        text = _PASS_RATE.sub(_pass_rate, text)
        text = _FIRST_TIMERS.sub("", text)
        text = _RATE_CROWD.sub(lambda found: found[1] if found[1] is not None else found[2],
                               text)
    if _needs(lowered, "pass mark"):
        text = _PASS_MARK.sub(lambda found: f"passing score{found['on'] or ''}", text)
    if _needs(lowered, "failed"):
        text = _TIMES_FAILED.sub(r"\1\2", _MARGIN.sub(" ", text))
    if _needs(lowered, "included"):
        text = _RETAKE_INCLUDED.sub("two attempts fee", text)
    if _needs(lowered, "retake"):
        text = _RETAKE.sub(lambda found: f"retake{found['what'] or ''}", text)
        text = _ALLOWED_RETAKE.sub("retake", _ANOTHER_TRY.sub("retake", text))
        text = _COOLDOWN.sub("retake waiting period", text)
    if _needs(lowered, "price"):
        text = _PRICE.sub(lambda found: f"how much is the {found['code']} exam fee", text)
        text = _PRICE_AFTER.sub(lambda found: f"how much is the {found['code']} exam fee", text)
        text = _PAY_TO_SIT_CODE.sub(lambda found: f"how much is the {found['code']} exam fee",
                                    text)
    if _needs(lowered, "apply"):
        text = _APPLY_FOR.sub(lambda found: f"eligibility for the {found['code']}", text)
    if _needs(lowered, "never"):
        text = _NEVER_WORKED.sub("no experience", text)
    if _needs(lowered, "zero"):
        text = _ZERO.sub("no", text)
    if _ABOUT_EXAM.search(text):
        if _needs(lowered, "final term"):
            text = _FINAL_TERM.sub("final term", text)
        if _needs(lowered, "keep active"):
            text = _KEEP_ACTIVE.sub(lambda found: f"renew{found['what']}", text)
        text = _exam_parts(text, lowered)
    return text


def _domains(found: re.Match[str]) -> str:
    """An exam's content asked in other words, as its domains ("what's on the cehrs exam":
    "what are the cehrs exam domains")."""
    code = found["code"] or found["code2"] or ""
    if code or found[0].lower().startswith("what"):
        return " ".join(f"what are the {code} exam domains".split())
    return "exam domains"


def _exam_parts(text: str, lowered: str) -> str:
    """`text`, about an exam, with its length, format, domains, remote proctoring, renewal,
    window and test centre asked in other words written as the knowledge says them."""
    if _needs(lowered, "time"):
        text = _EXAM_TIME.sub("how long is the exam", text)
    if _needs(lowered, "layout"):
        text = _EXAM_LAYOUT.sub(lambda found: f"{found['code'] or ''}exam format", text)
    if _needs(lowered, "content"):
        text = _EXAM_CONTENT.sub(_domains, text)
    if _needs(lowered, "remote"):
        text = _TAKEN_REMOTELY.sub(
            lambda found: f"{found['lead'] or found['exam']} with home proctoring"
            if found["lead"] or found["exam"] else "home proctoring", text)
    if _needs(lowered, "share"):
        text = _SHARE_OF_CODE.sub(lambda found: f"{found['share']} of the {found['code']} exam",
                                  text)
    if _needs(lowered, "sittings"):
        text = _SITTINGS.sub("in exam parts", text)
    if _needs(lowered, "ce rules"):
        text = _EXTRA.sub("extra", _CE_RULES.sub("continuing education renewal", text))
    if _needs(lowered, "maintain"):
        text = _MAINTAIN.sub(lambda found: f"how often to renew {found['what']}"
                             if found["what"] else "renew", text)
    if _needs(lowered, "book"):
        text = _BOOK.sub(lambda found: f"exam window{found['what'] or ''}", text)
        text = _BOOK_IT.sub("schedule", text)
    if _needs(lowered, "where"):
        text = _WHERE_TAKEN.sub(_test_centre, text)
    return text


def _test_centre(found: re.Match[str]) -> str:
    """Where an exam is taken, asked in other words, as its test centre ("where can i take the
    cphims": "test centre to take the cphims")."""
    if found["verb"]:
        return f"test centre to {found['verb']}"
    if found["what"]:
        return f"test centre of {found['what'].strip()}"
    return "test centre"
