"""Certification eligibility for a profile, and which certification to aim for next."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from knowledge.models import CertificationInfo, EligibilityPath
from knowledge.profile import (
    EDUCATION_LABELS,
    EDUCATION_ORDER,
    GOAL_LABELS,
    Certification,
    Goal,
    Profile,
)
from knowledge.store import Knowledge, load_knowledge


class Status(StrEnum):
    HELD = "held"
    ELIGIBLE = "eligible"
    LIKELY = "likely"        # eligible if something the profile does not record is true
    NOT_YET = "not yet"
    UNKNOWN = "unknown"      # the sources do not give the eligibility rules


STATUS_RANK = {Status.ELIGIBLE: 0, Status.LIKELY: 1, Status.UNKNOWN: 2, Status.NOT_YET: 3}


@dataclass(frozen=True)
class Eligibility:
    code: Certification
    status: Status
    reason: str


@dataclass(frozen=True)
class NextCertification:
    """What to aim for next. `why` is the reason for `certification`; when the goal's next step
    cannot be taken yet, `waiting` is that step and `why` says first what it still needs."""

    certification: CertificationInfo
    eligibility: Eligibility
    why: str
    goal: str
    waiting: Eligibility | None = None


OPEN = frozenset({Status.ELIGIBLE, Status.LIKELY})


def _missing(path: EligibilityPath, profile: Profile) -> tuple[list[str], list[str]]:
    """What a path needs that the profile lacks (`short`) or does not say (`unsaid`)."""
    short: list[str] = []
    unsaid: list[str] = []
    if path.min_education is not None:
        label = EDUCATION_LABELS[path.min_education]
        wanted = f"{label[:1].lower()}{label[1:]} or higher"
        if profile.education is None:
            unsaid.append(wanted)
        elif EDUCATION_ORDER.index(profile.education) < EDUCATION_ORDER.index(path.min_education):
            short.append(wanted)
    if path.min_years is not None:
        wanted = f"{path.min_years} year{'' if path.min_years == 1 else 's'} of experience"
        if profile.years is None:
            unsaid.append(wanted)
        elif profile.years < path.min_years:
            short.append(f"{wanted} (you have {profile.years})")
    if path.certs_any and not set(path.certs_any) & profile.certs:
        short.append(" or ".join(c.value for c in path.certs_any))
    return short, unsaid


def check(certification: CertificationInfo, profile: Profile) -> Eligibility:
    """Whether the profile meets one of the certification's eligibility paths."""
    code = certification.code
    if code in profile.certs:
        return Eligibility(code, Status.HELD, "You hold it.")
    if certification.rule is None:
        return Eligibility(code, Status.UNKNOWN,
                           "The eligibility rules are not in my sources; check with "
                           f"{certification.body}.")
    outcomes = []
    for path in certification.rule.paths:
        short, unsaid = _missing(path, profile)
        also = f"; also needed: {path.needs}" if path.needs else ""
        if not short and not unsaid:
            status = Status.ELIGIBLE if path.verdict == "eligible" else Status.LIKELY
            outcomes.append(Eligibility(code, status, f"Your profile fits{also}."))
        elif not short:
            outcomes.append(Eligibility(code, Status.LIKELY,
                                        f"Yes if you have {' and '.join(unsaid)}{also}."))
        else:
            outcomes.append(Eligibility(code, Status.NOT_YET,
                                        f"Needs {' and '.join(short + unsaid)}."))
    best = min(outcomes, key=lambda e: STATUS_RANK[e.status])
    if best.status is Status.NOT_YET and len(outcomes) > 1:  # every path is short: name them all
        needs = "; or ".join(e.reason.removeprefix("Needs ").rstrip(".") for e in outcomes)
        return Eligibility(code, Status.NOT_YET, f"Needs {needs}.")
    return best


def eligibility(profile: Profile, knowledge: Knowledge | None = None) -> tuple[Eligibility, ...]:
    kb = knowledge or load_knowledge()
    return tuple(check(cert, profile) for cert in kb.certifications)


def recommend(profile: Profile, knowledge: Knowledge | None = None) -> NextCertification | None:
    """The certification to aim for next: along the goal's path (then the main EHR path, then
    the rest), the first one not held that the user can take now (or nearly). When the path's
    next step cannot be taken yet, the advice names it with what it needs. None when all are
    held."""
    kb = knowledge or load_knowledge()
    plans = {r.goal: r for r in kb.certifications_file.recommendations}
    plan = plans[profile.goal] if profile.goal else plans["none"]
    reasons = {step.code: step.why for step in (*plans["none"].path, *plan.path)}
    own_path = [step.code for step in plan.path]
    order = dict.fromkeys([*own_path, *(s.code for s in plans["none"].path),
                           *(c.code for c in kb.certifications)])
    candidates = [check(kb.certification(code), profile) for code in order]
    open_ = [e for e in candidates if e.status is not Status.HELD]
    if not open_:
        return None
    best = next((e for e in open_ if e.status in OPEN), open_[0])
    cert = kb.certification(best.code)
    why = reasons.get(best.code, f"{cert.code.value}: {cert.summary}")
    goal = GOAL_LABELS[profile.goal] if profile.goal else "no goal set"
    first = open_[0]
    if first is best or first.code not in own_path:
        return NextCertification(cert, best, why, goal)
    needs = ("its rules are not in my sources" if first.status is Status.UNKNOWN
             else first.reason[:1].lower() + first.reason[1:].rstrip("."))
    path = f"the path for “{goal}”" if profile.goal else "the main EHR path"
    why = (f"Next on {path} is {first.code.value} — {reasons[first.code]} "
           f"It is not open to you yet: {needs}. Open to you now: {best.code.value}. {why}")
    return NextCertification(cert, best, why, goal, first)


@dataclass(frozen=True)
class Order:
    """Which of two certifications the recommended paths put first, each with its reason."""

    first: Certification
    then: Certification
    paths: tuple[str, ...]  # the paths holding both, by their goal's label
    first_why: str
    then_why: str


MAIN_PATH = "the main EHR path"


def which_first(one: Certification, other: Certification,
                knowledge: Knowledge | None = None) -> Order | None:
    """The order every recommended path holding both certifications puts them in ("CCA or
    CPC first": the coder's path takes CCA first), with the reasons of the first path holding
    both; None when no path holds both or the paths disagree."""
    kb = knowledge or load_knowledge()
    found = [plan for plan in kb.certifications_file.recommendations
             if {one, other} <= {step.code for step in plan.path}]
    orders = {tuple(step.code for step in plan.path if step.code in (one, other))
              for plan in found}
    if len(orders) != 1:
        return None
    (first, then), = orders
    reasons = {step.code: step.why for step in found[0].path}
    paths = tuple(MAIN_PATH if plan.goal == "none" else GOAL_LABELS[Goal(plan.goal)]
                  for plan in found)
    return Order(first, then, paths, reasons[first], reasons[then])
