"""The career ladder's stages as people name them ("senior specialist", "him manager"), and
moves along it ("what's above that", "one step down"): for follow-ups and personal questions."""

from __future__ import annotations

import re
from functools import cache

from knowledge.models import Stage
from knowledge.store import load_knowledge

# What people call each stage (knowledge/data/career.yaml's ids), read on the folded question
# (knowledge/qa/text.words joined by spaces); checked in order, the first that matches is the
# stage ("senior specialist" is the certified stage, not the specialist one).
_STAGE_NAMES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (stage, re.compile(pattern)) for stage, pattern in (
        ("director", r"\bdirectors?\b"),
        ("manager", r"\b(?<!hiring )manag(?:er|ers|ement)\b|\bsupervisors?\b"),
        ("certified", r"\bseniors?\b|\bcertified (?:ehr )?specialists?\b"),
        ("specialist", r"\bmid ?level\b|\bhealth info(?:rmation)? specialists?\b"),
        ("entry", r"\bentry(?: ?level)?\b|\bbeginners?\b|\bjuniors?\b"),
    ))
# A move up or down the ladder from the stage asked about before.
UP = 1
DOWN = -1
_MOVES: tuple[tuple[int, re.Pattern[str]], ...] = (
    (DOWN, re.compile(r"\b(?:below|beneath|under|before) (?:that|this|it)\b|\bstep down\b|"
                      r"\b(?:one|a|level|rung|stage|step) (?:down|lower|below)\b|"
                      r"\b(?:lower|previous) (?:level|rung|stage|step)\b")),
    (UP, re.compile(r"\b(?:above|after|beyond|over) (?:that|this|it)\b|\bstep up\b|"
                    r"\b(?:one|a|level|rung|stage|step|job|position|role) (?:up|higher|above)\b|"
                    r"\bnext (?:level|rung|"
                    r"stage|step)\b|\b(?:higher|next) (?:level|rung|stage|step|up)\b|"
                    r"\bcomes? (?:next|after)\b|\blevel up\b|\bwhats next\b")),
)

# A move in the ladder's own words ("above", "the next level"), not "after that" (which may be
# the next of any steps): after a question naming no stage, it asks for the ladder itself.
LADDER_WORDS = re.compile(r"\b(?:above|below|beneath|levels?|rungs?|stages?|higher|lower)\b")


@cache
def stages() -> tuple[Stage, ...]:
    """The ladder's stages, in order."""
    return tuple(sorted(load_knowledge().stages, key=lambda stage: stage.order))


def named_stage(folded: str) -> Stage | None:
    """The stage a folded question names ("what does a senior specialist make": certified)."""
    by_id = {stage.id: stage for stage in stages()}
    return next((by_id[stage] for stage, pattern in _STAGE_NAMES
                 if stage in by_id and pattern.search(folded)), None)


# "Specialist" alone, not the occupation's name ("ehr specialist"): the specialist rung when
# the question sets it against another rung ("an entry level tech vs a specialist").
_BARE_SPECIALIST = re.compile(r"(?<!ehr )(?<!records )(?<!information )\bspecialists?\b")


def named_stages(folded: str) -> list[Stage]:
    """Every rung a folded question names, in the ladder's order ("diff between an entry level
    tech and a specialist": entry, specialist)."""
    rest = folded
    found: set[str] = set()
    for stage, pattern in _STAGE_NAMES:
        if pattern.search(rest):
            found.add(stage)
            rest = pattern.sub(" ", rest)
    if found and _BARE_SPECIALIST.search(rest):
        found.add("specialist")
    return [stage for stage in stages() if stage.id in found]


# Two rungs set side by side ("him manager vs director", "difference between a manager and a
# director"): the first rung's card leads, the other's follows.
_COMPARED = re.compile(r"\b(?:vs|versus|difference|diff|differ|compared?|between)\b")


def compared_rung(folded: str) -> Stage | None:
    """The first named of the rungs a folded question compares ("a senior vs a junior":
    certified), else None."""
    rungs = named_stages(folded)
    if len(rungs) < 2 or not _COMPARED.search(folded):
        return None
    return min(rungs, key=lambda stage: _named_at(stage.id, folded))


def _named_at(stage_id: str, folded: str) -> int:
    """Where a folded question first names the stage `stage_id` (a bare "specialist" names the
    specialist rung)."""
    patterns = [pattern for stage, pattern in _STAGE_NAMES if stage == stage_id]
    if stage_id == "specialist":
        patterns.append(_BARE_SPECIALIST)
    return min((found.start() for pattern in patterns if (found := pattern.search(folded))),
               default=len(folded))


# What a rung's holder does ("what does a him director do day to day", "duties of an entry
# level tech", "whats a him manager do all day") or runs ("as a him manager who would report to
# me", "who works under a director"): its work, not pay.
_DUTIES = re.compile(r"\b(?:duties|responsibilities|tasks|day to day|daily work|typical day"
                     r"|day look like|day like|job description|works? under|in charge of"
                     r"|oversees?)\b|\bwho (?:\w+ ){0,2}(?:reports?|reporting) to\b"
                     r"|\b(?:what|whats|wat)\b(?! (?:do|does|should|can|could|would|will) "
                     r"(?:i|you|we|u)\b)(?: \w+){1,7} (?:do|handle|work on)"
                     r"(?: all day| day to day| each day| every day| at work| on the job)?$")


def duties_of(folded: str) -> Stage | None:
    """The stage a folded question asks the work of ("what does a senior specialist do":
    certified), else None."""
    return named_stage(folded) if _DUTIES.search(folded) else None


# A medical records technician's work is the occupation's (the paper records too): the
# duties, led by that path's line.
RECORDS_TECHNICIAN_PATH = "side_path:records_technician"
# The side paths a question may ask the work of by name ("ehr implementation specialist job
# description", "ehr analyst duties"), each with its card.
_SIDE_PATH_WORDS = (("side_path:implementation", r"implementation"),
                    ("side_path:trainer", r"trainers?"), ("side_path:analyst", r"analysts?"),
                    (RECORDS_TECHNICIAN_PATH, r"records? tech(?:nician)?s?"))
_SIDE_PATHS = tuple((card, re.compile(rf"\b{word}\b")) for card, word in _SIDE_PATH_WORDS)


# What a side path is like to work in ("the trainer side path, what would that be like", "ehr
# analyst route - what do you actually do"): its work, as its duties are.
_PATH_LIKE = re.compile(r"\b(?:what|whats|wat)(?: \w+){0,5} like$"
                        r"|\bwhat (?:do|does|would|will) (?:you|u|they|i|one)"
                        r"(?: actually| really| even)? do\b"
                        # asked in plain words ("in plain english", "dumb it down", "the actual
                        # job")
                        r"|\bin (?:plain|simple|normal|everyday) (?:english|words|terms|language)\b"
                        r"|\bdumb(?:ed)? (?:it )?down\b|\beli5\b|\blayman\w*\b"
                        r"|\bwhats? (?:is )?(?:the |their )?(?:actual|real) (?:job|work|role)\b")
# Two side paths set side by side ("ehr analyst vs ehr trainer", "should i be a trainer or an
# analyst"): every path's card, with what each does.
_PATHS_COMPARED = re.compile(r"\b(?:vs|versus|or|difference|diff|differ\w*|compar\w*|between)\b")
# A move into coding ("can i switch from ehr work into medical coding", "could i go from records
# into coding later", "moving over to coding from the ehr side"): what coding is and how to start.
_INTO_CODING = re.compile(r"\b(?:switch\w*|mov\w*|go|going|get|getting|transition\w*|chang\w*|"
                          r"branch\w*|pivot\w*|jump\w*|cross\w*|shift\w*)\b(?: \w+){0,5} "
                          r"(?:in)?to (?:medical )?(?:coding|coder)\b(?=.*\bfrom\b|.*\blater\b)"
                          r"|\bfrom\b(?: \w+){1,4} (?:in)?to (?:medical )?(?:coding|coder)\b")


def paths_compared(folded: str) -> bool:
    """Whether a folded question sets two side paths side by side."""
    named = sum(1 for _, pattern in _SIDE_PATHS if pattern.search(folded))
    return named >= 2 and _PATHS_COMPARED.search(folded) is not None


def into_coding(folded: str) -> bool:
    """Whether a folded question asks about moving from EHR work into coding."""
    return _INTO_CODING.search(folded) is not None


def side_path_duties(folded: str) -> str | None:
    """The card of the side path a folded question asks the work of, else None."""
    if not (_DUTIES.search(folded) or _PATH_LIKE.search(folded)):
        return None
    return next((card for card, pattern in _SIDE_PATHS if pattern.search(folded)), None)


# Training colleagues asked as part of the job ("will they make me show the new hires how to use
# epic", "do i have to train coworkers on epic"): the duties, not the EHR systems; training as
# a job of its own ("could i branch off into training staff later") is the trainer's path.
_TRAINS_OTHERS = re.compile(r"\b(?:train|trains|training|teach|teaches|teaching|show|shows|"
                            r"showing)(?: the| my| our| all| other| new)? (?:new hires|staff|"
                            r"coworkers|co workers|colleagues|doctors|docs|nurses|clinicians|"
                            r"physicians|providers|employees|users|others)\b")
_TRAINING_AS_JOB = re.compile(r"\b(?:into|branch\w*|later|become|becoming|for a living|career|"
                              r"as a job|full time|switch\w*|move|trainers?|side path)\b")


# Fixing the system asked as part of the job ("if meditech crashes is that on me to fix", "do i
# fix epic when it breaks"), and what is typed into it ("what do they input into the ehr"):
# the duties, even with a vendor named.
_SYSTEM = (r"(?:ehr|emr|epic|cerner|meditech|allscripts|nextgen|athena\w*|eclinicalworks|system"
           r"|software|computer|program)s?")
_FIXES_SYSTEM = re.compile(rf"\b(?:fix|fixing|repair|repairing|troubleshoot\w*)\b(?: \w+){{0,4}}"
                           rf" (?:breaks|broke|crash\w*|goes down|glitch\w*)\b"
                           rf"|\b{_SYSTEM} (?:breaks|crash\w*|goes down|glitch\w*)\b(?: \w+){{0,6}}"
                           rf" (?:fix|fixing|on me|my job|responsible)\b")
_INPUTS = re.compile(rf"\b(?:type|typing|input|inputting|enter|entering|key|keying|put)"
                     rf"(?: in)? (?:in|into) (?:the |an? )?{_SYSTEM}\b")


def trains_others(folded: str) -> bool:
    """Whether a folded question asks if training colleagues, fixing the system or typing into
    it is part of the job."""
    return (bool(_TRAINS_OTHERS.search(folded)) and not _TRAINING_AS_JOB.search(folded)) \
        or bool(_FIXES_SYSTEM.search(folded) or _INPUTS.search(folded))


# The skills asked of someone holding a credential ("what hard skills should someone with the
# cehrs have", "skills a cpc needs"): the occupation's skills - a credential's card lists none;
# what its exam tests ("skills tested on the cpc exam") is the exam's.
_SKILLS = re.compile(r"\b(?:skills?|skillsets?|skill sets?|abilities|competenc(?:y|ies))\b")
_EXAM_SKILLS = re.compile(r"\b(?:exams?|tests?|tested|testing|domains?|covered|assess\w*"
                          r"|measures?|measured|prep\w*|study|studying)\b")


def skills_asked(folded: str) -> bool:
    """Whether a folded question asks the skills someone needs, not what an exam tests."""
    return bool(_SKILLS.search(folded)) and not _EXAM_SKILLS.search(folded)


def move(folded: str) -> int | None:
    """UP or DOWN when a folded question asks for the stage above or below, else None."""
    return next((step for step, pattern in _MOVES if pattern.search(folded)), None)


def neighbour(stage: Stage, step: int) -> Stage | None:
    """The stage `step` rungs from `stage` (None past either end of the ladder)."""
    ordered = stages()
    at = ordered.index(stage) + step
    return ordered[at] if 0 <= at < len(ordered) else None


def stage_by_years(years: int) -> Stage:
    """The rung `years` in the field place someone at (the bot's reading of the guides' bands,
    0-2, 2-5 and 5+ years); management rungs are never placed by years alone."""
    return [stage for stage in stages()
            if stage.min_years is not None and stage.min_years <= years][-1]


def placed_by_years(years: int) -> str:
    """The line leading a rung's card that `years` place someone at."""
    return (f"With {years} year{'' if years == 1 else 's'} in the field, someone sits at this "
            "rung, by the bot's reading of the guides' bands (0-2, 2-5 and 5+ years); management "
            "rungs are roles one is appointed to, never reached by years alone.")


# What the asker says they are ("im a him manager", "as a senior specialist").
_OWN = re.compile(r"\b(?:im|i am|ive been|as|work(?:ing)? as)(?: an?| the)? ((?:\w+ ){0,3}\w+)")


def own_stage(folded: str) -> Stage | None:
    """The stage the asker says they are at ("im a him manager, whats my next rung")."""
    return next((stage for match in _OWN.finditer(folded)
                 if (stage := named_stage(match.group(1))) is not None), None)


# A rung named right after a word of place ("what comes after him manager", "one step above
# certified ehr specialist", "right below director", "promoted past senior specialist").
_PLACED = re.compile(r"\b(?:(above|after|beyond|past|over|up from)|(below|beneath|under|before))"
                     r" (?:(?:an?|the|being|a) )?((?:\w+ ?){1,3})")
# "From specialist to manager": the rung gone to.
_FROM_TO = re.compile(r"\bfrom\b.*\bto (?:an? |the |be |become )?((?:\w+ ?){1,4})")
# A measure asked ("how long after entry level until senior"): no source gives the years.
_MEASURE = re.compile(r"\bhow (?:long|many|much)\b")


# What people call the first rung when they name where they are ("the next job up from records
# tech"): the entry rung's old job title, read only as a place on the ladder.
_FIRST_RUNG = re.compile(r"\b(?:medical )?records? (?:tech(?:s|nicians?)?|clerks?)\b")


def swap_rung(folded: str, rung: str) -> str:
    """A folded question with the rung it names replaced by `rung` ("what do entry level ehr
    specialists make", "senior" → "what do senior ehr specialists make"); `rung` added at its
    end when it names none."""
    for _, pattern in _STAGE_NAMES:
        if pattern.search(folded):
            return pattern.sub(rung, folded, count=1)
    return f"{folded} {rung}"


def rung_words(folded: str) -> tuple[Stage, str] | None:
    """The rung a folded text names with the words naming it ("and for senior ones": the
    certified stage, "senior"), else None."""
    stage = named_stage(folded)
    if stage is None:
        return None
    found = next(pattern.search(folded) for name, pattern in _STAGE_NAMES if name == stage.id
                 and pattern.search(folded))
    return stage, found.group()


def rung_named(text: str) -> Stage | None:
    """The rung a folded text names, the records technician's job too ("up from records
    tech"): where a move along the ladder starts."""
    return named_stage(text) or (stages()[0] if _FIRST_RUNG.search(text) else None)


def moved_stage(folded: str) -> Stage | None:
    """The rung a folded question asks for by its place next to a rung it names ("what comes
    after health information specialist": the certified stage; "how do you go from specialist
    to manager": the manager); past the top or bottom, the end rung itself (its card says so).
    None when it asks no such move."""
    if _MEASURE.search(folded):
        return None
    gone_to = _FROM_TO.search(folded)
    if gone_to and (target := named_stage(gone_to.group(1))) is not None:
        return target
    for placed in _PLACED.finditer(folded):
        stage = rung_named(placed.group(3))
        if stage is not None:
            return neighbour(stage, UP if placed.group(1) else DOWN) or stage
    stage, step = rung_named(folded), move(folded)
    if stage is None or step is None:
        return None
    return neighbour(stage, step) or stage


# A rung reached by a move the asker tells of ("if i move up to him manager", "once im promoted to
# manager", "when i make senior", "after becoming a director"): the rung moved to.
_PROMOTED_TO = re.compile(
    r"\b(?:promot\w*|mov(?:e|es|ed|ing) up|step(?:s|ped|ping)? up|climb\w*|advanc\w*|"
    r"becom(?:e|es|ing)|bec[ao]me|make it|mak(?:e|ing)|made|reach\w*|land\w*|get|gets|getting|"
    r"got)(?: up)?(?: (?:to|into|as))?(?: (?:an?|the|be|being))? ((?:\w+ ?){1,4})")


def promoted_to(folded: str) -> Stage | None:
    """The rung a folded question tells of moving up to ("if i move up to health information
    manager what might i earn": the manager), else None."""
    return next((stage for found in _PROMOTED_TO.finditer(folded)
                 if (stage := named_stage(found.group(1))) is not None), None)


# A way other than up the ladder ("side paths besides climbing to manager", "what can i do
# other than management", "i dont wanna be a manager, what else", "alternatives to the
# management track"): the side paths.
_BESIDES_LADDER = re.compile(
    r"\b(?:besides|other than|apart from|aside from|instead of|rather than|except|"
    r"alternatives? to|dont|do not|not|never)(?: \w+){0,3} "
    r"(?:manag\w*|ladder|climb\w*|moving up|move up|promot\w*|leadership)\b")


def besides_ladder(folded: str) -> bool:
    """Whether a folded question asks for the ways other than up the ladder."""
    return _BESIDES_LADDER.search(folded) is not None


# Which rung pays most ("which path makes the most money long term", "the highest paying job i
# can work up to", "where does the money top out", "the max salary in this field"); "many" when
# rungs are asked ("the best paid rungs") or the earning potential (every rung's band).
_JOB = r"(?:job|role|position|path|track|rung|stage|level|title)"
_TOP_PAID = re.compile(
    rf"\b(?:highest|best|top) (?:paying|paid) (?:{_JOB}(?P<many>s)?)\b"
    rf"|\b{_JOB} (?:that |which )?(?:pays?|makes?|earns?)(?: you| u)? (?:the )?"
    r"(?:most|highest|best)\b"
    r"|\bmost money\b.*\blong (?:term|run)\b|\blong (?:term|run)\b.*\bmost money\b"
    r"|\b(?:money|pay|salary|wages?) (?:tops?|maxes?) out\b"
    r"|\b(?:max|maximum|highest|top) (?:salary|pay|wages?|earnings?) (?:in|of|for) (?:this|the)"
    r" (?:field|career|profession|line of work)\b"
    r"|\b(?P<span>earning potential)\b")


# Best paid among other things than rungs: places ("where are the highest paying jobs"),
# agencies, other roles ("the highest paying job for a coder", a side path's).
_NOT_RUNGS = re.compile(r"\bwhere (?:are|is|can|could|would|should|in)\b|\bagenc(?:y|ies)\b"
                        r"|\b(?:cod(?:er|ers|ing)|auditors?|informatics|technologists?|registrars?|"
                        + "|".join(word for _, word in _SIDE_PATH_WORDS) + r")\b")


def best_paid(folded: str) -> str | None:
    """"one" when a folded question asks which rung pays most, "many" when it asks for the
    best-paid rungs, else None."""
    match = _TOP_PAID.search(folded)
    rung = named_stage(folded)
    if match is None or _NOT_RUNGS.search(folded) or (rung is not None and rung != stages()[-1]):
        return None  # a lower rung's top is its own band ("highest pay for an entry level tech")
    return "many" if match.group("many") or match.group("span") else "one"
