"""Turning free text into index terms: normalisation, synonyms, typo correction, stemming."""

from __future__ import annotations

import re
import threading
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from itertools import takewhile

import snowballstemmer
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from knowledge.profile import STATES, Certification, Education, Employer, Skill
from knowledge.qa.english import is_english, is_everyday, load_word_list
from knowledge.qa.framing import THEIRS
from knowledge.qa.occupation import NAME_WORDS, names_occupation, without_occupation

_WORD = re.compile(r"[a-z0-9]+")
# Amounts as people type them, in folded words ("$45k" → "45k", "22/hr" → "22 hr"): the number
# is no word the knowledge could know, what it stands for is ("40k" is a salary). A "2 year
# degree" is an associate degree, a "4 year degree" a bachelor's: lengths, not experience.
_AMOUNTS = (
    (re.compile(r"\b(?:2|two) (?:years?|yr) (degree|program|college|school)s?\b"),
     r"associate \1 duration"),
    (re.compile(r"\b(?:4|four) (?:years?|yr) (degree|program|college|school)s?\b"),
     r"bachelor \1"),
    (re.compile(r"\b\d+(?: \d+)? (?:an |a |per )?(?:hr|hrs|hour|hourly)\b"), "hourly pay"),
    (re.compile(r"\b\d+(?: \d+)?k\b"), "salary"),
    (re.compile(r"\b(?:every|each) (?:\d|two|three) (?:years?|yrs?)\b"), "renewal cycle"),
    (re.compile(r"\b(in|next|within) (?:\d{1,2} )+(?:years?|yrs?)\b"), r"\1 future years"),
    (re.compile(r"\b(?:\d{1,2} )+(?:years?|yrs?) (?:from now|down the (?:road|line)|ahead)\b"),
     "future years"),
    # a programme's length said as a guess ("isnt a certificate program like 2 years")
    (re.compile(r"\b(degree|program|programme|certificate|course|school|college)s? (?:(?:is|are"
                r"|takes?|lasts?|really|just|only|like|about|around|roughly) )+(?:\d{1,2}|one|two"
                r"|three|four) (?:years?|yrs?)\b(?! ago\b)"), r"\1 duration"),
    (re.compile(r"\b(?:\d{1,2} )+(?:years?|yrs?)\b"), "years experience"),
    # ten years said as a decade of work ("how about with a decade in", "a decade of
    # experience"), not a decade ahead ("in a decade", "over the next decade")
    (re.compile(r"(?<!\bin )(?<!\bwithin )(?<!\bnext )(?<!\bover )(?<!\bthe )(?<!\bfor )"
                r"\b(?:a|one) decade(?: of (?:experience|exp|work|working)\b"
                r"|(?= in\b| on the job\b| under\b|\W*$))"), "years experience"),
)
# A length asked as a yes/no ("can it be done within 12 months", "could i get qualified in 6
# months", "is 2 years enough") asks how long it takes. Months, weeks and semesters are lengths;
# a span of years only with a word of finishing (not "will there be jobs in 10 years"); never
# an amount of experience ("under 2 years of experience").
_SPAN = (r"(?:(?:like|about|around|just|only|roughly) )?(?:a|an|one|two|three|four|six|nine|"
         r"twelve|a few|few|a couple(?: of)?|\d{1,2}(?: \d{1,2})?) ")
_WITHIN = r"(?:in under|in less than|in|within|under|less than|inside(?: of)?)"
_NOT_EXPERIENCE = r"(?! (?:of )?(?:experience|exp|work|working)\b)"
_MONTHS_SPAN = re.compile(rf"\b(?:{_WITHIN} {_SPAN}(?:months?|mos|weeks?|wks|semesters?)"
                          rf"(?: or (?:less|so))?|{_SPAN}(?:months?|weeks?|semesters?) "
                          rf"(?:or less|enough))\b{_NOT_EXPERIENCE}")
_YEARS_SPAN = re.compile(rf"\b(?:{_WITHIN} {_SPAN}(?:years?|yrs?)(?: or less)?|(?:a|one) "
                         rf"(?:year|yr) or less|{_SPAN}(?:years?|yrs?) enough)\b{_NOT_EXPERIENCE}")
_FINISHED = re.compile(r"\b(?:finish|finished|done|complete|completed|qualified|certified|"
                       r"trained|ready|graduate|graduated|become|enough|do (?:it|this|that|"
                       r"everything|the whole thing)|get through|(?:degree|bachelors?|"
                       r"associates?|masters?|programs?|course|certificate|training) "
                       r"(?=in |within |under |less than ))\b")
# A span in a pay question is experience or the future ("make in 5 years", "earn in 6 months").
_PAY_WORDS = re.compile(r"\b(?:make|makes|earn|earning|earnings|paid|pay|salary|money|wage|"
                        r"wages|income)\b")
# An amount asked of keeping a credential ("how much to renew my rhit", "what do i pay to keep
# my cpc active", "the cost of recertifying") is its renewal fee, not the exam's.
_RENEW = r"(?:renew\w*|recert\w*|keep(?=(?: \w+){0,3} (?:active|current|valid)\b))"
_AMOUNT_ASKED = r"(?:how much|cost|costs|price|fee|fees|pay|charge|charged)"
_RENEWAL_COST = re.compile(rf"\b(?:{_AMOUNT_ASKED}(?: \w+){{0,5}} {_RENEW}"
                           rf"|{_RENEW}(?: \w+){{0,4}} {_AMOUNT_ASKED})\b")
_RENEW_WORD = re.compile(r"\b(?:renew\w*|recert\w*|keep)\b")
_AMOUNT_WORDS = re.compile(rf"\b{_AMOUNT_ASKED}\b")
_BRITISH_IS = re.compile(r"^([a-z]{3,})iz(e|ed|es|er|ers|ing|ation|ations)$")
_BRITISH_YS = re.compile(r"^([a-z]{3,})yz(e|ed|es|er|ers|ing)$")
_LONG_NUMBER = re.compile(r"\d{5,}")
# Asking what a name or acronym means ("what does NHA stand for", "what is OPM short for"): the
# question is the name itself; the framing matches no topic, and kept, it let the one entry
# whose example question says "stand for" (AHIMA's) win over the acronym's own entry.
# "Spell out the acronym RHIT", "CAHIIM full name please", "what do the letters in AHIMA mean"
# ask the same.
_NAME_FRAMING = re.compile(r"\b(?:stands? for|short for|abbreviation (?:for|of)|"
                           r"acronym (?:for|of)|full name(?: of)?|full form(?: of)?|"
                           r"long form(?: of)?|meaning of|spell(?:ed)? (?:it |that )?out|"
                           r"(?<!cover )(?:the |those |these |its |each of the )?letters"
                           r"(?! of (?:recommendation|reference))(?: in| of)?)\b")
# "HIM" asked what it stands for is the acronym, not the pronoun: read as its letters ("h i m"),
# which the synonyms know, before the framing goes.
_HIM_NAMED = re.compile(r"\bhim (?=(?:stands? for|short for|full form|abbreviation)\b)")
# Framing around a question that asks nothing itself: "why is confidentiality such a big deal"
# asks about confidentiality, "a site said X, is that true" about X.
# So does what someone else said ("i read online that...", "my friend said...") and asking for
# the bare figure ("just give me the number").
_FRAMING = re.compile(r"\b(?:(?:such |so )?(?:a )?big deal|matters? (?:so|that) much|"
                      r"care (?:so much |that much |a lot )?about|"
                      r"is (?:that|this|it) (?:true|correct|legit)|"
                      r"(?:give|tell|show) me (?:just )?(?:the |a )?(?:number|figure|"
                      r"straight answer|short answer|bottom line)(?! of)|just the number|"
                      r"give it to me straight|straight up|no fluff|short version|tl ?dr|"
                      r"broken down|break (?:it |that |this )?down(?: for me)?|"
                      r"under (?:my|your|their|the) belts?|"
                      r"(?:in |for )?(?:this|that|the|my|your) line of work|"
                      r"be (?:honest|real|straight)|common(?:ly asked)? questions?|"
                      r"(?:in )?(?:plain|simple|everyday|normal) (?:english|terms|words|language)|"
                      r"(?:in )?laymans? terms|eli5|"
                      r"(?:faqs?|q|question) \d{1,2}|q\d{1,2}|"
                      r"i (?:read|saw|heard)(?: online| on \w+| somewhere)?(?: that)?|"
                      r"i (?:understand|am told|was told|gather)(?: that)?|"
                      r"(?:my |a |an |the )?(?:friends?|buddy|cousin|mom|dad|aunt|uncle|teacher|"
                      r"sister|brother|sis|bro|wife|husband|boyfriend|girlfriend|roommate|"
                      r"neighbou?r|coworkers?|classmates?|"
                      r"counselor|advisor|recruiter|someone|somebody|people|website|site|"
                      r"article|post|video|reddit|tiktok|youtube|google)(?: on \w+| online)? "
                      r"(?:said|says|told me|claims?|thinks)(?: that)?|"
                      # the asker's age ("career changer in my 50s")
                      r"(?:in )?(?:my|their|his|her) (?:early |mid |late )?(?:[2-7]0s|twenties"
                      r"|thirties|forties|fifties|sixties))\b")
# "Is problem solving a big part of it" asks how much the thing named matters, not the duties
# ("part of it" reads as tasks); "what's the main part of the job" still asks the duties.
_BIG_PART = re.compile(r"^(is|are|would|will) (.+?) (?:be )?(?:an? )?(?:big|large|huge|major"
                       r"|main|key|important) (?:part|piece) of (?:it|the job|this job|the work"
                       r"|this work|the role|what they do)$")
# A heading's trailing choice of judgements ("Job Outlook - EHR Specialists: Positive or Not?",
# "Salary Of EHR Specialists: Good Or Bad?") asks the plain question: the heading is what is
# asked, the judgement words carry no topic. A choice that does ("Required or Optional?") stays.
_JUDGEMENT = (r"(?:positive|negative|good|bad|great|poor|high|low|yes|no|not|true|false|fact|"
              r"myth|real|fake|worth it|overrated|underrated|hype|legit|promising|bright|bleak)")
_TRAILING_CHOICE = re.compile(rf"\b{_JUDGEMENT}(?: or {_JUDGEMENT})+$")
# "What does AHIMA actually do" asks what AHIMA is, not an EHR specialist's duties ("what do they
# actually do"): the "actually" goes, "what does ahima do" is left.
# So does "what does an EHR trainer do all day", "what does a director of HIM handle": the
# role named, not the duties' wording, says what is asked.
_WHAT_X_DOES = re.compile(r"\bwhat (does|do) (?:an? |the )?(?!they\b|you\b|i\b|we\b|he\b|she\b|"
                          r"it\b|one\b|people\b|someone\b)([a-z]+(?: [a-z]+){0,4}) "
                          r"(?:(?:actually|really) do|do (?:all day|every day|day to day|at work|"
                          r"on the job)|handle|oversee|take care of)\b")
# "Is records work like a desk job", "is the job like an office job": a likeness asked, not
# what the work is like (the duties); the "like" goes (round 13).
_LIKE_A = re.compile(r"\b(work|job) like (?=(?:an?|some) \w)")
# What the asker would rather not do, after the ask ("could i become an ehr trainer instead of
# doing records all day"): the path asked is before it (round 13).
_INSTEAD_OF_DOING = re.compile(r"\b(?:instead of|rather than) (?:just )?(?:doing|working|being"
                               r"|sitting|staring|typing|entering)\b.*$")
# A switch told in a clause of its own before the question ("cna looking to switch, ...").
_SWITCH_TOLD = re.compile(r"\b(?:thinking|looking|wanting|planning|hoping|trying)"
                         r"(?: about| of| to)? (?:switching|switch|changing careers"
                         r"|(?:making |make )?a career change)"
                         r"(?: careers| fields| jobs)?\s*[,.;:!?]+\s*(?=[a-z])", re.IGNORECASE)
# "The privacy side of the job", "the hipaa side of things": that part of the work, no side path.
_SIDE_OF = re.compile(r"\b(?!path\b|paths\b)([a-z]+) sides? (?:of (?:the job|this job|the work|"
                      r"this work|the role|things|it|ehr work|records work)|like)\b")
# "What is Cerner good at", "what's NextGen best at" ask what a named thing is known for, not
# what a worker should be good at (the skills).
_GOOD_AT = re.compile(r"\b(whats?|what (?:is|are)) (?!you\b|i\b|we\b|they\b|he\b|she\b|it\b)"
                      r"([a-z]+) (?:really |actually )?(?:good|best|great) at\b")
# A question about schooling ("a certificate or an associate's") means a certificate programme.
_SCHOOLING = re.compile(r"\b(?:associates?|degrees?|programs?|programmes?|courses?|schools?|"
                        r"college|diploma|bachelors?|semesters?|classes|enroll|enrol|online)\b")
_CERTIFICATE = re.compile(r"\bcertificates?\b(?! programs?\b| vs\b| or\b| versus\b)")
# How long a certification's programme takes ("how long is the rhit program", "how long does
# the training for cehrs take") asks the training's length, not about the exam: the code goes.
_DURATION = re.compile(r"\bhow (?:long|many (?:months|years|weeks|semesters)|fast|quickly|soon)\b")
# The words in which an asker speaks of themselves ("what would i make", "my state").
FIRST_PERSON = frozenset({"i", "me", "my", "im", "ive", "id", "ill", "mine", "myself"})
# The certifications that have cards, by code, as a regex group (certwords.py reads it too).
CERT_CODES = r"(?:cehrs|rhit|rhia|cca|ccs|cpc|chda|cahims|cphims)"
_SCHOOL_NOUN = r"(?:training|programs?|programmes?|courses?|classes|school|schooling|degree)"
_CODE_PROGRAMME = re.compile(rf"\b{CERT_CODES} (?={_SCHOOL_NOUN}\b)")
_PROGRAMME_FOR_CODE = re.compile(rf"\b({_SCHOOL_NOUN}) (?:for|to get|toward|towards) "
                                 rf"(?:the |an? |my )?{CERT_CODES}\b")
# What an exam covers: its "subjects", "sections" or "topics" are its domains.
_EXAM = re.compile(r"\b(?:exams?|tests?)\b")
_EXAM_PARTS = re.compile(r"\b(?:subjects?|sections?|topics?|areas?|parts?|modules?)\b")
# An exam's weights ("content breakdown by percent", "how is it weighted"): its domains, not a
# pass rate ("what percent pass") or a price.
_EXAM_WEIGHTS = re.compile(r"\b(?:weights?|weighted|weighting|breakdown|percentages"
                           r"|(?:by|in) (?:percent|percentage))\b")
_PASSING = re.compile(r"\b(?:pass\w*|fail\w*)\b")
_ON_EXAM = re.compile(r"\bon (?:the |an? )?(?!the\b|an?\b)(\w+) (?:exam|test)\b")
# "What score do I need to pass", "how high do you have to score" ask the pass mark, not what is
# required to sit the exam.
_SCORE_NEEDED = re.compile(r"\b(?:what|which) (?:score|mark|grade|percentage|percent)s? (?:do|does"
                           r"|would|will|must) (?:i|you|we|one|someone|people) (?:need|have|gotta)"
                           r"(?: to (?:get|pass|score|hit|make))?\b"
                           r"|\bhow (?:high|well|much) (?:do|does|must) (?:i|you|one|someone) "
                           r"(?:need|have) to score\b")
# "How much experience", "how much schooling": an amount of it, not of money.
HOW_MUCH_OF = re.compile(r"\bhow much (?=(?:\w+ )?(?:experience|schooling|education|training"
                          r"|studying|study)\b)")
# Someone paying for the asker's training or exam ("will unemployment pay for me to retrain",
# "does my job pay for employees to get certified"): no amount of pay, and no source names who
# funds it.
FUNDED = re.compile(r"\b(?:pay|pays|paid|cover|covers|fund|funds|reimburse|reimburses) for "
                    r"(?:me|us|you|u|veterans|vets|people|ppl|employees|workers|students|them)"
                    r" to\b|\b(?:tuition|training) (?:assistance|reimbursement)\b")
# Books "allowed" in an exam are its open books (no rule on who may sit it).
_BOOKS = re.compile(r"\b(?:books?|manuals?|codebooks?)\b")
_ALLOWED = re.compile(r"\b(?:allowed|permitted|allow|permit)\b")
# "How much of the CEHRS exam is revenue cycle", "what % of the test": a share of the exam is
# asked (its domains' weights), not a price.
_SHARE_OF_EXAM = re.compile(r"\b(?:how much|what(?: share| percent| percentage| portion| part"
                            r"| proportion| fraction)?) of (?=(?:the |an? |this |that )?"
                            r"(?:\w+ )?(?:exams?|tests?)\b)")
# Hearsay judging the pay ("my friend said the pay is bad") asks what the pay is.
_PAY_JUDGED = re.compile(r"\b(pay|paid|money|salary|salaries|wages?)(?: is| are)? "
                         r"(?:really |so |pretty )?(?:bad|terrible|awful|lousy|crap|crappy|trash|"
                         r"garbage|horrible|sucks?|low|poor|peanuts|pennies)\b")
# "Where do they make the most money" asks which state pays best.
_WHERE_PAY_MOST = re.compile(r"\bwhere (do|does|are|is)\b(?=.*\b(?:make|makes|earn|earns|paid|pay|"
                             r"pays|money|salary|salaries)\b)(?=.*\b(?:most|best|highest|top)\b)")
# And the mirror: "where do they get paid the least", "bottom state for salaries", "which state
# pays the worst" ask for the lowest-paying state.
_WHERE_PAY_LEAST = re.compile(r"\bwhere (do|does|are|is)\b(?=.*\b(?:make|makes|earn|earns|paid|"
                              r"pay|pays|money|salary|salaries)\b)(?=.*\b(?:least|lowest|worst)\b)")
_LOWEST_STATE = re.compile(r"\b(?:bottom|lowest|worst|least|cheapest|poorest)(?: paying| paid)? "
                           r"states?\b|\bstates? (?:that |which )?(?:pays?|paid) (?:the )?"
                           r"(?:least|lowest|worst)\b")
# Both ends of the pay scale asked together ("lowest vs highest", "bottom 10 percent and top 10
# percent", "floor and ceiling", a search's "salary range low high") ask for the national range -
# unless they rank states, agencies or something else than pay ("the top cert with the lowest
# fee", "the bottom line").
_ENDS = r"(?: \d{1,2}(?: percent| pct)?)?\b"
_BOTH_ENDS = re.compile(r"\b(?:most and (?:the )?least|least and (?:the )?most|"
                        r"low(?: to| and)? high|high(?: to| and)? low|"
                        r"min(?:imum)? (?:and|to) max(?:imum)?)\b")
_LOW_END = re.compile(r"\b(?:lowest paid|worst paid|lowest|bottom|low end|floor)" + _ENDS)
_HIGH_END = re.compile(r"\b(?:highest paid|best paid|highest|top end|top|high end|ceiling)"
                       + _ENDS)
_VERSUS = re.compile(r"\b(?:vs|versus)\b")
_RANKED = re.compile(r"\b(?:states?|agency|agencies|cities|city|fees?|costs?|prices?|exams?|tests?|"
                     r"certs?|certifications?|credentials?|skills?|stress|line|scores?|rated|"
                     r"ratings?|schools?|programs?)\b")
# Pay one can expect is pay, no projection ("what salary can i expect", "lowest pay you'd expect").
_EXPECTED_PAY = re.compile(r"\b(salary|salaries|pay|wages?|money|income|earnings)\b"
                           r"((?: \w+){0,3}) expect(?:ed|ations?)?\b")
# A bump in pay is a raise ("does a bachelors bump your salary"), not the certifications'
# "pay bump".
_BUMP = re.compile(r"\bbumps? (?:up )?(?:your |my |the |their |ur )?(pay|salary|wages?|income)\b"
                   r"|\b(pay|salary|wage) bumps?\b")
# Pay asked whether it rises ("are wages rising", "has the wage kept up with inflation", "is pay
# trending up or down") is pay over the years - not whether it rises with experience or a
# degree ("does pay go up with experience").
_PAY_TREND = re.compile(
    r"^(?:is|are|has|have|did|does|do)\b(?: \w+){0,4} (?:pay|wages?|salary|salaries|earnings"
    r"|income)\b(?: \w+){0,2} (?:rising|risen|increasing|increased|growing|grown|going up"
    r"|trending|kept up|keeping up)\b(?! (?:with|after|by|for|if|once|when) (?!inflation\b))")
# A head count typed as a search, the count word away from "jobs" ("health services managers jobs
# 2023 number", "number 2021 medical records jobs"): the jobs held ("jobs" alone is a stop word;
# "number of jobs", "how many jobs", "jobs count" are synonym phrases of their own).
_COUNTED_JOBS = re.compile(r"\bjobs\b(?: \w+){1,3} (?:number|count|total)\b"
                           r"|\b(?:number|count|total)\b(?: \w+){2,3} jobs\b")
# The middle of the pay scale is the median ("middle of the pack", "midpoint", "middle salary").
_MIDDLE = re.compile(r"\bmiddle of the (?:pack|road)\b|\bmid ?point\b"
                     r"|\bmiddle(?= (?:wage|wages|pay|salary|salaries|income|earnings)\b)")
# Two or more federal agencies set side by side on pay with "most", "best", "more"... ("which of
# SSA, VA, HHS pays most", "does the VA pay more than the SSA") ask which agency pays best (not
# "better benefits at the VA or SSA", "more jobs at the VA or HHS").
# Pay asked of no one but "they" or the occupation, whose name is gone by then ("what do they
# make", "how much do they get"): the typical pay - "make" alone is no factor that makes pay.
_THEIR_PAY = re.compile(r"^(?:so |and |but |ok )?(?:what|(how much)) (?:do|does|did|would|will|can"
                        r"|could) (?:they |people |ppl |folks )?(?:make|earn|get paid|take home"
                        r"|bring home|(?<=^how much do they )get|(?<=^how much do )get)"
                        r"(?: a year| per year| yearly| annually| on average| usually"
                        r"| typically)?$")
_AGENCIES = {"ssa": "ssa", "social security": "ssa", "va": "va", "veterans affairs": "va",
             "hhs": "hhs", "health and human services": "hhs"}
_AGENCY = re.compile(r"\b(?:" + "|".join(_AGENCIES) + r")\b")
_BEST = re.compile(r"\b(?:most|best|highest|more|better|top|higher)\b")
# The agencies ranked ("among federal agencies who pays the most"), not set against another
# employer ("do agencies pay more than hospitals").
_AMONG_AGENCIES = re.compile(r"\bagencies\b(?!.*\bthan\b).*\b(?:most|best|highest|top)\b"
                             r"|\b(?:most|best|highest|top)\b.*\bagencies\b")


def agencies(text: str) -> list[str]:
    """The federal agencies `text` names, in order, each once ("va and hhs": va, hhs)."""
    return list(dict.fromkeys(_AGENCIES[name] for name in _AGENCY.findall(" ".join(words(text)))))
_PAY_WORD = re.compile(r"\b(?:pay|pays|paid|paying|salary|salaries|wages?|money|earn\w*|makes?)\b")
# "what does RHIT mean", "what's the acronym CEHRS mean", "cehrs - what do those letters even
# mean": a last "mean" after "what does" or an acronym (not the "mean" of "what is the mean
# salary").
_WHAT_MEANS = re.compile(r"^(whats? (?:the )?(?:acronym|abbreviation|initials) .+?) means?$"
                         r"|^((?:[a-z]+ )?what (?:does|do|did) .+?)"
                         r" (?:even |actually |really )?means?$")
# A degree people "hold" ("what degree do technologists usually hold") is one they have, not a
# count of holders.
_HOLD_DEGREE = re.compile(r"\b((?:degrees?|diplomas?|education|schooling)(?: \w+){0,6}?) hold\b")
# A Snowball stemmer keeps the word it works on in itself: one per thread, as the engine is
# built in a worker thread while questions may be answered (or another engine built) in another.
_STEMMERS = threading.local()

# Words that carry no topic: dropped from queries and documents alike.
STOPWORDS = frozenset({
    "a", "about", "after", "again", "all", "am", "an", "and", "any", "are", "as", "at", "be",
    "been", "before", "being", "but", "by", "can", "could", "did", "do", "does", "doing", "for",
    "from", "get", "gets", "got", "had", "has", "have", "having", "he", "her", "here", "hers",
    "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "just", "me", "more", "most",
    "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other",
    "our", "ours", "out", "over", "own", "same", "she", "should", "so", "some", "such", "than",
    "that", "the", "their", "them", "then", "there", "these", "they", "this", "those", "through",
    "to", "too", "under", "until", "up", "very", "was", "we", "were", "what", "when", "where",
    "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours",
    "yourself", "pls", "please", "hi", "hello", "hey", "thanks", "thank", "tell", "know", "want",
    "wanting",
    "wanna", "gonna", "really", "much", "many", "also", "whats", "hows", "im", "ive",
    "id", "ill", "youre", "dont", "doesnt", "cant", "till", "til", "ok", "okay",
    "take", "without", "go", "like", "time", "still", "need", "needs",
    "anyone", "someone", "thing", "things", "way", "ways", "good", "lot", "lots", "job", "jobs",
    "work", "working", "role", "roles", "position", "positions",
    # chat spellings
    "u", "ur", "r", "wat", "wut", "hw", "tho", "thru", "yo", "nah", "rn", "ya", "kinda", "sorta",
    "anybody",
    "everyone", "guys", "yall", "plz", "thx", "btw", "imo", "tbh", "gimme", "lemme", "actually",
    "honestly", "basically", "right", "currently", "fr", "ngl", "bruh", "tryna", "lowkey",
    "highkey", "cuz", "coz", "ppl", "peeps", "gotta", "gig", "gigs", "sus", "vibe", "vibes",
    "dude", "bro", "yeah", "yep", "nope", "pretty",
    # how a second-language asker may address the bot ("hello sir please tell")
    "sir", "sirs", "madam", "maam", "mam", "dear",
    # conversational framing around a question ("sorry if this is dumb but...", "quick
    # question", "just curious", "like ballpark"): it asks nothing itself
    "sorry", "dumb", "stupid", "silly", "quick", "question", "curious", "wondering", "wonder",
    "wondered", "thinking", "thought", "sure", "unsure", "place", "exactly", "ballpark",
    "roughly", "approximately", "approx", "usually", "typically", "generally", "normally",
    "folks", "stuff", "realistic", "realistically", "possible", "anyway", "anyways", "maybe",
    "probably", "guess", "seriously", "literally", "totally", "well", "hmm", "um", "uh", "lol",
    "haha", "wow", "omg", "real", "talk", "someday", "eventually", "ever", "even", "kind",
    "sort", "type", "bit", "little", "looking", "hoping", "asking",
    "ask", "asked", "heard", "hear", "seen", "saw", "seeing", "told", "says", "said", "say",
    "idea", "ideas", "clue", "somebody", "everybody", "everything",
    "something", "anything", "whatever", "either", "though", "although", "since", "because",
    "today", "lately", "recently", "soon", "yet", "already", "around", "somewhere",
    "lurker", "advice", "appreciate", "appreciated", "deets", "let", "lets", "mostly", "mainly",
    "specifically", "itself",
    "us", "usa", "important", "importance", "necessary", "essential",
    "supposed", "besides", "beyond",
    # contractions as typed without the apostrophe ("who's" → "whos", not "whose"), and asking
    # for tips ("any tips for getting hired")
    "whos", "whose", "thats", "theres", "theyre", "isnt", "arent", "wont", "didnt", "wheres",
    "getting", "tips", "tip", "pointers", "going", "goes", "went", "acronym", "abbreviation",
    "initials",
    # degree words: "fully remote" is remote, not full-time; "enough openings" are openings
    "fully", "completely", "entirely", "enough",
    # round 4: function words and feelings that carry no topic ("stuck behind a computer",
    # "practice during the program")
    "during", "among", "upon", "onto", "via", "whether", "towards", "toward", "stuck",
    # FAQ headings pasted with their prefix ("FAQ - ...", "Q: ... A:", "Frequently asked: ..."),
    # and what a site claims ("a website said ..., is that true")
    "faq", "faqs", "frequently", "q", "website", "websites", "webpage", "true", "untrue",
    # a figure asked to be quoted ("the latest median i can cite"): the figure is what is asked
    "latest", "newest", "recent", "quote", "cite",
    # "can i go the medical assisting route": the way in is what is named before it
    "route", "routes",
    # how the asker feels ("total career changer and kind of nervous")
    "nervous", "scared", "excited", "confused", "total",
    # a formal asker's determiners ("falls under a particular job series", "a certain range")
    "particular", "certain",
})

# A job people come to records work from, opening a clause that goes on about the asker ("cna
# in mississippi thinking about switching", "pharmacy tech for 6 years", "army medic getting
# out next spring"): their background. Not followed by what is asked ("cna pay in ohio").
# (Round 13: more of the jobs career changers come from - vet techs, pharm techs, teachers,
# warehouse and retail workers, servers, veterans -, after how they feel or how they came to it
# ("burnt out phlebotomist", "broke single mom"), and a job closed by chat ("cashier lol",
# "vet tech tbh ...") or by the end of its clause ("dollar store cashier, whats...").)
_FEELING = (r"(?:(?:so |super |very |really |totally |kinda |pretty )?(?:burnt out|burned out"
            r"|burnt|burned|tired|exhausted|stressed|overworked|underpaid|broke|bored|fed up"
            r"|nervous|scared|worried|anxious|excited|single|retired|former|ex|laid off) )*")
_BACKGROUND_JOB = (r"(?:cnas?|medical assistants?|pharmacy techs?|pharmacy technicians?"
                   r"|pharm techs?|vet techs?|veterinary techs?|veterinary technicians?"
                   r"|phlebotomists?|caregivers?|cashiers?|medics?|bank tellers?|receptionists?"
                   r"|dental assistants?|teachers?|warehouse (?:workers?|guy|girl|associates?)"
                   r"|retail workers?|servers?|waitress|waiters?|bartenders?|truck drivers?"
                   r"|stay at home (?:mom|dad|parent)s?|sahms?|sahds?"
                   r"|(?:mom|dad|mother|father|parent)s?)")
_BACKGROUND = (rf"(?:an? )?{_FEELING}(?:army |navy |air force |marine )?{_BACKGROUND_JOB}"
               r"(?= (?:(?:in|from) [a-z]+(?: [a-z]+)? )?(?:for \w+ (?:years?|yrs?|months?)"
               r"|thinking|looking|wanting|getting|going|ready|burned|burnt|switching|trying"
               r"|lol|tbh|ngl|fr|here|rn|who|with|w)\b|$)")
# A clause that is nothing but the job ("dollar store cashier", "navy vet", "burnt out cna"):
# a few words before it at most.
_BACKGROUND_CLAUSE = rf"^(?:\w+ ){{0,2}}{_FEELING}{_BACKGROUND_JOB}$"
# Where an asker describes themselves ("i'm a cashier at a grocery store, could i...", "just got
# out of the military", "my son is a sophomore"): the words of that clause the knowledge lacks
# are their situation, not what they ask, and count as nothing. The clause ends at punctuation,
# at a word that starts the question ("could", "how"...) or after MAX_SITUATION words.
_SITUATION_CUE = re.compile(r"\b(?:i ?m|i am|i was|i work(?:ed)?|i used to|i ?ve been|i have been|"
                            r"i (?:hate|love|like|enjoy|dont like|cant stand)|"
                            r"and (?:hate|love|enjoy|dont like|cant stand)|"
                            # the same asker's past, its subject left out ("im 52 and was a bank
                            # teller for 20 yrs")
                            r"and (?:was|worked|used to|ve been|have been|spent)|"
                            r"(?:i )?just got out of|i left|coming from|i come from|"
                            # a parent coming back to work ("mom of two going back to work",
                            # "returning to the workforce after 8 years")
                            r"(?:mom|mother|dad|father|parent)s? of (?:\d+|one|two|three|four|"
                            r"five|twins)|(?:going|getting|coming) back to work|"
                            r"(?:returning|going back) to (?:work|the workforce)|"
                            r"ex|former|retired|"
                            # a clause opening on the asker's past, its subject left out ("was a
                            # cna for 9 years", "15 years managing a grocery store")
                            r"^(?:was|been) an?|^(?:worked|working|used to work) as|"
                            r"^\d+ (?:years?|yrs?)"
                            r"(?= (?:as|in|at|managing|working|doing|running)\b)|"
                            rf"^{_BACKGROUND}|{_BACKGROUND_CLAUSE}|"
                            # the asker's past without its subject ("used to warehouse work")
                            r"^used to|"
                            # a switch only thought of, the question after it ("caregiver
                            # thinking about switching, do i need a degree")
                            r"(?:thinking|looking|wanting|planning) (?:about |of |to )?"
                            r"(?:switching|switch|changing careers|a career change)"
                            r"(?= (?:and|but|so)\b|$)|"
                            # the asker's own work, compared with ("is it stressful compared to
                            # working the floor"; not another occupation: "than being a nurse")
                            r"(?:compared (?:to|with)|than) (?:working(?! as\b)|doing"
                            r"|my (?:current |old |last |present )?(?:job|work|role)))\b")
# Someone of the asker's described ("my son is a sophomore", "my aunt is a nurse"): their
# situation too. Their job is their past only when the question is about coming into this work
# ("wants to switch to medical records", "as an ehr specialist"); else it is what is asked ("my
# cousin is a nurse practitioner, what does she make").
_THEIR_SITUATION = re.compile(rf"\b{THEIRS} (?:is|are|was|has|had"
                              r"|works?|worked|just)\b")
_INTO_FIELD = re.compile(r"\b(?:switch\w*|change careers?|become|becoming|get(?:ting)? into"
                         r"|transition\w*|move into|go into|medical records|ehr|this field)\b")
_CLAUSE_END = re.compile(r"[,.;:!?()\n]+")
_SITUATION_STOP = frozenset({"and", "but", "so", "could", "can", "how", "what", "whats", "is",
                             "do", "does", "should", "would", "will", "which", "where", "when",
                             "why", "any", "want", "wanting", "thinking", "looking", "if", "or"})
MAX_SITUATION = 8
MIN_AGE, MAX_AGE = 16, 99
# Of the words the knowledge knows, a self-description keeps only what the profile reads — the
# asker's education, credentials, skills, employer, experience and state ("i'm in high school",
# "i'm in ohio", "i work at the va"): "im a nursing student who hates clinicals, could i switch
# to this" asks how to switch, not about nursing or clinicals, once the rest asks something.
_PROFILE_WORDS = frozenset({
    "school", "high", "ged", "diploma", "college", "degree", "graduate", "certified", "cert",
    "certification", "credential", "years", "experience", "future", "salary", "hourly", "pay",
    "va", "federal", "gs", "insurer", "physician", "cali", "jersey", "freshman", "sophomore",
    "junior", "senior", "teen", "teenager", "highschooler", "grade", "grades",
    *(word for value in Education for word in value.split("_")),
    *(value.lower() for value in Certification),
    *(word for value in Skill for word in value.split("_")),
    *(value for value in Employer if "_" not in value),  # not "nursing" of "nursing_home"
    *(word for code, name in STATES.items() for word in (code.lower(), *name.lower().split())),
})


# What the asker is or was ("i'm a burnt out teacher in ohio") ends before where they are.
_ROLE_STOP = _SITUATION_STOP | {"in", "at", "near", "from", "around", "outside", "for", "with"}


# How many children a parent tells of ("mom of 2", "dad of three"): no figure asked about.
_KIDS = frozenset({"1", "2", "3", "4", "5", "6", "7", "8", "one", "two", "three", "four", "five",
                   "twins"})
_PARENTS = frozenset({"mom", "mother", "dad", "father", "parent", "mum", "moms", "dads"})


def _is_age(word: str) -> bool:
    """A number in a self-description too big for a GS grade ("i'm 61", "for 20 yrs"): an age
    or a count of years, which the mentions read, not a figure asked about."""
    return word.isdigit() and MIN_AGE <= int(word) <= MAX_AGE


# Years the asker spent in another job ("worked as a phlebotomist for 6 yrs", "medical assistant
# for 8 years", "15 years as a cashier"): no experience of records work.
_YEARS_COUNT = r"(?:the (?:last|past) )?\d+ (?:years?|yrs?)\b"
_JOB_YEARS = re.compile(rf"\b(?:was|been|worked as|as) an? (?P<job>\w+(?: \w+)?) (?:for )?"
                        rf"{_YEARS_COUNT}"
                        rf"|\b{_YEARS_COUNT} (?:as|working as) an? (?P<job_after>\w+(?: \w+)?)\b"
                        rf"|^{_BACKGROUND} (?:for )?{_YEARS_COUNT}")
_YEARS_TOLD = re.compile(rf"\b(?:for )?{_YEARS_COUNT}")
_RECORDS_WORDS = frozenset({"record", "records", "ehr", "emr", "him", "coder", "coding",
                            "health", "information", "registrar", "specialist", "specialists"})


def years_elsewhere(text: str) -> bool:
    """Whether `text` tells a count of years spent in another job than records work."""
    for clause in _CLAUSE_END.split(fold(text)):
        found = _JOB_YEARS.search(" ".join(words(clause)))
        if found is not None:
            job = found.group("job") or found.group("job_after") or ""
            return not set(job.split()) & _RECORDS_WORDS
    return False


def words_asked(text: str) -> list[str]:
    """The folded words of `text` outside the clauses in which the asker describes themselves
    ("im a cna in ohio, how much do cnas make here" → "how much do cnas make here")."""
    return [word for clause_words, described in _descriptions(text, _SITUATION_STOP, theirs=True)
            for position, word in enumerate(clause_words) if position not in described]


def situation_words(text: str) -> frozenset[str]:
    """The folded words of the clauses in which the asker describes themselves."""
    return _described(text, _SITUATION_STOP, theirs=True)


# A tool named as a skill ("does knowing Epic get you paid more") is asked about as a skill,
# not as an employer whose pay is asked.
_SKILL_OF = re.compile(r"\b(?:knowing|learning|using|mastering|experience (?:with|in)|how to use)"
                       r" ([a-z]+)\b"
                       r"|\b([a-z]+) (?:experience|skills?)\b")


# Someone of another occupation asked about switching ("can a teacher become an ehr
# specialist", "could a plumber get into this") is the asker's background, not what is asked.
_SWITCHER = re.compile(r"\b(?:can|could)(?: an?| the)? (?!(?:i|you|we|they|people|someone|somebody"
                       r"|anyone|anybody|it|this|that|there)\b)(\w+(?: \w+)?) (?:become|switch"
                       r"|get into|break into|transition|move into|go into|start)\b")
# "Right now" in a self-description ("im a cashier rn") is no registered nurse.
_RIGHT_NOW = frozenset({"rn", "atm"})


def without_role(text: str) -> str:
    """`text` without the words that say what the asker is or was ("pharmacy tech here", "i'm a
    burnt out teacher, how would i get into this") and the tools named as skills ("knowing
    Epic"): another occupation or an employer named there is their past or a skill, not what
    they ask about ("pharmacy tech here, what do pharmacy techs make" still asks of them).
    Unchanged when there are none."""
    kept: list[str] = []
    dropped = False
    for clause_words, described in _descriptions(text, _ROLE_STOP):
        skills = {word for found in _SKILL_OF.findall(" ".join(clause_words))
                  for word in found if word}
        for position, word in enumerate(clause_words):
            told = position in described and (word not in STOPWORDS or word in _RIGHT_NOW)
            if told or word in skills:
                dropped = True
            else:
                kept.append(word)
    return " ".join(kept) if dropped else text


def _described(text: str, stop: frozenset[str], theirs: bool = False) -> frozenset[str]:
    """The folded words of the self-descriptions in `text`, each ending at a word of `stop`;
    what someone of the asker's is ("my dad is a pharmacist") only if `theirs` or the question
    is about coming into this work."""
    return frozenset(clause_words[position]
                     for clause_words, described in _descriptions(text, stop, theirs)
                     for position in described)


def _descriptions(text: str, stop: frozenset[str],
                  theirs: bool = False) -> list[tuple[list[str], set[int]]]:
    """Each clause of `text` as its folded words, with the positions of those that describe
    the asker (each self-description ending at a word of `stop`; someone of theirs as in
    `_described`)."""
    found: list[tuple[list[str], set[int]]] = []
    whole = " ".join(words(text))
    theirs = theirs or bool(_INTO_FIELD.search(whole)) or names_occupation(whole)
    for clause in _CLAUSE_END.split(fold(text)):
        folded = " ".join(words(clause))
        clause_words = folded.split()
        described: set[int] = set()
        found.append((clause_words, described))
        if folded.endswith(" here") and len(clause_words) <= MAX_SITUATION \
                and clause_words[0] not in _SITUATION_STOP:  # not "is it stressful here"
            described.update(range(len(clause_words)))  # "ex-military medic here"
            continue
        for switcher in _SWITCHER.finditer(folded):  # "can a teacher become one"
            first = _word_at(folded, switcher.start(1))
            described.update(range(first, first + len(switcher.group(1).split())))
        of_others = [*_THEIR_SITUATION.finditer(folded)]
        for cue in of_others:  # "my aunt is": the aunt is the situation too
            described.update(range(_word_at(folded, cue.start()), _word_at(folded, cue.end())))
        for cue in [*_SITUATION_CUE.finditer(folded), *(of_others if theirs else ())]:
            # "im a nursing student and i hate ..."
            first, after = _word_at(folded, cue.start()), _word_at(folded, cue.end())
            told = list(takewhile(lambda word: word not in stop,
                                  clause_words[after:after + MAX_SITUATION]))
            described.update(range(first, after + len(told)))
    return found


def _word_at(folded: str, offset: int) -> int:
    """The position of the word that starts at (or the one after) `offset` of `folded`."""
    return len(folded[:offset].split())


_LONG_STOPWORDS = sorted(word for word in STOPWORDS if len(word) >= 3)
# Chat spellings of stopwords (and "mak"), vowels left out ("hw much" is "how much", "does it
# tak" "take"): read as the word, so that the synonym phrases they start are found. A listed
# few, as three letters without a vowel are as often an acronym ("hha") or a unit ("hrs"); so
# are a few exam words cut short or misspelt as a real word ("cca exm", "pas rate", "firs time").
_CHAT_SPELLINGS = {"hw": "how", "wat": "what", "wut": "what", "wht": "what", "tak": "take",
                   "wrk": "work", "mch": "much", "jst": "just", "frm": "from", "tht": "that",
                   "thn": "than", "wth": "with", "ned": "need", "shud": "should",
                   "cud": "could", "wud": "would", "mak": "make", "tst": "test", "exm": "exam",
                   "pas": "pass", "firs": "first", "scor": "score", "renw": "renew",
                   "hav": "have", "shld": "should", "gud": "good", "w": "with",
                   "becum": "become", "becom": "become", "bcome": "become", "bcum": "become"}
# A typo is only corrected for words at least this long. A short word only for one letter
# missing, extra or swapped ("cehr", "rhti"; "paris" must not become "parts"); a longer one to
# a word at least this similar (rapidfuzz ratio, 0-100).
MIN_FUZZY_LENGTH = 4
SHORT_WORD = 5
FUZZY_CUTOFF = 80.0
# A word the knowledge lacks is read as a word of the occupation's name from this similarity on.
NAME_CUTOFF = 85.0
_NAME_CHOICES = sorted(NAME_WORDS)
# An unfinished last word of a search is completed from this length, to this many known words.
MIN_PREFIX = 2
MAX_COMPLETIONS = 8


# The bodies' short names: a short word one letter off is the name ("himms": HIMSS, not "hims";
# "ahina": AHIMA), before any other known word as near.
_BODY_NAMES = frozenset({"ahima", "himss", "aapc", "cahiim"})


# Letters that sound alike: a short word may differ from a known one by one of these ("epik").
_SOUND_ALIKE = frozenset({frozenset("ck"), frozenset("kq"), frozenset("sz"), frozenset("iy"),
                         frozenset("ae")})


def _sound_alike(word: str, candidate: str) -> bool:
    """Same length, one letter different, and the two letters sound alike."""
    pairs = [frozenset((a, b)) for a, b in zip(word, candidate, strict=True) if a != b]
    return len(pairs) == 1 and pairs[0] in _SOUND_ALIKE


# The rows of a QWERTY keyboard: a short word may differ from a known one by a key next to the
# right one ("exsm": "exam").
_KEY_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_NEXT_KEYS = frozenset(frozenset(row[index:index + 2]) for row in _KEY_ROWS
                       for index in range(len(row) - 1))


def _next_key(word: str, candidate: str) -> bool:
    """Same length, one letter different, and the two letters are neighbours on a row of the
    keyboard."""
    pairs = [frozenset((a, b)) for a, b in zip(word, candidate, strict=True) if a != b]
    return len(pairs) == 1 and pairs[0] in _NEXT_KEYS


def _same_start(word: str, candidate: str) -> bool:
    """Whether a typo could stand for `candidate`: people rarely miss a word's first letter, so
    it must be the same (or the first two swapped, "ohspital"). Without this, real words the
    knowledge lacks become other words ("retail" → "detail", "nurses" → "uses", "besides" →
    "sides")."""
    return word[0] == candidate[0] or (len(word) > 1 and word[1::-1] == candidate[:2])


# Endings that make another form of a word; "-er" and "-est" only with each other ("cheaper",
# "cheapest"), as a word with "-er" alone is mostly another word ("waiter" is no "wait").
_INFLECTIONS = frozenset({"", "s", "es", "d", "ed", "ing", "ly"})
_COMPARISONS = frozenset({"er", "est"})


def _same_word(word: str, candidate: str) -> bool:
    """Whether two words are forms of one ("cheaper", "cheapest"; not "factory", "factor"):
    they share a start of at least four letters and differ only by inflectional endings."""
    pairs = zip(word, candidate, strict=False)
    shared = sum(1 for _ in takewhile(lambda pair: pair[0] == pair[1], pairs))
    for cut in range(shared, MIN_FUZZY_LENGTH - 1, -1):  # "cheape|r" is "cheap|er"
        endings = {word[cut:], candidate[cut:]}
        if endings <= _INFLECTIONS or endings == _COMPARISONS:
            return True
    return False


def fold(text: str) -> str:
    """Lower case, accents removed, apostrophes dropped ("what's" → "whats")."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = decomposed.encode("ascii", "ignore").decode("ascii").lower()
    return ascii_text.replace("'", "").replace("’", "")


def words(text: str) -> list[str]:
    """The folded words of `text`, American spellings read as the British ones the texts use
    ("unauthorized" → "unauthorised", "analyze" → "analyse")."""
    return [_BRITISH_YS.sub(r"\1ys\2", _BRITISH_IS.sub(r"\1is\2", word)) if "z" in word
            else word for word in _WORD.findall(fold(text))]


def normalized_question(text: str, limit: int = 200) -> str:
    """The form under which an unanswered question is counted: folded words, one space.

    Runs of five or more digits (phone, member or record numbers) are masked.
    """
    return _LONG_NUMBER.sub("#", " ".join(words(text)))[:limit]


# "4" typed for "for" before a pronoun or article ("skills 4 this", "any tips 4 me"), or after
# "stand" ("what does nha stand 4"): a count is followed by what it counts ("4 years"), never by
# these.
_CHAT_FOR = re.compile(r"\b4 (?=(?:this|that|these|those|it|me|u|you|ur|your|my|him|her|them|"
                       r"us|the)\b)|(?:(?<=\bstand )|(?<=\bstands ))4\b", re.IGNORECASE)


# "w/o" typed for "without" ("can i do it w/o a cert"), "w/" for "with" ("domains w/ shares")
_CHAT_WITHOUT = re.compile(r"\bw/o\b", re.IGNORECASE)
_CHAT_WITH = re.compile(r"\bw/(?=\s|$)", re.IGNORECASE)


def with_chat_for(text: str) -> str:
    """Text with a "4" that stands for "for" written out ("what do i need 4 this"), "w/o"
    as "without" and "w/" as "with"."""
    text = _CHAT_WITH.sub("with", _CHAT_WITHOUT.sub("without", text))
    return _CHAT_FOR.sub(lambda found: found[0].replace("4", "for"), text)


def spoken_amounts(folded: str) -> str:
    """Folded text with typed amounts read as what they stand for: "is 40k low" → "is salary
    low", "22 hr" → "hourly pay", "0 2 years" → "years experience", "in 10 years" → "in
    future years", "done within 12 months" → "done how long", "how much to renew" →
    "renewal fee"."""
    if not _PAY_WORDS.search(folded):
        folded = _MONTHS_SPAN.sub("how long", folded)
        if _FINISHED.search(folded):
            folded = _YEARS_SPAN.sub("how long", folded)
    for pattern, meaning in _AMOUNTS:
        folded = pattern.sub(meaning, folded)
    folded = _RENEWAL_COST.sub(
        lambda found: _RENEW_WORD.sub("renewal fee", _AMOUNT_WORDS.sub(" ", found[0])), folded)
    return " ".join(folded.split())


# A certificate (a programme of study) is not a certification (a credential), though the
# stemmer gives both "certif"; the synonyms still join them where nothing says which is meant.
_OWN_STEMS = {"certificate": "certificat", "certificates": "certificat"}


# A pay figure's units as asked, and a choice of them ("per hour or per year", "hourly vs
# annual"): asked as a choice, the figure itself, whose answer gives each unit the sources give.
BY_HOUR = r"(?:\b(?:per|an|a|by the|each) (?:hour|hr)|\bhourly)"
BY_YEAR = r"(?:\b(?:per|a|an|each) (?:year|yr)|\byearly|\bannual(?:ly)?)"
# A salary set against hourly pay is the yearly figure ("hourly or salary?", "salaried or paid
# by the hour").
_SALARIED = rf"(?:{BY_YEAR}|\bsalar(?:y|ied))"
UNIT_CHOICE = re.compile(rf"{BY_HOUR}\b.*\b(?:or|vs|versus)\b.*{_SALARIED}\b"
                         rf"|{_SALARIED}\b.*\b(?:or|vs|versus)\b.*{BY_HOUR}\b")


def _pay_framing(folded: str) -> str:
    """Folded text with pay asked in other shapes read as the knowledge says it: pay to expect,
    or of "they" alone, is the pay, a bump in pay a raise, the middle of the pay scale the
    median, "where do they make the most" (or the least) which state, the bottom state the
    lowest-paying one, both ends of the pay scale the range, two agencies compared (or the
    agencies) which agency pays best, pay rising pay over the years, a choice of units the pay."""
    folded = UNIT_CHOICE.sub("pay", folded)
    folded = _THEIR_PAY.sub(lambda found: f"{found[1] or ''} typical salary", folded)
    folded = _WHERE_PAY_MOST.sub(r"which state \1", _PAY_JUDGED.sub(r"\1", folded))
    folded = _EXPECTED_PAY.sub(r"\1\2", _MIDDLE.sub("median", folded))
    folded = _BUMP.sub(lambda found: f"raise {found[1] or found[2]}", folded)
    if _PAY_TREND.search(folded):
        folded = f"{folded} trend history"
    folded = _LOWEST_STATE.sub("lowest paying state",
                               _WHERE_PAY_LEAST.sub(r"which state \1", folded))
    if (_BOTH_ENDS.search(folded) or (_LOW_END.search(folded) and _HIGH_END.search(folded))) \
            and not _RANKED.search(folded):
        ends = _HIGH_END.sub(" ", _LOW_END.sub(" ", _BOTH_ENDS.sub(" ", folded)))
        # "lowest vs highest": the two ends are one range, not a comparison.
        folded = f"{_VERSUS.sub(' ', ends)} salary range"
    several = len({_AGENCIES[name] for name in _AGENCY.findall(folded)}) > 1 \
        and _BEST.search(folded)
    if (several or _AMONG_AGENCIES.search(folded)) and _PAY_WORD.search(folded):
        folded = f"{folded} which agency pays best"
    return folded


def reframed(folded: str) -> str:
    """Folded question text read for what it asks: hearsay on the pay asks the pay (and pay in
    other shapes, `_pay_framing`), "what score do i need" the pass mark, "how much experience"
    no amount of money, an exam's "subjects" or "how much of" it its domains, books "allowed" in
    it its open books, how long a certification's programme takes the training's length, a
    certificate in a question on schooling a certificate program."""
    folded = _pay_framing(folded)
    if _COUNTED_JOBS.search(folded):
        folded = f"{folded} employment"
    folded = HOW_MUCH_OF.sub("", _SCORE_NEEDED.sub("passing score", folded))
    if _EXAM.search(folded):
        folded = _ON_EXAM.sub(r"\1 on the exam", _EXAM_PARTS.sub("domains", folded))
        folded = _SHARE_OF_EXAM.sub("domains of ", folded)
        if not _PASSING.search(folded):
            folded = _EXAM_WEIGHTS.sub("domains", folded)
    if _BOOKS.search(folded):
        folded = _ALLOWED.sub("open", folded)
    if _DURATION.search(folded):
        folded = _PROGRAMME_FOR_CODE.sub(r"\1", _CODE_PROGRAMME.sub(" ", folded))
    if _SCHOOLING.search(folded):
        folded = _CERTIFICATE.sub("certificate program", folded)
    return folded


@lru_cache(maxsize=4096)
def stem(word: str) -> str:
    own = _OWN_STEMS.get(word)
    if own:
        return own
    stemmer = getattr(_STEMMERS, "english", None)
    if stemmer is None:
        stemmer = _STEMMERS.english = snowballstemmer.stemmer("english")
    return stemmer.stemWord(word)


@dataclass(frozen=True)
class QueryWord:
    """A word (or synonym phrase) of a question and the index terms it stands for."""

    text: str
    terms: tuple[str, ...]
    # A word the knowledge does not know (no terms) that is everyday English ("cashier"), not a
    # name or a typo: knowledge/qa/english.py.
    everyday: bool = False


class Vocabulary:
    """Synonym expansion and typo correction over the words the knowledge actually uses."""

    def __init__(self, synonyms: Mapping[str, Iterable[str]], known_words: Iterable[str]) -> None:
        # Phrases ("how long", "veterans affairs") are matched on word boundaries, longest first.
        self._phrases: list[tuple[re.Pattern[str], str, tuple[str, ...], bool]] = []
        self._single: dict[str, tuple[str, ...]] = {}
        for phrase, expansion in synonyms.items():
            key = " ".join(words(phrase))
            items = list(expansion)
            # "=" first: an idiom, its own words stand for nothing ("take home" → pay).
            idiom = bool(items) and items[0].startswith("=")
            targets = tuple(word for item in items for word in words(item))
            if " " in key:
                self._phrases.append((re.compile(rf"\b{re.escape(key)}\b"), key, targets,
                                      idiom))
            else:
                self._single[key] = targets
        self._phrases.sort(key=lambda item: -len(item[1]))
        known = {word for word in known_words if word not in STOPWORDS}
        # "clinics" finds the synonyms of "clinic": single words also match by their stem; of
        # keys sharing a stem, the shortest ("clinic", not "clinicals").
        self._by_stem: dict[str, tuple[str, ...]] = {}
        for key in sorted(self._single, key=lambda single: (len(single), single)):
            self._by_stem.setdefault(stem(key), self._single[key])
        known.update(self._single)
        known.update(target for targets in self._single.values() for target in targets)
        self.known = frozenset(known)
        # Another form of a known word ("nurses" for "nurse", "cehr" for "cehrs") is no typo:
        # it stands for the known word of the same stem.
        self._by_known_stem: dict[str, str] = {}
        for word in sorted(self.known, key=lambda known_word: (len(known_word), known_word)):
            self._by_known_stem.setdefault(stem(word), word)
        self._choices = sorted(word for word in self.known if len(word) >= MIN_FUZZY_LENGTH - 1)
        self._corrections: dict[str, str | None] = {}
        load_word_list()

    def correct(self, word: str) -> str | None:
        """The known word a typo stands for ("hosptial" → "hospital"), or None."""
        if word in self.known:
            return word
        if stem(word) in self._by_known_stem:
            return self._by_known_stem[stem(word)]
        if len(word) < MIN_FUZZY_LENGTH or word.isdigit():
            return None
        if word not in self._corrections:
            found = self._short_typo(word) if len(word) <= SHORT_WORD else self._long_typo(word)
            # A real English word the knowledge lacks is no typo ("movie" is not "move", "kids"
            # not "kinds"); at most another form of the same word ("cheaper" for "cheapest").
            if found is not None and is_english(word) and not _same_word(word, found):
                found = None
            self._corrections[word] = found
        return self._corrections[word]

    def _short_typo(self, word: str) -> str | None:
        found = process.extract(word, self._choices, scorer=OSA.distance, score_cutoff=1,
                                limit=8)
        body = next((candidate for candidate, _, _ in found
                     if candidate in _BODY_NAMES and _same_start(word, candidate)), None)
        if body is not None:
            return body
        for candidate, _, _ in found:
            if not _same_start(word, candidate):
                continue
            if len(candidate) != len(word) or sorted(candidate) == sorted(word) \
                    or _sound_alike(word, candidate) or _next_key(word, candidate):
                return candidate
        return None

    def _long_typo(self, word: str) -> str | None:
        """The closest known word with the same start; of those similar enough, the fewest
        edits away first, a swap of two letters counting as one ("strated": "started", not
        "saturated")."""
        found = process.extract(word, self._choices, scorer=fuzz.ratio,
                                score_cutoff=FUZZY_CUTOFF, limit=8)
        fitting = [(OSA.distance(word, candidate), -score, candidate)
                   for candidate, score, _ in found if _same_start(word, candidate)]
        return min(fitting)[2] if fitting else None

    @staticmethod
    @lru_cache(maxsize=4096)
    def _stopword_of(word: str) -> str | None:
        """The stopword a misspelled word stands for: one edit away ("waht"), or, when short,
        its letters swapped ("jbo"); a chat spelling ("hw", "tak") too."""
        if word in _CHAT_SPELLINGS:
            return _CHAT_SPELLINGS[word]
        if len(word) < MIN_FUZZY_LENGTH - 1:
            return None
        found = process.extract(word, _LONG_STOPWORDS, scorer=OSA.distance, score_cutoff=1,
                                limit=8)
        fitting = [candidate for candidate, _, _ in found
                   if len(word) >= MIN_FUZZY_LENGTH or sorted(candidate) == sorted(word)]
        # The likeliest first: the same first letter, then a letter missing ("wher": "where",
        # not "when").
        fitting.sort(key=lambda candidate: (not _same_start(word, candidate),
                                            len(candidate) != len(word) + 1, candidate))
        return next(iter(fitting), None)

    def _typos_corrected(self, folded: str) -> str:
        """Folded text with its misspelled words replaced by the known words or stopwords they
        stand for ("how lnog" → "how long", "wher" → "where"), so that the synonym phrases,
        the occupation's name and the framing are found in it too; other forms of a known word
        are kept as typed."""
        fixed = []
        for word in folded.split():
            if word in self.known or (word in STOPWORDS and word not in _CHAT_SPELLINGS):
                fixed.append(word)
            elif stem(word) in self._by_known_stem:
                # A long typo sharing a known word's stem is that word's typo ("qualifed":
                # "qualified", not "qualifications"); a real word is another form of it.
                typo = len(word) > SHORT_WORD and not is_english(word)
                fixed.append(self._long_typo(word) or word if typo else word)
            else:
                # A stopword with two letters swapped before a known word an edit away
                # ("mnay": "many", not "may").
                stop = self._stopword_of(word)
                swapped = stop is not None and sorted(stop) == sorted(word)
                fixed.append(stop if swapped else self.correct(word) or stop or word)
        return " ".join(fixed)

    def _only_situation(self, raws: list[str], situation: frozenset[str],
                        phrases: bool) -> frozenset[str]:
        """The words of a question (`raws`) that only describe the asker: those the knowledge
        lacks, and, when the rest asks something (or a synonym phrase was found), those it
        knows but the profile does not read."""
        lacking = frozenset(raw for raw in raws if raw in situation
                            and (self.correct(raw) is None or _is_age(raw)
                                 or (raw in _KIDS and bool(situation & _PARENTS))))
        if not phrases and not any(self.correct(raw) for raw in raws
                                   if raw not in situation and raw not in STOPWORDS):
            return lacking
        return lacking | frozenset(raw for raw in raws if raw in situation
                                   and not {raw, raw.removesuffix("s")} & _PROFILE_WORDS)

    def _name_spelled(self, folded: str) -> str:
        """Folded text with misspelled words of the occupation's name spelled right ("eletronic
        helth record specilists", "certifed ... heath records"), so that the name is read like
        a well-spelled one instead of pulling the cards whose titles hold its words."""
        return " ".join(self._name_word(word) for word in folded.split())

    def _name_word(self, word: str) -> str:
        """The word of the occupation's name an unknown word misspells, else the word."""
        if word in self.known or len(word) < MIN_FUZZY_LENGTH:
            return word
        found = process.extractOne(word, _NAME_CHOICES, scorer=fuzz.ratio,
                                   score_cutoff=NAME_CUTOFF)
        return found[0] if found is not None and _same_start(word, found[0]) else word

    def complete(self, prefix: str) -> tuple[str, ...]:
        """Known words that start with `prefix` ("rhi" → rhia, rhit), shortest first."""
        if len(prefix) < MIN_PREFIX:
            return ()
        start = bisect_left(self._choices, prefix)
        found = takewhile(lambda word: word.startswith(prefix), self._choices[start:])
        return tuple(sorted(found, key=len)[:MAX_COMPLETIONS])

    def expand(self, text: str, complete_last: bool = False) -> list[QueryWord]:
        """The words of a question with the stemmed index terms each stands for.

        Synonym phrases ("how long") become one word standing for what they mean; single words
        are corrected for typos, kept alongside their synonyms, then stemmed. A word that is not
        understood keeps no terms — except, with `complete_last`, a last word still being typed,
        which stands for the known words it begins.
        """
        # A switch told before the question ("truck driver looking to switch, what does the va
        # pay"): the story, not what is asked (round 13).
        folded = " ".join(words(_SWITCH_TOLD.sub(" ", text)))
        if years_elsewhere(text):  # "pharmacy tech for 6 years": no experience of this work
            folded = _YEARS_TOLD.sub(" ", folded)
        folded = without_occupation(spoken_amounts(self._typos_corrected(
            self._name_spelled(folded))))
        folded = _NAME_FRAMING.sub(" ", _HIM_NAMED.sub("h i m ", folded))
        folded = _TRAILING_CHOICE.sub(" ", _FRAMING.sub(" ", folded).strip())
        folded = _BIG_PART.sub(r"\1 \2 important", folded)
        folded = _WHAT_X_DOES.sub(r"what \1 \2 do", folded)
        folded = _SIDE_OF.sub(r"\1", _LIKE_A.sub(r"\1 ", _INSTEAD_OF_DOING.sub(" ", folded)))
        folded = _GOOD_AT.sub(r"\1 \2 known for", folded)
        folded = _WHAT_MEANS.sub(lambda found: found[1] or found[2], folded)
        folded = _HOLD_DEGREE.sub(r"\1 have", folded)
        folded = reframed(folded)
        situation = situation_words(text)
        found: list[QueryWord] = []
        for pattern, phrase, targets, idiom in self._phrases:
            if phrase in folded and pattern.search(folded):  # the substring test is the cheap one
                folded = pattern.sub(" ", folded)
                own = () if idiom else tuple(w for w in phrase.split() if w not in STOPWORDS)
                terms = tuple(dict.fromkeys(stem(t) for t in (*targets, *own)))
                found.append(QueryWord(phrase, terms))
        raws = folded.split()
        situation = self._only_situation(raws, situation, bool(found)) if situation \
            else situation
        for position, raw in enumerate(raws, start=1):
            if raw in STOPWORDS or raw in situation:
                continue
            word = self.correct(raw)
            if word is None:
                completions = self.complete(raw) if complete_last and position == len(raws) \
                    else ()
                found.append(QueryWord(raw, tuple(dict.fromkeys(map(stem, completions))),
                                       everyday=not completions and is_everyday(raw)))
                continue
            items = (word, *self._single.get(word, self._by_stem.get(stem(word), ())))
            found.append(QueryWord(word, tuple(dict.fromkeys(stem(item) for item in items))))
        return found


def document_terms(texts: Iterable[str]) -> list[str]:
    """Stemmed terms of document text (no synonyms, no typo correction: the data is curated)."""
    return [stem(word) for text in texts for word in words(text) if word not in STOPWORDS]
