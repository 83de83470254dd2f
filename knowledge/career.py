"""Placement on the career ladder ("you are here") and the next step."""

from __future__ import annotations

from dataclasses import dataclass

from knowledge.certify import NextCertification, recommend
from knowledge.models import SidePath, Stage, Step
from knowledge.profile import EDUCATION_ORDER, Education, Goal, Profile
from knowledge.store import Knowledge, load_knowledge

CERTIFIED_STAGE = "certified"
ENTRY_STAGE = "entry"
LEADING_GOALS = frozenset({Goal.MANAGER, Goal.DIRECTOR})


@dataclass(frozen=True)
class Placement:
    stage: Stage | None          # None when the profile gives no years
    next_stage: Stage | None
    years_to_next: int | None    # None when the next stage is not reached by years alone
    notes: tuple[str, ...]
    side_path: SidePath | None   # the side path matching the user's goal, if any
    advice: NextCertification | None = None  # the next certification for this profile
    education: str = ""          # the next step in education, when the profile calls for one


def _below(profile: Profile, level: Education) -> bool:
    return profile.education is not None and (
        EDUCATION_ORDER.index(profile.education) < EDUCATION_ORDER.index(level))


def education_step(profile: Profile, stage: Stage | None) -> str:
    """The next step in education that the stage or the goal asks for and the profile lacks."""
    if profile.goal in LEADING_GOALS or (stage is not None and stage.id == CERTIFIED_STAGE):
        if profile.education is None or _below(profile, Education.BACHELOR):
            return ("A bachelor's degree in health information management opens RHIA and "
                    "management roles.")
        if profile.goal is Goal.DIRECTOR and _below(profile, Education.MASTER):
            return "A master's degree in health informatics or administration opens the " \
                   "director level."
        return ""
    if stage is not None and stage.id == ENTRY_STAGE:
        if profile.education is None:
            return ("If you have not yet, finish a certificate or associate program in health "
                    "information; it is what most credentials ask for.")
        if _below(profile, Education.CERTIFICATE):
            return ("A certificate or associate program in health information is your next "
                    "step in education; it is what most credentials ask for.")
    return ""


def trained(profile: Profile) -> bool:
    """Whether the profile's education includes training in health information (a
    certificate or more)."""
    return profile.education is not None and not _below(profile, Education.CERTIFICATE)


def first_step(profile: Profile, knowledge: Knowledge | None = None) -> Step:
    """The roadmap's first step the profile's education leaves to do: training in health
    information below a certificate (or with no education set), else getting certified."""
    kb = knowledge or load_knowledge()
    cue = "certification" if trained(profile) else "training"
    return next(step for step in kb.career.steps if cue in step.cues)


def place(profile: Profile, knowledge: Knowledge | None = None) -> Placement:
    """Where the profile sits on the ladder (by years of experience) and what comes next.

    Management stages are never inferred: the ladder's first three stages are placed by years,
    as the guide's bands (0-2, 2-5, 5+ years) suggest.
    """
    kb = knowledge or load_knowledge()
    side_path = next((p for p in kb.career.side_paths
                      if profile.goal is not None and p.goal == profile.goal), None)
    advice = recommend(profile, kb)
    if profile.years is None:
        return Placement(None, None, None,
                         ("Add your years of experience (/profile years=3) and I'll show "
                          "where you are.",), side_path, advice, education_step(profile, None))
    by_years = [s for s in kb.stages if s.min_years is not None and s.min_years <= profile.years]
    stage = by_years[-1]
    following = [s for s in kb.stages if s.order == stage.order + 1]
    next_stage = following[0] if following else None
    years_to_next = None
    if next_stage is not None and next_stage.min_years is not None:
        years_to_next = next_stage.min_years - profile.years
    notes = []
    if stage.id == CERTIFIED_STAGE and not profile.certs:
        notes.append("The guide ties this stage to holding a certification, and your profile "
                     "lists none yet.")
    if next_stage is not None and next_stage.min_years is None:
        notes.append(f"{next_stage.title} is a role you are appointed to, not a number of "
                     "years; I can't tell from a profile whether you hold it.")
    return Placement(stage, next_stage, years_to_next, tuple(notes), side_path, advice,
                     education_step(profile, stage))
