"""Placement on the career ladder ("you are here") and the next step."""

from __future__ import annotations

from dataclasses import dataclass

from knowledge.models import SidePath, Stage
from knowledge.profile import Profile
from knowledge.store import Knowledge, load_knowledge

CERTIFIED_STAGE = "certified"


@dataclass(frozen=True)
class Placement:
    stage: Stage | None          # None when the profile gives no years
    next_stage: Stage | None
    years_to_next: int | None    # None when the next stage is not reached by years alone
    notes: tuple[str, ...]
    side_path: SidePath | None   # the side path matching the user's goal, if any


def place(profile: Profile, knowledge: Knowledge | None = None) -> Placement:
    """Where the profile sits on the ladder (by years of experience) and what comes next.

    Management stages are never inferred: the ladder's first three stages are placed by years,
    as the guide's bands (0-2, 2-5, 5+ years) suggest.
    """
    kb = knowledge or load_knowledge()
    side_path = next((p for p in kb.career.side_paths
                      if profile.goal is not None and p.goal == profile.goal), None)
    if profile.years is None:
        return Placement(None, None, None,
                         ("Add your years of experience (/profile years=3) and I'll show "
                          "where you are.",), side_path)
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
                     "lists none yet - /certify shows which one fits.")
    if next_stage is not None and next_stage.min_years is None:
        notes.append(f"{next_stage.title} is a role you are appointed to, not a number of "
                     "years; I can't tell from a profile whether you hold it.")
    return Placement(stage, next_stage, years_to_next, tuple(notes), side_path)
