"""A profile packed into a few bytes, so a what-if button carries the profile it applies to.

`3.2.3.TX.0.41.-` = years . education . certs bitmask . state . employer . skills bitmask . goal.
Anything that does not decode exactly (an old or forged button) gives None.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import ValidationError

from knowledge.numbers import is_ascii_number
from knowledge.profile import EDUCATION_ORDER, Certification, Employer, Goal, Profile, Skill

_CERTS = tuple(Certification)
_SKILLS = tuple(Skill)
_EMPLOYERS = tuple(Employer)
_GOALS = tuple(Goal)
NONE = "-"


def _index(value: StrEnum | None, members: tuple[StrEnum, ...]) -> str:
    return NONE if value is None else str(members.index(value))


def _mask(values: frozenset[StrEnum], members: tuple[StrEnum, ...]) -> str:
    return format(sum(1 << members.index(v) for v in values), "x")


def encode(profile: Profile) -> str:
    return ".".join((
        NONE if profile.years is None else str(profile.years),
        _index(profile.education, EDUCATION_ORDER),
        _mask(profile.certs, _CERTS),
        profile.state or NONE,
        _index(profile.employer, _EMPLOYERS),
        _mask(profile.skills, _SKILLS),
        _index(profile.goal, _GOALS),
    ))


def _member(raw: str, members: tuple[StrEnum, ...]) -> StrEnum | None:
    if raw == NONE:
        return None
    if not is_ascii_number(raw) or int(raw) >= len(members):
        raise ValueError(raw)
    return members[int(raw)]


def _members(raw: str, members: tuple[StrEnum, ...]) -> frozenset[StrEnum]:
    mask = int(raw, 16)
    if mask >= 1 << len(members) or mask < 0:
        raise ValueError(raw)
    return frozenset(m for i, m in enumerate(members) if mask & (1 << i))


def decode(code: str) -> Profile | None:
    parts = code.split(".")
    if len(parts) != 7:
        return None
    years, education, certs, state, employer, skills, goal = parts
    try:
        return Profile(
            years=None if years == NONE else int(years),
            education=_member(education, EDUCATION_ORDER),
            certs=_members(certs, _CERTS),
            state=None if state == NONE else state,
            employer=_member(employer, _EMPLOYERS),
            skills=_members(skills, _SKILLS),
            goal=_member(goal, _GOALS),
        )
    except (ValueError, ValidationError):
        return None
