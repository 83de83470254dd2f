"""Questions about the asker's own pay: the what-if estimate for their profile."""

from __future__ import annotations

from dataclasses import dataclass

from knowledge.profile import Profile
from knowledge.qa.mentions import Mentions
from knowledge.salary import Estimate, estimate_salary


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


def personal_estimate(profile: Profile | None, mentions: Mentions) -> PersonalEstimate | None:
    """None when there is nothing personal to estimate (no profile and no what-if)."""
    stored = profile or Profile()
    changes = question_changes(stored, mentions)
    if stored.is_empty() and not changes:
        return None
    target = stored.with_changes(**changes)
    baseline = estimate_salary(stored) if changes and not stored.is_empty() else None
    return PersonalEstimate(target, changes, estimate_salary(target), baseline)
