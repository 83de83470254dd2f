"""The salary estimate (docs/salary-model.md): a national base times one factor per profile field.

Every factor either comes from sourced figures or is an assumption of the bot with its
reasoning; the estimate carries both, so a reply can explain every dollar.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

from knowledge.models import Assumption, Figure, StageBand
from knowledge.profile import STATES, Profile, display_value
from knowledge.store import Knowledge, load_knowledge
from knowledge.text import format_money, format_money_range, source_label

ROUND_TO = 10


class Basis(StrEnum):
    SOURCE = "source"          # the factor is computed from sourced figures
    ASSUMPTION = "assumption"  # the bot's own number; `reasoning` says why
    NOT_SET = "not set"        # the profile does not say; no change


@dataclass(frozen=True)
class Factor:
    """One profile field's effect on the estimate."""

    field: str
    title: str
    value: str            # the profile's value as shown, e.g. "3 years"
    multiplier: float
    effect: int           # dollars added (or removed) by this factor
    basis: Basis
    detail: str           # how the multiplier was found, figures cited
    sources: tuple[str, ...] = ()
    reasoning: str = ""   # for an assumption: why the bot chose it


@dataclass(frozen=True)
class Comparison:
    """The estimate against one national figure."""

    figure: Figure
    difference: int       # estimate minus the figure
    what: str             # e.g. "the national median (50th percentile)"


@dataclass(frozen=True)
class Estimate:
    profile: Profile
    base: Figure
    point: int
    low: int
    high: int
    factors: tuple[Factor, ...]
    band: StageBand
    comparisons: tuple[Comparison, ...]
    national_range: tuple[Figure, Figure]
    national_range_what: str
    range_note: str
    base_assumption: str

    @property
    def sources(self) -> tuple[str, ...]:
        ids = [self.base.source, self.band.source]
        ids += [s for factor in self.factors for s in factor.sources]
        ids += [c.figure.source for c in self.comparisons]
        ids += [f.source for f in self.national_range]
        return tuple(dict.fromkeys(ids))

@dataclass(frozen=True)
class _Adjustment:
    """One profile field's multiplier with its explanation (its effect comes from _apply)."""

    multiplier: float
    basis: Basis
    detail: str
    sources: tuple[str, ...] = ()
    reasoning: str = ""


def _round(amount: float) -> int:
    return int(round(amount / ROUND_TO) * ROUND_TO)


def _ratio_detail(numerator: str, denominator: str, multiplier: float) -> str:
    return f"{numerator} ÷ {denominator} = ×{multiplier:.3f}"


def _experience(kb: Knowledge, profile: Profile) -> tuple[_Adjustment, StageBand]:
    model = kb.salary.model
    reference = kb.band(model.reference_stage_band)
    if profile.years is None:
        detail = (f"Years not set, so the estimate stays at the {reference.label.lower()} "
                  f"stage ({reference.years}).")
        return _Adjustment(1.0, Basis.NOT_SET, detail), reference
    step = [s for s in model.experience if s.min_years <= profile.years][-1]
    band = kb.band(step.band)
    multiplier = band.middle / reference.middle
    detail = (f"{band.label} ({band.years}): middle of {format_money_range(band.low, band.high)}"
              f" vs {reference.label.lower()} "
              f"{format_money_range(reference.low, reference.high)} "
              f"({source_label(kb.source(band.source))}): "
              + _ratio_detail(format_money(band.middle), format_money(reference.middle),
                              multiplier))
    return _Adjustment(multiplier, Basis.SOURCE, detail, (band.source,)), band


def _location(kb: Knowledge, profile: Profile) -> _Adjustment:
    table = kb.states.table
    if profile.state is None:
        return _Adjustment(1.0, Basis.NOT_SET, "State not set: no location adjustment.")
    mean = kb.state_mean(profile.state)
    if mean is None:
        return _Adjustment(1.0, Basis.NOT_SET,
                           f"The {table.period} state table has no figure for "
                           f"{STATES[profile.state]}: no location adjustment.", (table.source,))
    reference = kb.state_reference_mean
    multiplier = mean / reference
    detail = (f"{STATES[profile.state]} mean {format_money(mean)} vs the average of all 50 "
              f"state means {format_money(round(reference))} ({table.period}, old code "
              f"29-2071; {source_label(kb.source(table.source))}): "
              + _ratio_detail(format_money(mean), format_money(round(reference)), multiplier)
              + ". Old, broader figures: used only to compare states.")
    return _Adjustment(multiplier, Basis.SOURCE, detail, (table.source,))


def _employer(kb: Knowledge, profile: Profile) -> _Adjustment:
    model = kb.salary.model.employer
    if profile.employer is None:
        return _Adjustment(1.0, Basis.NOT_SET, "Employer not set: no adjustment.")
    entry = model.types[profile.employer]
    if isinstance(entry, Assumption):
        return _Adjustment(entry.factor, Basis.ASSUMPTION,
                           "No sourced figure for this employer type.", (), entry.reasoning)
    figure = kb.figure(entry.figure)
    reference = kb.figure(model.reference)
    multiplier = figure.value / reference.value
    detail = (f"{figure.label} {format_money(figure.value)} vs all employers "
              f"{format_money(reference.value)} ({figure.period}, old code 29-2071; "
              f"{source_label(kb.source(figure.source))}): "
              + _ratio_detail(format_money(figure.value), format_money(reference.value),
                              multiplier))
    return _Adjustment(multiplier, Basis.SOURCE, detail, (figure.source,))


def certification_premium(kb: Knowledge, profile: Profile) -> float:
    model = kb.salary.model.certifications
    return min(model.cap, sum(model.premiums[cert] for cert in profile.certs))


def skills_premium(kb: Knowledge, profile: Profile) -> tuple[float, list[str]]:
    model = kb.salary.model.skills
    groups = [g for g in model.groups if set(g.skills) & profile.skills]
    return min(model.cap, sum(g.premium for g in groups)), [g.name for g in groups]


def _apply(base: float, fields: list[tuple[str, str, str, _Adjustment]]
           ) -> tuple[int, list[Factor]]:
    """Multiply through the factors; each effect is the change in the rounded running total."""
    running = float(base)
    shown = _round(running)
    factors = []
    for field, title, value, adjustment in fields:
        running = _round(running * adjustment.multiplier)
        factors.append(Factor(field, title, value, adjustment.multiplier, running - shown,
                              adjustment.basis, adjustment.detail, adjustment.sources,
                              adjustment.reasoning))
        shown = running
    return int(running), factors


def estimate_salary(profile: Profile, knowledge: Knowledge | None = None) -> Estimate:
    """A point estimate, a range, one line per factor, comparisons and sources."""
    kb = knowledge or load_knowledge()
    model = kb.salary.model
    base = kb.figure(model.base)
    experience, band = _experience(kb, profile)
    education = model.education[profile.education] if profile.education else None
    cert_premium = certification_premium(kb, profile)
    skill_premium, skill_groups = skills_premium(kb, profile)
    certs = ", ".join(sorted(c.value for c in profile.certs))
    fields = [
        ("years", "Experience", display_value("years", profile), experience),
        ("state", "Location", STATES[profile.state] if profile.state else "not set",
         _location(kb, profile)),
        ("employer", "Employer", display_value("employer", profile), _employer(kb, profile)),
        ("education", "Education", display_value("education", profile),
         _Adjustment(education.factor, Basis.ASSUMPTION, f"×{education.factor:.2f}", (),
                     education.reasoning) if education
         else _Adjustment(1.0, Basis.NOT_SET, "Education not set: no adjustment.")),
        ("certs", "Certifications", certs or "none",
         _Adjustment(1 + cert_premium, Basis.ASSUMPTION,
                     f"+{cert_premium:.0%} for {certs} (capped at "
                     f"{model.certifications.cap:.0%})", (), model.certifications.reasoning)
         if profile.certs
         else _Adjustment(1 + cert_premium, Basis.NOT_SET, "No certifications: no premium.")),
        ("skills", "Skills", ", ".join(sorted(s.value for s in profile.skills)) or "none",
         _Adjustment(1 + skill_premium, Basis.ASSUMPTION,
                     f"+{skill_premium:.0%} for {', '.join(skill_groups)} (capped at "
                     f"{model.skills.cap:.0%})", (), model.skills.reasoning)
         if skill_groups
         else _Adjustment(1 + skill_premium, Basis.NOT_SET, "No premium skills: no premium.")),
    ]
    point, factors = _apply(base.value, fields)
    low = int(math.floor(point * band.low / band.middle / ROUND_TO) * ROUND_TO)
    high = int(math.ceil(point * band.high / band.middle / ROUND_TO) * ROUND_TO)
    return Estimate(
        profile=profile, base=base, point=point, low=low, high=high, factors=tuple(factors),
        band=band,
        comparisons=tuple(Comparison(kb.figure(c.figure), point - int(kb.figure(c.figure).value),
                                     c.what) for c in model.compare_with),
        national_range=(kb.figure(model.national_range.low),
                        kb.figure(model.national_range.high)),
        national_range_what=model.national_range.what,
        range_note=model.range_note, base_assumption=model.base_assumption,
    )
