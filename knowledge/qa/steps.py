"""The steps into the job (knowledge/data/career.yaml) asked one at a time: "what's step 8",
"the last step on the roadmap", "what comes after the internship", "i'm certified, what's
next", "what order do the steps go in" - answered by the steps' card leading with that step."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from knowledge.models import Step
from knowledge.store import load_knowledge
from knowledge.text import source_label

_ORDINALS = {word: number for number, forms in enumerate((
    ("first", "1st", "one"), ("second", "2nd", "two"), ("third", "3rd", "three"),
    ("fourth", "4th", "four"), ("fifth", "5th", "five"), ("sixth", "6th", "six"),
    ("seventh", "7th", "seven"), ("eighth", "8th", "eight"), ("ninth", "9th", "nine"),
    ("tenth", "10th", "ten")), start=1) for word in forms}
_LAST = ("last", "final", "end")
# "Step 8", "step number 3", "the 3rd step", "the very last step", "the final thing on the
# list", "the first thing to do".
_NUMBERED = re.compile(r"\bstep (?:number |no )?(\d+|" + "|".join(_ORDINALS) + r")\b")
_ORDINAL = re.compile(r"\b(" + "|".join([*_ORDINALS, *_LAST]) + r")(?: \w+)? step\b|"
                      r"\b(first|last|final) thing (?:to do|i (?:should )?do|on)\b")
# An end of the way in asked in other words ("the final stage of becoming one", "the end of the
# roadmap", "what do you do last"): "stage" and "phase" only of becoming one (else a rung).
_END = re.compile(r"\b(first|last|final|end) (?:\w+ )?(?:stage|phase|part)\b"
                  r"(?=.*\b(?:becom\w*|roadmap|process|path|journey)\b)"
                  r"|\b(end) of the (?:roadmap|process|steps|list|path)\b"
                  r"|\bwhat (?:do (?:i|you) do|comes) (last|first)\b")
# What follows the step the question names, or comes before it (not "my next step to be
# certified": the way to it).
_NEXT = re.compile(r"\b(?:what|whats) (?:is |comes |do i do |should i do |happens |to do |"
                   r"do you do )?(?:next|now|after|afterwards|then|once|when i (?:finish|get|"
                   r"am done|have))\b|\bnow what\b|"
                   r"\bthen what\b|\bwhat next\b|\bcomes? (?:next|after)\b|\bstep after\b|"
                   r"\bnext step\b(?! (?:to|towards?|for|in)\b)")
_BEFORE = re.compile(r"\bstep before\b|\bcomes? before\b|"
                     r"\b(?:what|whats) (?:do i do |should i do |to do |happens )?before\b")
# The one before the last ("the 2nd to last step"); the step a thing is ("which step is the
# internship").
_PENULTIMATE = re.compile(r"\b(?:second|2nd|next) to (?:the )?last\b")
_WHICH = re.compile(r"\b(?:which|what) (?:step|number) (?:is|are|has|comes)\b")
# The steps' order asked as a whole.
_ORDER = re.compile(r"\b(?:what|which) order\b|\bin (?:what|which|the right) order\b|"
                    r"\border (?:of|do) (?:the )?steps\b|\bsteps in order\b")
# The steps counted ("how many steps are there", "the number of steps in the roadmap"), or
# laid out from start to finish ("walk me through becoming one from start to finish", "the
# whole process step by step", "every step from high school to certified"): all of them, in
# order, with their count.
_COUNT = re.compile(r"\bhow many (?:\w+ )?steps\b|\bnumber of steps\b|"
                    r"\bsteps (?:are there )?total\b")
_WHOLE = re.compile(r"\b(?:start|beginning) to (?:finish|end)\b|\bstep by step\b|"
                    r"\b(?:every|each|all (?:the )?) steps?\b|"
                    r"\b(?:whole|full|entire|complete) (?:process|path|roadmap|journey|route)\b|"
                    r"\bwalk (?:me|us|u) through\b(?=.*\b(?:becom\w*|process|path|roadmap|"
                    r"journey|get(?:ting)? into|start\w*)\b)")
# A step asked whether it is one ("is an internship one of the steps", "is an externship part
# of the process", "do i have to do an internship to become one"): that step.
_PART = re.compile(r"\b(?:part of|one of the steps|a step|step in|included in)\b"
                   r"|\b(?:have to|need to|required|requirement|mandatory|necessary|must)\b"
                   r"(?=.*\bbecom\w*\b)")
# Not the steps: the ladder's rungs, a credential asked for next ("next cert"), or a measure
# of a step ("how many weeks does step 4 take": no source times each step).
_ELSEWHERE = re.compile(r"\b(?:ladder|rungs?|next (?:certs?|credentials?|certifications?)|"
                        r"cert wise|how (?:long|many|much))\b")
_RUNGS = re.compile(r"\b(?:ladder|rungs?|levels?|stages?|grades?)\b")
ORDER = -1  # asked_step's answer for a question about the order of all the steps
COUNT = -2  # and for one counting them


@dataclass(frozen=True)
class AskedStep:
    """A step asked about: its number (1-based; past the last step when the question names a
    step the roadmap lacks, ORDER for the order of them all) and the step it was asked
    from ("what comes after the internship": the internship's), if any."""

    number: int
    anchor: int | None = None


@cache
def steps() -> tuple[Step, ...]:
    return load_knowledge().career.steps


@cache
def steps_sources() -> tuple[str, ...]:
    kb = load_knowledge()
    return tuple(source_label(kb.source(source)) for source in kb.career.steps_sources)


@cache
def _cues() -> tuple[tuple[re.Pattern[str], int], ...]:
    """Each step's cues as patterns with the step's number, longest cue first."""
    cues = sorted(((cue, number) for number, step in enumerate(steps(), 1) for cue in step.cues),
                  key=lambda item: -len(item[0]))
    return tuple((re.compile(rf"\b{re.escape(cue)}\b"), number) for cue, number in cues)


def _anchor(folded: str) -> list[int]:
    """The steps a folded question names by their cues, longest cue first (so that "the
    certification exam" is one cue, not also "certification")."""
    found = []
    for pattern, number in _cues():
        if pattern.search(folded):
            found.append(number)
            folded = pattern.sub(" ", folded)
    return found


def asked_step(folded: str) -> AskedStep | None:
    """The step a folded question (knowledge/qa/text.words joined by spaces) asks about, else
    None."""
    if _COUNT.search(folded) and not _RUNGS.search(folded):
        return AskedStep(COUNT)
    if _ELSEWHERE.search(folded):
        return None
    if _ORDER.search(folded) or _WHOLE.search(folded):
        return AskedStep(ORDER)
    numbered = _NUMBERED.search(folded)
    if numbered:
        word = numbered.group(1)
        return AskedStep(int(word) if word.isdigit() else _ORDINALS[word])
    if _PENULTIMATE.search(folded):
        return AskedStep(len(steps()) - 1)
    ordinal = _ORDINAL.search(folded) or _END.search(folded)
    if ordinal:
        word = next(group for group in ordinal.groups() if group)
        return AskedStep(len(steps()) if word in _LAST else _ORDINALS[word])
    named = _anchor(folded)
    if not named:
        return None
    if _WHICH.search(folded) or _PART.search(folded):
        return AskedStep(max(named))
    if _BEFORE.search(folded):
        return AskedStep(min(named) - 1, min(named))
    if _NEXT.search(folded):
        return AskedStep(max(named) + 1, max(named))
    return None


def step_lead(asked: AskedStep) -> str | None:
    """The sentence an answer about the asked step leads with; None when the roadmap has no
    such step."""
    ordered = steps()
    if asked.number == ORDER:
        return "In order: " + "; ".join(f"{number}. {step.title}" for number, step
                                        in enumerate(ordered, 1)) + "."
    if asked.number == COUNT:
        return f"There are {len(ordered)} steps. " + step_lead(AskedStep(ORDER))
    if not 1 <= asked.number <= len(ordered):
        return None
    step = ordered[asked.number - 1]
    lead = f"Step {asked.number} of {len(ordered)} - {step.title}: {step.text}"
    if asked.anchor is not None:
        anchor = ordered[asked.anchor - 1]
        where = "After" if asked.number > asked.anchor else "Before"
        lead = f"{where} “{anchor.title}” (step {asked.anchor}) comes: {lead}"
    return lead


# What a training programme teaches ("what classes are in a health information technology
# certificate", "HIT certificate curriculum", "what do u study in a hit certificate program"):
# the programme's content, not the education options; not a high-school class, a course in one
# subject ("what do you learn in a medical terminology course"), an exam's domains, nor the
# programme's length, cost or format.
_PROGRAM = (r"(?:certificates?|programs?|programmes?|degrees?|associates?|associate s"
            r"|diplomas?|training)")
_COURSES = r"(?:classes|courses|subjects|topics|modules|curriculum|syllabus|coursework)"
_CONTENT = re.compile(
    rf"\b{_COURSES}\b(?: \w+){{0,6}} {_PROGRAM}\b"
    rf"|\b{_PROGRAM}(?: \w+){{0,2}} {_COURSES}\b"
    rf"|\bwhat (?:do|does|will|would|did) (?:you|u|i|we|they|one|students?)(?: actually"
    rf"| really)? (?:study|learn|cover)\b(?: \w+){{0,2}} (?:in|during|on|at)\b(?: \w+){{0,5}}"
    rf" {_PROGRAM}\b"
    rf"|\bwhat (?:does|do|will) (?:an? |the )?(?:\w+ ){{0,4}}{_PROGRAM} (?:teach|cover|include)\b")
_ASKED = re.compile(r"\b(?:what|which|whats|wat|list)\b|\b(?:curriculum|syllabus|coursework)\b")
_NOT_CONTENT = re.compile(r"\b(?:high school|hs|exams?|tests?|how long|long|months?|years?"
                          r"|cost\w*|price|fees?|tuition|online|accredit\w*|need|needed"
                          r"|required|requirements?|terminology|anatomy|coding course)\b")


def asks_program_content(folded: str) -> bool:
    """Whether a folded question asks what a training programme teaches."""
    return bool(_CONTENT.search(folded)) and bool(_ASKED.search(folded)) \
        and not _NOT_CONTENT.search(folded)
# How long it takes to earn a credential ("how long would it take to get my rhit starting from
# nothing", "how many years until i can sit for the rhit"): not how long its exam runs, lasts
# or waits ("how long is the rhit exam", "how long is rhit good for", "how long before a retake").
_TIME = re.compile(r"\bhow (?:long|many (?:years|months))\b|\b(?:years|months) (?:until|before)\b|"
                   r"\bhow (?:soon|quickly|fast)\b")
_NOT_EARNING = re.compile(r"\b(?:exams?|tests?|renew\w*|valid|last\w*|good for|expir\w*|wait\w*|"
                          r"retake\w*|retest\w*|window|ceus?|results?|scores?|study\w*|prep\w*)\b"
                          r"(?!.*\b(?:until|before|sit for|eligible|qualify)\b)")

_TIMED = re.compile(r"\b(?:years?|months?)\b")


def earning_lead(folded: str, code: str) -> tuple[str, tuple[str, ...]] | None:
    """What a question asking how long it takes to earn credential `code` leads with: the
    schooling its eligibility asks first and how long that takes (career.yaml's education),
    with that text's sources; None when the question asks no such time or the credential asks
    no schooling the knowledge times."""
    if not _TIME.search(folded) or _NOT_EARNING.search(folded):
        return None
    kb = load_knowledge()
    rule = kb.certification(code).rule
    levels = [path.min_education for path in rule.paths] if rule else []
    if not levels or levels[0] is None:
        return None
    option = next((option for option in kb.career.education if option.level == levels[0]), None)
    if option is None or not _TIMED.search(option.text):
        return None  # "how long does rhia take": no source times a bachelor's
    article = "an" if option.title[0].lower() in "aeiou" else "a"
    other = " (or another way its eligibility names, below)" if len(levels) > 1 else ""
    lead = (f"{code} needs {article} {option.title[0].lower()}{option.title[1:]}{other} - "
            f"{option.text[0].lower()}{option.text[1:]}")
    return lead, tuple(source_label(kb.source(source)) for source in option.sources)


# Moving up once in the job ("once i get hired what should i keep doing to move up", "now that
# i'm employed, what should i keep up with to advance"): the guide's advice after the first job
# is to keep learning (its step 8 and 9), not the ladder's rungs or the job market.
_HIRED = re.compile(r"\b(?:once|after|now that|when|since)(?: \w+){0,2} (?:hired|employed|"
                    r"(?:the|a|my|an) (?:\w+ )?(?:job|position|role)|working|in the door)\b")
_ADVANCE = re.compile(r"\b(?:move up|moving up|advanc\w*|promot\w*|grow\w*|get ahead|climb\w*|"
                      r"keep (?:doing|up|learning|growing|improving)|progress\w*)\b")


def keeps_growing(folded: str) -> bool:
    """Whether a folded question asks how to keep growing once hired."""
    return _HIRED.search(folded) is not None and _ADVANCE.search(folded) is not None
