"""Questions about the asker's own situation: the what-if estimate for their profile, and the
kinds of personal question that need more than the estimate (next step, renewal, federal pay,
first pay, moving, the CPC apprentice)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from knowledge.certify import NextCertification, recommend
from knowledge.models import Claim, Stage
from knowledge.profile import Certification, Goal, Profile
from knowledge.qa.ladder import besides_ladder, named_stage, stages
from knowledge.qa.mentions import Mentions, named_place_words, without_asked_of_me
from knowledge.qa.steps import asked_step
from knowledge.qa.text import FIRST_PERSON, words
from knowledge.salary import Estimate, estimate_salary
from knowledge.store import Knowledge, load_knowledge


@dataclass(frozen=True)
class PersonalEstimate:
    """The estimate for the stored profile changed as the question says (or as it is)."""

    profile: Profile
    changes: dict[str, object]
    estimate: Estimate
    baseline: Estimate | None  # the unchanged profile's estimate, when something changed

    @property
    def difference(self) -> int | None:
        return None if self.baseline is None else self.estimate.point - self.baseline.point


def question_changes(profile: Profile, mentions: Mentions) -> dict[str, object]:
    """The profile changes a question describes; certifications named are added to the held."""
    changes = mentions.profile_changes()
    added = set(mentions.certs) - set(profile.certs)
    if added:
        changes["certs"] = frozenset(profile.certs | added)
    return {key: value for key, value in changes.items() if getattr(profile, key) != value}


def can_estimate(profile: Profile | None, mentions: Mentions) -> bool:
    """Whether there is something personal to estimate: a profile or a what-if."""
    stored = profile or Profile()
    return not stored.is_empty() or bool(question_changes(stored, mentions))


def personal_estimate(profile: Profile | None, mentions: Mentions) -> PersonalEstimate | None:
    """None when there is nothing personal to estimate (no profile and no what-if)."""
    if not can_estimate(profile, mentions):
        return None
    stored = profile or Profile()
    changes = question_changes(stored, mentions)
    target = stored.with_changes(**changes)
    baseline = estimate_salary(stored) if changes and not stored.is_empty() else None
    return PersonalEstimate(target, changes, estimate_salary(target), baseline)


class PersonalKind(StrEnum):
    """What a personal question asks of the stored profile beyond a plain estimate."""

    BECOME = "become"          # "what do I need to become a manager": the path to that stage
    NEXT_CERT = "next_cert"    # "got my cehrs, what credential do i chase now": the next one
    STAGE_PAY = "stage_pay"    # "what could i make if i reach the top job": that stage's pay
    START = "start"            # "where do i start given where i am": first steps by education
    PLACE = "place"            # "where am i on the career ladder": the profile's stage first
    NEXT_STEP = "next_step"    # "what's my next step career wise": the ladder from the profile
    RENEWAL = "renewal"        # "how many CEUs do I owe": the held credentials' renewal rules
    FEDERAL = "federal"        # "what would a federal job pay me": estimate and the GS table
    FIRST_PAY = "first_pay"    # "what would my first paycheck be": estimate and entry bands
    MOVE = "move"              # "would moving to Ohio help my pay": what-if and the state's data
    APPRENTICE = "apprentice"  # "does that make me a CPC-A": the apprentice rule of the CPC
    STATE_PAY = "state_pay"    # "what do people in my state make": the profile state's figures
    NATIONAL = "national"      # "how do i compare to the national median": estimate, national
    ESTIMATE = "estimate"      # "estimate for me", "what should i be making": the estimate


# Where the asker is ("my state", "where i live", "around here"; "here" after the asker says
# which state they live in).
_OWN_PLACE = (r"\b(?:my|our) (?:state|area|region)\b|\bwhere i (?:live|am|work)\b|"
              r"\baround here\b|\bnear me\b")
_HERE = rf"(?:{_OWN_PLACE}|\bhere\b)"
# The asker saying where they live ("i live in ohio", "im in texas rn", "based in georgia").
_LIVES = re.compile(r"\b(?:i live|we live|living|im|i am|based|located|i reside)(?: \w+)? "
                    r"(?:in|out of)\b")
# A question comparing places or asking about a move is no question about the pay "here".
_ELSEWHERE = re.compile(r"\b(?:compar\w*|vs|versus|or|than|better|mov(?:e|ed|ing)|relocat\w*)\b")
# What people earn in a place, asked with "here" ("what do records specialists average here").
_LOCAL_PAY = r"(?:average|avg|mean|median|typical)"
# How to find pay out (the research card's), not what it is.
_RESEARCH = re.compile(r"\b(?:find|finding|research\w*|look up|looking up)\b")
# Working towards a stage ("what do i need to become a manager", "how do i get to director");
# not someone else's ("who will be my supervisor").
_TOWARDS = re.compile(r"\b(?:become|becoming|be|get(?:ting)? (?:to|into)|reach\w*|mov(?:e|ing) "
                      r"(?:into|up to)|make it to|promot\w* to|step into|work(?:ing)? towards?|"
                      r"(?:path|route|road|way) (?:to|into|towards?))\b"
                      r"(?! (?:my|your|our|their|his|her)\b)(?: an?| the)? (.*)")
_PAY = r"(?:pay\w*|paid|salary|salaries|make|earn\w*|money|wages?|income|raise|worth|bucks|dollars)"
_CREDENTIAL = r"(?:certs?|creds?|credentials?|certifications?)"
# What fits the asker ("suits my situation", "right for me", "given my background").
_FITS = (r"fits?|suits?|right for me|makes? sense|best for me|go for|recommend\w* for me|"
         r"my (?:background|situation|profile)|someone like me|what i (?:have|got)")
# A credential asked for after the ones held ("what credential do i chase now", "the logical
# next cert", "which credential fits me", "i passed the cca, what should come next").
_NEXT_CERT = (rf"\b(?:next|after (?:that|this|it|my \w+|the \w+))\b.*\b{_CREDENTIAL}\b|"
              rf"\b{_CREDENTIAL}\b.*\b(?:next|chase|fits? me|suits? me|after (?:that|this|it)|"
              rf"afterwards)\b|\bwhich {_CREDENTIAL} (?:fits|suits)\b|"
              rf"\b{_CREDENTIAL}\b.*\b(?:{_FITS})\b|\b(?:{_FITS})\b.*\b{_CREDENTIAL}\b")
# What the asker holds comes first ("got my cehrs", "with my rhit"): after it, "what comes next".
_HELD_NEXT = r"\b(?:what|whats)\b.*\b(?:comes? next|next for me|should (?:i do |come )?next)\b"
# Where the asker is on the ladder ("where am i on the career ladder", "what rung am i on",
# "where do i sit on the ladder", "am i still entry level").
_PLACE = (r"\bwhere (?:exactly |now )?(?:am i|im|do i (?:sit|stand|fall|fit|rank))\b.*"
          r"\b(?:ladder|career|stage|level|rung)\b|"
          r"\b(?:what|which) (?:\w+ )?(?:stage|level|rung)\b(?: of \w+(?: \w+)?)? (?:am i|im)\b|"
          r"\bam i (?:still )?(?:an? )?(?:entry level|junior|senior|beginner)\b|"
          # "which career stage do i fit", "what level would i count as", "the rung that fits me"
          r"\b(?:what|which) (?:\w+ )?(?:stage|level|rung)\b(?: \w+){0,3} (?:do|would|should|"
          r"could) i (?:\w+ )?(?:fit|belong|fall|sit|land|count|match|be)\b|"
          r"\b(?:stage|level|rung) (?:that )?(?:fits|suits|matches) me\b")
# Where to begin ("where do i start given where i am", "how do i get started", "my first
# step").
_START = (r"\bwhere (?:do|should|would|can|to) (?:i )?(?:even )?(?:start|begin)\b|"
          r"\bget(?:ting)? started(?: (?:in|into) (?:this|the|ehr|health|medical|records)\b.*)?$|"
          r"\bfirst steps?\b.*\b(?:for me|from (?:here|where))\b|\bmy first steps?\b")
# Where to begin with something other than the work itself (studying, an exam, a system).
_START_ELSE = re.compile(r"\b(?:stud\w*|prep\w*|exams?|tests?|resumes?|applications?|applying|"
                         r"epic|cerner|meditech|software|coding)\b")
# The national figure asked against ("vs the us average", "above or below the national
# median", "compared with the rest of the country").
_NATION = r"\b(?:national\w*|nation|nationwide|us|usa|country)\b"
_AGAINST = (r"\b(?:compar\w*|vs|versus|stack\w*|measure|above|below|under|over|higher|lower|"
            r"against|next to|ahead|behind|land|doing)\b")
# The asker's estimate in other words ("rough ballpark for me", "a realistic number for me",
# "what do people like me pull in", "someone in my shoes").
_LIKE_ME = r"\b(?:like me|in my (?:shoes|position|situation|spot))\b"
_AMOUNT = (r"\b(?:pay|paid|salary|make|making|earn\w*|money|wages?|income|bucks|pull\w* in|"
           r"bring\w* (?:in|home)|number|figure(?! out))\b")
# The top of the ladder, or the stage one aims for, asked with pay ("what could i make if i
# reach the top job", "the most i could make if i climb all the way up", "what could i earn at
# the top", "the most i could ever make").
_TOP = (r"\btop (?:job|position|role|level|rung|spot|stage)\b|"
        r"\btop of (?:the|this|my) (?:ladder|field|career|profession)\b|\bat the (?:very )?top$|"
        r"\ball the way (?:up|to the top)\b|\bhighest (?:job|position|role|level|rung|stage)\b|"
        r"\btop out\b|\bmax(?:ed)? out\b|\bceiling\b|"
        r"\b(?:most|max|maximum) (?:i|you|u|one) (?:could|can|would|might)(?: ever)?"
        r"(?= (?:make|earn|get)$)")
_AIMED = r"\b(?:aiming (?:for|at)|my goal|dream job|going for|working towards?)\b"
# The stored goal reached, asked with pay ("what will i make when i reach my goal"): the goal's
# stage's pay, or every stage's when the goal is no stage.
_GOAL = (r"\b(?:reach\w*|hit\w*|get to|gets? to|getting to|achiev\w*|once i get|after) "
         r"my (?:career )?goals?\b")
# Each kind's words, read on the folded question (knowledge/qa/text.words joined by spaces);
# the first that matches is the kind.
_KIND_PATTERNS: tuple[tuple[PersonalKind, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern)) for kind, pattern in (
        (PersonalKind.APPRENTICE, r"\bcpc a\b|\bcpca\b|\bapprentice\b"),
        (PersonalKind.RENEWAL, r"\b(?:ceus?|ces|c ?e (?:credits?|units?|hours?)|"
                               r"continuing ed(?:ucation)?|"
                               r"recert\w*|renew\w*|keep(?:ing)? my (?:certs?|credentials?|"
                               r"certifications?))\b"),
        (PersonalKind.NEXT_CERT, rf"{_NEXT_CERT}|{_HELD_NEXT}"),
        (PersonalKind.STAGE_PAY, rf"(?:{_TOP}|{_GOAL}).*\b{_PAY}\b|\b{_PAY}\b.*(?:{_TOP}|{_GOAL})"),
        (PersonalKind.BECOME, _TOWARDS.pattern),
        (PersonalKind.START, _START),
        (PersonalKind.PLACE, _PLACE),
        (PersonalKind.NEXT_STEP, r"\bnext\b.*\b(?:step|stage|level|move|role|job|career|"
                                 r"position|rung)\b|\b(?:step|stage|level|move|role|career)\b.*"
                                 r"\bnext\b|\bmove up\b|\bpromot\w*|\bwhere am i on\b|"
                                 r"\bgo from here\b|\bcomes? next\b|\bwhats? next\b|"
                                 # "what should i do next", "what should i be doing next"
                                 r"\b(?:do|doing) next\b|"
                                 r"\blevel up\b|"
                                 # what the stored goal takes ("what do i need for my
                                 # goal"; its pay is the goal's stage's)
                                 rf"^(?!.*\b{_PAY}\b)(?:.*\b(?:need|needs|take|takes|reach|"
                                 r"achieve|hit|get to|requir\w*)\b.*\bmy (?:career )?goals?\b|"
                                 r".*\bmy (?:career )?goals?\b.*\b(?:need|needs|take|takes|"
                                 r"requir\w*)\b)"),
        (PersonalKind.FEDERAL, rf"\b(?:federal|feds?|government|gov|govt|va|gs)\b.*\b{_PAY}\b"
                               rf"|\b{_PAY}\b.*\b(?:federal|feds?|government|gov|govt|va|gs)\b"),
        (PersonalKind.FIRST_PAY, rf"\bfirst (?:pay\w*|salary|check|wage)|\bstart(?:ing)? (?:at|"
                                 rf"out at|pay|salary|wage)\b|\b(?:first (?:job|year)|starting|"
                                 rf"entry level|start out)\b.*\b{_PAY}\b|\b{_PAY}\b.*\b(?:"
                                 rf"first (?:job|year)|starting|entry level|start out)\b"),
        (PersonalKind.MOVE, rf"\b(?:mov(?:e|ed|ing)|relocat\w*|transfer\w*)\b.*\b{_PAY}\b|"
                            rf"\b{_PAY}\b.*\b(?:mov(?:e|ed|ing)|relocat\w*|transfer\w*)\b"),
        (PersonalKind.STATE_PAY, rf"{_HERE}.*\b(?:{_PAY}|{_LOCAL_PAY})\b|"
                                 rf"\b(?:{_PAY}|{_LOCAL_PAY})\b.*{_HERE}|"
                                 rf"{_LIVES.pattern}.*\b{_LOCAL_PAY}\b"),
        (PersonalKind.NATIONAL, rf"^(?=.*\b(?:{_PAY}|{_LOCAL_PAY}|norm)\b)"
                                rf"(?:.*{_NATION}.*{_AGAINST}|.*{_AGAINST}.*{_NATION})"),
        (PersonalKind.ESTIMATE, r"^(?!.*\bhow\b).*\bestimat\w*\b|\bshould i be (?:making|"
                                r"paid|earning|getting)\b|\bbased on my profile\b|"
                                r"\bwhat (?:am i|im) worth\b|^(?!.*\bhow\b).*\b(?:my|me) "
                                r"(?:number|figure)\b|"
                                r"^(?!.*\bhow (?:long|many|often|hard)\b).*\bballpark\b|"
                                rf"^(?!.*\bhow\b).*(?:{_LIKE_ME}.*{_AMOUNT}|{_AMOUNT}.*{_LIKE_ME})|"
                                r"^(?!.*\bhow\b).*\b(?:number|figure(?! out))\b.*\bfor me\b|"
                                # "run my numbers", "crunch the numbers for me", "do the math
                                # on my pay"
                                r"\b(?:run|crunch|do|work out)(?: \w+){0,2} "
                                r"(?:numbers?|math|maths)\b"),
    ))
# The kinds that lead with the salary model's estimate for the profile.
ESTIMATE_KINDS = frozenset({PersonalKind.FEDERAL, PersonalKind.FIRST_PAY, PersonalKind.MOVE,
                            PersonalKind.STATE_PAY, PersonalKind.NATIONAL, PersonalKind.ESTIMATE})
# The kinds answered in any chat, with or without a profile: their answer is a knowledge card.
ANY_CHAT_KINDS = frozenset({PersonalKind.BECOME, PersonalKind.NEXT_CERT, PersonalKind.STAGE_PAY})
# The kinds about the profile's own credentials or place: a certification named ("how do I
# renew my RHIT") is asked about in general instead.
_UNNAMED_KINDS = frozenset({PersonalKind.RENEWAL, PersonalKind.NEXT_STEP, PersonalKind.PLACE,
                            PersonalKind.START, PersonalKind.STATE_PAY})
FEDERAL_CARD = "federal:overview"
ENTRY_CARD = "stage:entry"
APPRENTICE_CARD = "certification:CPC:eligibility"
LADDER_CARD = "topic:career_ladder"
RENEWAL_CARD = "topic:cert_renewal"
BY_STATE_CARD = "topic:salary_by_state"
NATIONAL_CARD = "topic:salary_national"
START_CARD = "topic:how_to_become"
# The kinds whose general card stands even when the question matched another card.
GENERAL_FIRST = frozenset({PersonalKind.STATE_PAY, PersonalKind.NATIONAL, PersonalKind.ESTIMATE,
                           PersonalKind.START})
# The kinds a step of the roadmap asked about stands for instead.
_STEP_KINDS = frozenset({PersonalKind.NEXT_CERT, PersonalKind.NEXT_STEP, PersonalKind.START})


def personal_kind(question: str, mentions: Mentions) -> PersonalKind | None:
    """The kind of personal question, asked of oneself ("my", "me", "I"), or None. A move to a
    state needs no "I" ("is it worth relocating to Ohio for the money"): asked in a private chat
    with a stored profile, it is the asker's move."""
    folded = " ".join(words(question))
    return next((kind for kind, pattern in _KIND_PATTERNS
                 if pattern.search(folded) and _fits(kind, folded, mentions)), None)


def _fits(kind: PersonalKind, folded: str, mentions: Mentions) -> bool:
    """Whether a question whose words are of `kind` is that kind of personal question."""
    if kind is PersonalKind.MOVE:
        # A move to the District, which the state table has no figure for, is not estimated.
        return mentions.state is not None \
            and load_knowledge().state_mean(mentions.state) is not None
    if kind is PersonalKind.STATE_PAY:
        # "Around here" is where the asker is, "I" or not; a state named is asked about as any
        # state, unless it is where the asker lives ("i live in ohio, whats the pay here"); how
        # to find pay out is no figure.
        if _RESEARCH.search(folded):
            return False
        if mentions.state is None:
            return re.search(_OWN_PLACE, folded) is not None
        return bool(_LIVES.search(folded)) and not _ELSEWHERE.search(folded)
    # "Could you tell me what to advertise for an entry-level post": the "me" asked of is no
    # asker speaking of themselves.
    if not FIRST_PERSON & set(without_asked_of_me(folded).split()) or (
            kind in _UNNAMED_KINDS and mentions.certs
            and not (kind in _PLACED_KINDS and _told_held(folded, mentions))):
        return False
    if kind is PersonalKind.START and _START_ELSE.search(folded):
        return False
    if kind in _STEP_KINDS and not mentions.certs and asked_step(folded) is not None:
        return False  # "i'm certified now, what's next": the roadmap's next step, for anyone
    if kind is PersonalKind.BECOME:
        # Not "how do i become an ehr specialist" (no stage), "what would i make as a manager"
        # (its pay) nor "i dont wanna be a manager, what else is there" (the side paths).
        return target_stage(folded) is not None and not mentions.asks_amount \
            and not besides_ladder(folded)
    if kind is PersonalKind.NEXT_CERT and re.search(_HELD_NEXT, folded) \
            and not re.search(_NEXT_CERT, folded):
        return bool(mentions.certs)  # "i passed the cca, what should come next for me"
    if kind is PersonalKind.NEXT_CERT and len(mentions.certs) > 1:
        # "my teacher says CEHRS, my aunt says CPC, which cert fits me": a choice between the
        # two, not a next one after both (unless it says they are held, or asks what's next).
        return bool(_HELD.search(folded))
    return True


# The kinds a credential the asker tells they hold leaves about the profile ("i have the cehrs,
# whats my next step"; round 13): the step is the asker's, the credential their story.
_PLACED_KINDS = frozenset({PersonalKind.NEXT_STEP, PersonalKind.PLACE})


def _told_held(folded: str, mentions: Mentions) -> bool:
    """Whether every credential a folded question names is told as held ("i have the cehrs",
    "got my rhit", "passed the cca")."""
    return all(re.search(rf"\b(?:have|got|hold|holding|passed|earned|finished|with)"
                         rf"(?: my| the| an?)? {cert.value.lower()}\b", folded)
               for cert in mentions.certs)


def target_stage(folded: str) -> Stage | None:
    """The stage a folded question works towards ("what do i need to become a manager")."""
    match = _TOWARDS.search(folded)
    return named_stage(match.group(1)) if match else None


# The stage each career goal aims at (the other goals are side paths).
_GOAL_STAGES = {Goal.MANAGER: "manager", Goal.DIRECTOR: "director", Goal.SPECIALIST: "certified"}


def aimed_stage(folded: str, profile: Profile | None) -> Stage | None:
    """The stage a pay question aims at: one it names, the profile goal's when it speaks of its
    aim ("the top job i'm aiming for"), else the top of the ladder when it asks for the top."""
    named = named_stage(folded)
    if named is not None:
        return named
    by_id = {stage.id: stage for stage in stages()}
    goal = profile.goal if profile is not None else None
    if re.search(_AIMED, folded) and goal in _GOAL_STAGES:
        return by_id[_GOAL_STAGES[goal]]
    return stages()[-1] if re.search(_TOP, folded) else None


# The career goal a question names ("i want to move into coding": the coder's path).
_GOAL_WORDS: tuple[tuple[Goal, re.Pattern[str]], ...] = tuple(
    (goal, re.compile(pattern)) for goal, pattern in (
        (Goal.CODER, r"\bcod(?:ing|er|ers)\b"),
        (Goal.DIRECTOR, r"\bdirectors?\b"),
        (Goal.MANAGER, r"\bmanag(?:er|ers|ement|ing)\b|\bleadership\b"),
        (Goal.ANALYST, r"\banaly\w*\b|\bdata\b"),
        (Goal.IMPLEMENTATION, r"\bimplement\w*\b"),
        (Goal.TRAINER, r"\btrain(?:er|ers|ing others)\b"),
    ))
# The coding credentials: holding only these puts the asker on the coder's path.
_CODING = frozenset({Certification.CCA, Certification.CCS, Certification.CPC})
# Credentials said to be held ("i have my cehrs and cca", "got both", "with my rhit").
_HELD = re.compile(r"\b(?:have|got|hold|holding|passed|earned|already|with my|next|after)\b")
# A credential named as the one to get ("should i go for the rhia next") is not held.
_WANTED = re.compile(r"\b(?:get|take|go for|chase|pursue|aim for|try)(?: the| my| an?)? (\w+)")


@dataclass(frozen=True)
class NextCredential:
    """The credential to aim for after the held ones (the question's and the profile's)."""

    held: frozenset[Certification]
    advice: NextCertification


def next_credential(question: str, profile: Profile | None, mentions: Mentions,
                    knowledge: Knowledge | None = None) -> NextCredential | None:
    """The next credential for the asker: the profile with the credentials the question says
    are held, the goal it names (else the profile's; a coder's when only coding credentials are
    held) and its education and years; on the goal's path, the steps before a held credential
    count as passed ("got my cpc": not the CCA). None when every credential is held."""
    kb = knowledge or load_knowledge()
    folded = " ".join(words(question))
    wanted = {match.group(1) for match in _WANTED.finditer(folded)}
    named = {code for code in mentions.certs if code.value.lower() not in wanted}
    stored = profile or Profile()
    held = frozenset(stored.certs | named)
    goal = next((goal for goal, pattern in _GOAL_WORDS if pattern.search(folded)), stored.goal)
    if goal is None and held and held <= _CODING:
        goal = Goal.CODER
    plans = {plan.goal: plan for plan in kb.certifications_file.recommendations}
    path = [step.code for step in plans[goal.value if goal else "none"].path]
    reached = max((path.index(code) for code in held if code in path), default=-1)
    passed = held | frozenset(path[:max(reached, 0)])
    changes = {key: value for key, value in mentions.profile_changes().items()
               if key in ("education", "years")}
    advice = recommend(stored.with_changes(certs=passed, goal=goal, **changes), kb)
    return None if advice is None else NextCredential(held, advice)


def target_card(folded: str) -> str | None:
    """The card of the stage a folded question works towards."""
    stage = target_stage(folded)
    return f"stage:{stage.id}" if stage else None


def applies(kind: PersonalKind, profile: Profile | None, mentions: Mentions) -> bool:
    """Whether the kind can be answered for this asker: the CPC's apprentice rule always (with
    the profile when there is one), the next step and renewal from a stored profile (renewal:
    one with credentials whose rules are known), the estimate kinds when there is something to
    estimate."""
    if kind in (PersonalKind.APPRENTICE, PersonalKind.BECOME, PersonalKind.NEXT_CERT,
                PersonalKind.STAGE_PAY):
        return True
    if kind is PersonalKind.STATE_PAY:
        return mentions.state is not None or (profile is not None and profile.state is not None)
    if kind is PersonalKind.RENEWAL:
        return profile is not None and bool(renewal_rules(profile))
    if kind in (PersonalKind.NEXT_STEP, PersonalKind.PLACE, PersonalKind.START):
        return profile is not None
    return can_estimate(profile, mentions)


def general_cards(kind: PersonalKind, mentions: Mentions) -> tuple[str, ...]:
    """The cards that answer the kind for anyone, when it cannot be answered for the asker
    (no profile, or in a group) and the question matched nothing (STATE_PAY: always, "my
    state" being no state the engine can read)."""
    if kind in (PersonalKind.NEXT_STEP, PersonalKind.PLACE):
        return (LADDER_CARD,)
    if kind in (PersonalKind.NATIONAL, PersonalKind.ESTIMATE):
        return (NATIONAL_CARD,)
    if kind is PersonalKind.START:
        return (START_CARD,)
    if kind is PersonalKind.RENEWAL:
        return (RENEWAL_CARD,)
    if kind is PersonalKind.STATE_PAY:
        return (f"state:{mentions.state}" if mentions.state else BY_STATE_CARD,)
    return companion_cards(kind, mentions)


def companion_cards(kind: PersonalKind, mentions: Mentions, matched: str | None = None
                    ) -> tuple[str, ...]:
    """The knowledge cards shown after the personal part: the sourced figures behind it (for
    federal pay, the federal card the question matched, else the overview)."""
    if kind is PersonalKind.FEDERAL:
        return (matched if matched and matched.startswith("federal:") else FEDERAL_CARD,)
    if kind is PersonalKind.FIRST_PAY:
        return (ENTRY_CARD,)
    if kind is PersonalKind.MOVE and mentions.state is not None:
        return (f"state:{mentions.state}",)
    if kind is PersonalKind.APPRENTICE:
        return (APPRENTICE_CARD,)
    if kind is PersonalKind.NATIONAL:
        return (NATIONAL_CARD,)
    if kind is PersonalKind.START:
        return (START_CARD,)
    return ()


def renewal_rules(profile: Profile, knowledge: Knowledge | None = None
                  ) -> tuple[tuple[Certification, Claim], ...]:
    """Each held credential's renewal rule (the credentials without a known one left out)."""
    kb = knowledge or load_knowledge()
    rules = ((code, kb.certification(code).renewal) for code in sorted(profile.certs))
    return tuple((code, rule) for code, rule in rules if rule is not None)


# A renewal rule's load, read from its sourced text: "20 continuing-education units every 2
# years", "Every 3 years: 45 continuing-education hours"; and a body's rule for holding several
# of its credentials ("each extra AHIMA credential adds 10").
_UNITS = re.compile(r"(\d+) (continuing-education (?:units|credits|hours))")
_CYCLE = re.compile(r"\bevery (\d+) years\b", re.IGNORECASE)
_EXTRA = re.compile(r"each extra (\w+) credential adds (\d+)")
# AHIMA caps the total (its page says so; the knowledge does not): up to this many of one
# body's credentials, the base and the extras stay under the cap.
MAX_TOTALLED = 3


@dataclass(frozen=True)
class RenewalLoad:
    """The continuing education one body asks of the held credentials, per cycle: `units` in
    all (the highest base plus `extra` for each further credential when there are several)."""

    body: str
    codes: tuple[Certification, ...]
    units: int
    unit_word: str  # "continuing-education units" (or credits, hours), as the source says
    years: int
    base: int
    extra: int | None  # what each further credential adds, when the body has such a rule


def _extra_rule(body: str, kb: Knowledge) -> int | None:
    """What each further credential of `body` adds, from any of its renewal texts."""
    for info in kb.certifications:
        match = _EXTRA.search(info.renewal.text) if info.renewal else None
        if match and match.group(1) == body:
            return int(match.group(2))
    return None


def renewal_loads(profile: Profile, knowledge: Knowledge | None = None
                  ) -> tuple[RenewalLoad, ...]:
    """Each body's load for the held credentials whose rules give a number and a cycle; a body
    holding several without a rule for them (or more than MAX_TOTALLED) gets none."""
    kb = knowledge or load_knowledge()
    read: dict[str, list[tuple[Certification, int, str, int]]] = {}
    for code, rule in renewal_rules(profile, kb):
        units, cycle = _UNITS.search(rule.text), _CYCLE.search(rule.text)
        if units and cycle:
            read.setdefault(kb.certification(code).body, []).append(
                (code, int(units.group(1)), units.group(2), int(cycle.group(1))))
    loads = []
    for body, held in read.items():
        extra = _extra_rule(body, kb) if len(held) > 1 else None
        if len(held) > 1 and (extra is None or len(held) > MAX_TOTALLED
                              or len({years for *_, years in held}) > 1):
            continue
        base = max(units for _, units, _, _ in held)
        total = base + (extra or 0) * (len(held) - 1)
        loads.append(RenewalLoad(body, tuple(code for code, *_ in held), total, held[0][2],
                                 held[0][3], base, extra))
    return tuple(loads)


@dataclass(frozen=True)
class RenewalTotal:
    """The units one cycle asks of every held credential together."""

    units: int
    unit_word: str
    years: int
    codes: tuple[Certification, ...]
    bodies: int


def renewal_total(profile: Profile, knowledge: Knowledge | None = None) -> RenewalTotal | None:
    """Every held credential's load added up, when each has one and one cycle length covers
    them all (else None)."""
    kb = knowledge or load_knowledge()
    loads = renewal_loads(profile, kb)
    held = len(renewal_rules(profile, kb))
    if not loads or sum(len(load.codes) for load in loads) < held \
            or len({load.years for load in loads}) > 1:
        return None
    word = loads[0].unit_word if len(loads) == 1 else "continuing-education units"
    return RenewalTotal(sum(load.units for load in loads), word, loads[0].years,
                        tuple(code for load in loads for code in load.codes), len(loads))


def names_city(question: str) -> bool:
    """Whether a question names a well-known place ("im near atlanta"): its state's figures are
    statewide, and the state's card says so."""
    return bool(named_place_words(" ".join(words(question))))


def answers_unnamed(subjects: frozenset[str], mentions: Mentions, question: str,
                    knowledge: Knowledge | None = None) -> bool:
    """Whether a card about `subjects` may answer a question that names `mentions`: each of
    its subjects the question does not name is a credential whose body it names ("ahima
    recert fee" is about AHIMA's credentials; "how many ceus do i need each cycle" is no
    question about the CHDA)."""
    kb = knowledge or load_knowledge()
    asked = set(words(question))
    codes = {cert.value for cert in Certification}
    return all(code in codes and kb.certification(code).body.lower() in asked
               for code in subjects - mentions.subjects)
