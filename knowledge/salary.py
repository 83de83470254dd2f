"""The salary estimate (docs/salary-model.md): a national base times one factor per profile field,
held within the lowest and highest pay the sources give for the role.

Every factor either comes from sourced figures or is an assumption of the bot with its
reasoning; the estimate carries both, so a reply can explain every dollar, and each factor has
a short `note` saying up front which of the two it is.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from knowledge.models import Assumption, Figure, StageBand
from knowledge.profile import EDUCATION_LABELS, STATES, Profile, display_value
from knowledge.store import Knowledge, load_knowledge
from knowledge.text import format_money, source_label

ROUND_TO = 10
# The most an estimate may rise from one year of experience to the next (docs/salary-model.md);
# the curve's own largest step is `largest_year_step()`, the rest is rounding.
YEAR_STEP_BOUND = 0.15
NO_NUMBER = "no source gives a number"
MAX_NAMED = 2  # a note names each credential's (or skill group's) premium up to this many


class Basis(StrEnum):
    SOURCE = "source"          # the factor is computed from sourced figures
    ASSUMPTION = "assumption"  # the bot's own number; `reasoning` says why
    NOT_SET = "not set"        # the profile does not say; no change


@dataclass(frozen=True)
class Factor:
    """One profile field's effect on the estimate (or the hold at the source bounds)."""

    field: str
    title: str
    value: str            # the profile's value as shown, e.g. "3 years"
    multiplier: float
    effect: int           # dollars added (or removed) by this factor
    basis: Basis
    detail: str           # how the multiplier was found, figures cited
    sources: tuple[str, ...] = ()
    reasoning: str = ""   # for an assumption: why the bot chose it
    note: str = ""        # one short phrase: where the number comes from, or that it is assumed
    alternative: str = ""  # where sources disagree: the figure not used, and why


@dataclass(frozen=True)
class Comparison:
    """The estimate against one national figure."""

    figure: Figure
    difference: int       # estimate minus the figure
    what: str             # e.g. "the national median (50th percentile)"


@dataclass(frozen=True)
class Bound:
    """The lowest or highest pay a source gives for the role."""

    amount: int
    label: str            # e.g. "the top of the senior band"
    source: str


@dataclass(frozen=True)
class Estimate:
    profile: Profile
    base: Figure
    point: int
    low: int
    high: int
    factors: tuple[Factor, ...]
    comparisons: tuple[Comparison, ...]
    national_range: tuple[Figure, Figure]
    national_range_what: str
    range_note: str
    base_assumption: str
    bounds: tuple[Bound, Bound]
    bounds_what: str
    unbounded: int        # the product of the factors before the hold at the bounds
    experience_sources: tuple[str, ...]

    @property
    def held(self) -> bool:
        """Whether the factors' product fell outside the source bounds and was held there."""
        return self.unbounded != self.point

    @property
    def sources(self) -> tuple[str, ...]:
        ids = [self.base.source, *self.experience_sources]
        ids += [s for factor in self.factors for s in factor.sources]
        ids += [c.figure.source for c in self.comparisons]
        ids += [f.source for f in self.national_range]
        ids += [b.source for b in self.bounds]
        return tuple(dict.fromkeys(ids))

    def top_factors(self, count: int = 3) -> tuple[Factor, ...]:
        """The profile factors that moved the estimate most (the hold is shown on its own)."""
        moved = [f for f in self.factors if f.effect and f.field != HOLD_FIELD]
        return tuple(sorted(moved, key=lambda f: -abs(f.effect))[:count])


@dataclass(frozen=True)
class WhatIf:
    """A what-if estimate next to the user's own, with the change factor by factor."""

    own: Estimate
    other: Estimate

    @property
    def difference(self) -> int:
        return self.other.point - self.own.point

    def changes(self) -> tuple[tuple[str, int], ...]:
        """(what, dollars) that make up `difference`: each changed profile field's factor, the
        hold at the bounds, and the unchanged factors applied to the new amount, lumped
        together. Zero items are left out; the rest add up to `difference` (both estimates
        start from the same base)."""
        own = {f.field: f for f in self.own.factors}
        other = {f.field: f for f in self.other.factors}
        changed: list[tuple[str, int]] = []
        rest = 0
        for field in dict.fromkeys([*other, *own]):
            factor = other.get(field) or own[field]
            delta = (other[field].effect if field in other else 0) - (
                own[field].effect if field in own else 0)
            moved = field == HOLD_FIELD or (getattr(self.own.profile, field)
                                            != getattr(self.other.profile, field))
            if moved and delta:
                changed.append((factor.title, delta))
            elif not moved:
                rest += delta
        if rest:
            changed.append((UNCHANGED_FACTORS, rest))
        return tuple(changed)


HOLD_FIELD = "bounds"
UNCHANGED_FACTORS = "the other factors on the new amount"


@dataclass(frozen=True)
class _Adjustment:
    """One profile field's multiplier with its explanation (its effect comes from _apply)."""

    multiplier: float
    basis: Basis
    detail: str
    sources: tuple[str, ...] = ()
    reasoning: str = ""
    note: str = ""
    alternative: str = ""


def _round(amount: float) -> int:
    return int(round(amount / ROUND_TO) * ROUND_TO)


def _assumed(multiplier: float) -> str:
    """'my assumption of +3%', or 'my assumption: no change' for a factor of 1."""
    change = round((multiplier - 1) * 100)
    if change == 0:
        return "my assumption: no change"
    return f"my assumption of {'+' if change > 0 else '−'}{abs(change)}%"


def _years(years: float) -> str:
    return f"{years:g} year" + ("" if years == 1 else "s")


def _interpolate(points: list[tuple[float, float]], x: float) -> float:
    """A straight line between the points, flat before the first and after the last."""
    if x <= points[0][0]:
        return points[0][1]
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        if x <= x1:
            return y0 + (y1 - y0) * (x - x0) / (x1 - x0)
    return points[-1][1]


def _anchors(kb: Knowledge) -> list[tuple[float, StageBand]]:
    return [(a.years, kb.band(a.band)) for a in kb.salary.model.experience.anchors]


def experience_pay(years: float, knowledge: Knowledge | None = None) -> float:
    """The guide's pay for `years` of experience: its bands' middles joined by straight lines."""
    kb = knowledge or load_knowledge()
    return _interpolate([(y, band.middle) for y, band in _anchors(kb)], years)


def _range_ratios(kb: Knowledge, years: float | None) -> tuple[float, float]:
    """The band's low and high relative to its middle, along the same line as the pay."""
    if years is None:
        band = kb.band(kb.salary.model.reference_stage_band)
        return band.low / band.middle, band.high / band.middle
    anchors = _anchors(kb)
    return (_interpolate([(y, b.low / b.middle) for y, b in anchors], years),
            _interpolate([(y, b.high / b.middle) for y, b in anchors], years))


def largest_year_step(knowledge: Knowledge | None = None, max_years: int = 50) -> float:
    """The largest relative rise of the experience curve from one whole year to the next."""
    kb = knowledge or load_knowledge()
    return max(experience_pay(y + 1, kb) / experience_pay(y, kb) - 1 for y in range(max_years))


def _experience(kb: Knowledge, profile: Profile) -> _Adjustment:
    reference = kb.band(kb.salary.model.reference_stage_band)
    guide = source_label(kb.source(reference.source))
    if profile.years is None:
        return _Adjustment(1.0, Basis.NOT_SET,
                           f"Years not set, so the estimate stays at the middle of the "
                           f"{reference.label.lower()} band ({reference.years}).")
    anchors = _anchors(kb)
    pay = experience_pay(profile.years, kb)
    multiplier = pay / reference.middle
    below = [(y, b) for y, b in anchors if y <= profile.years]
    above = [(y, b) for y, b in anchors if y > profile.years]
    if below and above:
        (y0, b0), (y1, b1) = below[-1], above[0]
        where = (f"on the line from the {b0.label.lower()} middle {format_money(b0.middle)} "
                 f"({_years(y0)}) to the {b1.label.lower()} middle {format_money(b1.middle)} "
                 f"({_years(y1)})")
    else:
        y, band = (below[-1] if below else above[0])
        where = (f"flat at the {band.label.lower()} middle {format_money(band.middle)} "
                 f"({_years(y)})")
    detail = (f"{format_money(_round(pay))} {where}; ÷ {format_money(reference.middle)} = "
              f"×{multiplier:.3f} ({guide})")
    return _Adjustment(multiplier, Basis.SOURCE, detail, (reference.source,),
                       kb.salary.model.experience.reasoning,
                       "from the guide's pay bands by stage; the straight line between "
                       "them is my reading")


def _location(kb: Knowledge, profile: Profile) -> _Adjustment:
    table = kb.states.table
    if profile.state is None:
        return _Adjustment(1.0, Basis.NOT_SET, "State not set: no location adjustment.")
    name = STATES[profile.state]
    mean = kb.state_mean(profile.state)
    if mean is None:
        return _Adjustment(1.0, Basis.NOT_SET,
                           f"The {table.period} state table has no figure for {name}: no "
                           "location adjustment.", (table.source,))
    reference = kb.state_reference_mean
    old_multiplier = mean / reference
    old_label = source_label(kb.source(table.source))
    old_detail = (f"{name} {format_money(mean)} ÷ 50-state average "
                  f"{format_money(round(reference))} = ×{old_multiplier:.3f} ({table.period}, "
                  f"old code 29-2071; {old_label})")
    recent = kb.recent_state_mean(profile.state)
    if recent is None:
        return _Adjustment(old_multiplier, Basis.SOURCE,
                           old_detail + ": old, broader figures, used only to compare states.",
                           (table.source,), kb.salary.model.location.reference_assumption,
                           f"from the {table.period} state means ({old_label}); comparing "
                           "with their average is my assumption")
    model = kb.salary.model.location
    national = kb.figure(model.recent_reference)
    recent_period = kb.states.recent.period
    recent_label = source_label(kb.source(kb.states.recent.source))
    multiplier = recent / national.value
    detail = (f"{name} {format_money(recent)} ÷ national mean {format_money(national.value)}"
              f" = ×{multiplier:.3f} ({recent_period}, 29-2072; {recent_label})")
    alternative = (f"Sources disagree on {name}: {old_detail}. I use the {recent_period} figure "
                   f"(×{multiplier:.3f}): newer, today's occupation code, and a national mean "
                   "from the same page.")
    return _Adjustment(multiplier, Basis.SOURCE, detail,
                       (kb.states.recent.source, national.source, table.source),
                       model.recent_reasoning,
                       f"from the {recent_period} state mean ({recent_label}); the "
                       f"{table.period} table says ×{old_multiplier:.3f}",
                       alternative)


def _employer(kb: Knowledge, profile: Profile) -> _Adjustment:
    model = kb.salary.model.employer
    if profile.employer is None:
        return _Adjustment(1.0, Basis.NOT_SET, "Employer not set: no adjustment.")
    entry = model.types[profile.employer]
    if isinstance(entry, Assumption):
        return _Adjustment(entry.factor, Basis.ASSUMPTION,
                           "No sourced figure for this employer type.", (), entry.reasoning,
                           f"{_assumed(entry.factor)}; {NO_NUMBER}")
    figure = kb.figure(entry.figure)
    reference = kb.figure(model.reference)
    multiplier = figure.value / reference.value
    label = source_label(kb.source(figure.source))
    detail = (f"{figure.label} {format_money(figure.value)} ÷ all employers "
              f"{format_money(reference.value)} = ×{multiplier:.3f} ({figure.period}; {label})")
    return _Adjustment(multiplier, Basis.SOURCE, detail, (figure.source,), "",
                       f"from the {figure.period} pay by industry ({label})")


def _education(kb: Knowledge, profile: Profile) -> _Adjustment:
    if profile.education is None:
        return _Adjustment(1.0, Basis.NOT_SET, "Education not set: no adjustment.")
    entry = kb.salary.model.education[profile.education]
    label = EDUCATION_LABELS[profile.education]
    return _Adjustment(entry.factor, Basis.ASSUMPTION, f"×{entry.factor:.2f}", (),
                       entry.reasoning, f"{_assumed(entry.factor)} "
                       f"({label[:1].lower()}{label[1:]}); {NO_NUMBER}")


def certification_premium(kb: Knowledge, profile: Profile) -> float:
    model = kb.salary.model.certifications
    return min(model.cap, sum(model.premiums[cert] for cert in profile.certs))


def _certifications(kb: Knowledge, profile: Profile) -> _Adjustment:
    model = kb.salary.model.certifications
    premium = certification_premium(kb, profile)
    if not profile.certs:
        return _Adjustment(1.0, Basis.NOT_SET, "No certifications: no premium.")
    codes = sorted(c.value for c in profile.certs)
    capped = premium < sum(model.premiums[c] for c in profile.certs)
    cap = f", capped at +{model.cap:.0%}" if capped else ""
    each = (" and ".join(f"+{model.premiums[c]:.0%} for {c}" for c in sorted(profile.certs))
            if len(profile.certs) <= MAX_NAMED else f"+{premium:.0%} for {len(codes)} credentials")
    return _Adjustment(1 + premium, Basis.ASSUMPTION,
                       f"+{premium:.0%} for {', '.join(codes)} (capped at {model.cap:.0%})", (),
                       model.reasoning, f"my assumption of {each}{cap}; {NO_NUMBER}")


def skills_premium(kb: Knowledge, profile: Profile) -> tuple[float, list[str]]:
    model = kb.salary.model.skills
    groups = [g for g in model.groups if set(g.skills) & profile.skills]
    return min(model.cap, sum(g.premium for g in groups)), [g.name for g in groups]


def _skills(kb: Knowledge, profile: Profile) -> _Adjustment:
    model = kb.salary.model.skills
    premium, names = skills_premium(kb, profile)
    if not names:
        return _Adjustment(1.0, Basis.NOT_SET, "No premium skills: no premium.")
    groups = [g for g in model.groups if set(g.skills) & profile.skills]
    each = (" and ".join(f"+{g.premium:.0%} for {g.name}" for g in groups)
            if len(groups) <= MAX_NAMED else f"+{premium:.0%} for {len(groups)} groups of skills")
    return _Adjustment(1 + premium, Basis.ASSUMPTION,
                       f"+{premium:.0%} for {', '.join(names)} (capped at {model.cap:.0%})", (),
                       model.reasoning, f"my assumption of {each}; the guide gives no number")


def source_bounds(knowledge: Knowledge | None = None) -> tuple[Bound, Bound]:
    """The lowest and highest pay the sources give for the role (bands and national figures)."""
    kb = knowledge or load_knowledge()
    model = kb.salary.model.bounds
    candidates: list[tuple[Bound, Bound]] = []
    for band in (kb.band(b) for b in model.bands):
        guide = source_label(kb.source(band.source))
        candidates.append((Bound(band.low, f"the bottom of the {band.label.lower()} band "
                                           f"({guide})", band.source),
                           Bound(band.high, f"the top of the {band.label.lower()} band "
                                            f"({guide})", band.source)))
    for figure in (kb.figure(f) for f in model.figures):
        bound = Bound(int(figure.value), f"{figure.label.lower()} ({figure.period}; "
                                         f"{source_label(kb.source(figure.source))})",
                      figure.source)
        candidates.append((bound, bound))
    return (min((low for low, _ in candidates), key=lambda b: b.amount),
            max((high for _, high in candidates), key=lambda b: b.amount))


def _hold(kb: Knowledge, amount: int, bounds: tuple[Bound, Bound]) -> Factor | None:
    """The line that brings a product outside the source bounds back to the nearest bound."""
    low, high = bounds
    bound = high if amount > high.amount else low if amount < low.amount else None
    if bound is None:
        return None
    above = bound is high
    detail = (f"The factors multiply to {format_money(amount)}, "
              f"{'above the highest' if above else 'below the lowest'} pay any source gives "
              f"for this role: {format_money(bound.amount)}, {bound.label}. I hold the "
              f"estimate there"
              + ("; pay above it comes with a manager's title (/career)." if above else "."))
    return Factor(HOLD_FIELD, "Held within the sources", format_money(bound.amount),
                  bound.amount / amount, bound.amount - amount, Basis.SOURCE, detail,
                  (bound.source,), kb.salary.model.bounds.reasoning,
                  f"the {'highest' if above else 'lowest'} sourced pay for the role")


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
                              adjustment.reasoning, adjustment.note, adjustment.alternative))
        shown = running
    return int(running), factors


def national_range(knowledge: Knowledge | None = None) -> tuple[Figure, Figure]:
    """The low and high ends of the national pay range the model shows."""
    kb = knowledge or load_knowledge()
    spec = kb.salary.model.national_range
    return kb.figure(spec.low), kb.figure(spec.high)


def estimate_salary(profile: Profile, knowledge: Knowledge | None = None) -> Estimate:
    """A point estimate within the source bounds, a range, one line per factor, comparisons."""
    kb = knowledge or load_knowledge()
    model = kb.salary.model
    base = kb.figure(model.base)
    fields = [
        ("years", "Experience", display_value("years", profile), _experience(kb, profile)),
        ("state", "Location", STATES[profile.state] if profile.state else "not set",
         _location(kb, profile)),
        ("employer", "Employer", display_value("employer", profile), _employer(kb, profile)),
        ("education", "Education", display_value("education", profile),
         _education(kb, profile)),
        ("certs", "Certifications", ", ".join(sorted(c.value for c in profile.certs)) or "none",
         _certifications(kb, profile)),
        ("skills", "Skills", ", ".join(sorted(s.value for s in profile.skills)) or "none",
         _skills(kb, profile)),
    ]
    unbounded, factors = _apply(base.value, fields)
    bounds = source_bounds(kb)
    hold = _hold(kb, unbounded, bounds)
    point = unbounded if hold is None else unbounded + hold.effect
    if hold is not None:
        factors.append(hold)
    low_ratio, high_ratio = _range_ratios(kb, profile.years)
    low = max(bounds[0].amount, int(math.floor(point * low_ratio / ROUND_TO) * ROUND_TO))
    high = min(bounds[1].amount, int(math.ceil(point * high_ratio / ROUND_TO) * ROUND_TO))
    return Estimate(
        profile=profile, base=base, point=point, low=low, high=high, factors=tuple(factors),
        comparisons=tuple(Comparison(kb.figure(c.figure), point - int(kb.figure(c.figure).value),
                                     c.what) for c in model.compare_with),
        national_range=national_range(kb),
        national_range_what=model.national_range.what,
        range_note=model.range_note, base_assumption=model.base_assumption,
        bounds=bounds, bounds_what=model.bounds.what, unbounded=unbounded,
        experience_sources=tuple(dict.fromkeys(b.source for _, b in _anchors(kb))),
    )


@lru_cache(maxsize=1024)
def cached_estimate(profile: Profile) -> Estimate:
    """The estimate for the bot's own knowledge, computed once per distinct profile."""
    return estimate_salary(profile)
