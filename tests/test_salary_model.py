"""The salary model's shape over many random profiles: smooth in years, held within the source
bounds (or saying so), what-if differences that add up, every factor labelled as data or
assumption, and the example table in docs/salary-model.md matching the model."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from knowledge.profile import MAX_YEARS, Profile
from knowledge.salary import (
    HOLD_FIELD,
    YEAR_STEP_BOUND,
    Basis,
    WhatIf,
    estimate_salary,
    largest_year_step,
    source_bounds,
)
from tests.strategies import profiles

PROPERTY = settings(max_examples=200, deadline=None)
DOCS = Path(__file__).resolve().parent.parent / "docs" / "salary-model.md"


def _by_years(profile: Profile) -> list[int]:
    return [estimate_salary(profile.with_changes(years=y)).point for y in range(MAX_YEARS + 1)]


@PROPERTY
@given(profiles)
def test_the_estimate_rises_with_years_and_never_jumps_more_than_the_bound(
        profile: Profile) -> None:
    points = _by_years(profile)
    for before, after in itertools.pairwise(points):
        assert before <= after
        assert after / before - 1 <= YEAR_STEP_BOUND, (before, after)


def test_the_curve_itself_stays_under_the_stated_bound() -> None:
    step = largest_year_step()
    assert 0.10 < step < YEAR_STEP_BOUND  # 14.1 %: from the entry to the mid-level band
    assert _by_years(Profile())[2] / _by_years(Profile())[1] - 1 < YEAR_STEP_BOUND


@PROPERTY
@given(profiles)
def test_the_estimate_stays_within_the_source_bounds_or_says_it_was_held(
        profile: Profile) -> None:
    low, high = source_bounds()
    estimate = estimate_salary(profile)
    assert low.amount <= estimate.low <= estimate.point <= estimate.high <= high.amount
    holds = [f for f in estimate.factors if f.field == HOLD_FIELD]
    if low.amount <= estimate.unbounded <= high.amount:
        assert not holds and not estimate.held
    else:
        assert estimate.held and len(holds) == 1
        bound = high if estimate.unbounded > high.amount else low
        assert estimate.point == bound.amount
        assert f"${estimate.unbounded:,}" in holds[0].detail
        assert f"${bound.amount:,}" in holds[0].detail and holds[0].sources == (bound.source,)


def test_the_bounds_are_the_lowest_and_highest_figures_for_the_role() -> None:
    low, high = source_bounds()
    assert (low.amount, low.source) == (30000, "guide_cehrs_salary")
    assert (high.amount, high.source) == (80000, "guide_become_ehr")


def test_the_new_jersey_specialist_of_the_issue_is_held_at_the_top_of_the_senior_band() -> None:
    estimate = estimate_salary(Profile(years=6, state="NJ", education="bachelor",
                                       certs={"RHIA", "CPHIMS"}, employer="hospital",
                                       skills={"epic", "sql"}))
    assert estimate.unbounded > 90_000 and estimate.point == estimate.high == 80_000
    assert "manager" in estimate.factors[-1].detail


@PROPERTY
@given(profiles, profiles)
def test_what_if_differences_add_up(own: Profile, other: Profile) -> None:
    comparison = WhatIf(estimate_salary(own), estimate_salary(other))
    assert sum(amount for _, amount in comparison.changes()) == comparison.difference
    assert all(amount != 0 for _, amount in comparison.changes())


@PROPERTY
@given(profiles)
def test_every_moving_factor_says_up_front_whether_it_is_data_or_assumed(
        profile: Profile) -> None:
    for factor in estimate_salary(profile).factors:
        if factor.basis is Basis.ASSUMPTION:
            assert factor.note.startswith("my assumption")
            assert factor.note.endswith(("no source gives a number", "gives no number"))
        elif factor.basis is Basis.SOURCE:
            assert factor.note.startswith(("from ", "the ")), factor.note
            assert "assumption of" not in factor.note


def test_a_certification_premium_is_headlined_as_an_assumption() -> None:
    rhit = next(f for f in estimate_salary(Profile(certs={"RHIT"})).factors
                if f.field == "certs")
    assert rhit.effect == 2510
    assert rhit.note == "my assumption of +5% for RHIT; no source gives a number"


def test_where_two_state_means_exist_both_are_shown_and_the_newer_is_used() -> None:
    location = next(f for f in estimate_salary(Profile(state="IL")).factors
                    if f.field == "state")
    assert abs(location.multiplier - 48920 / 48310) < 1e-9
    assert "May 2021" in location.detail and "$48,920" in location.detail
    assert "$45,800" in location.alternative and "I use the May 2021 figure" in location.alternative
    assert set(location.sources) == {"healthguideusa_2021", "beckers_states_2018"}
    texas = next(f for f in estimate_salary(Profile(state="TX")).factors if f.field == "state")
    assert texas.alternative == "" and "May 2018" in texas.detail


_ROW = re.compile(r"^\| (?P<profile>[^|]+) \| \$(?P<point>[\d,]+) \| \$(?P<low>[\d,]+)–\$(?P<high>"
                  r"[\d,]+) \|", re.MULTILINE)


def _profile_of(cell: str) -> Profile:
    changes = {}
    for pair in cell.replace("`", "").split():
        key, _, value = pair.partition("=")
        changes[key] = int(value) if key == "years" else (
            frozenset(value.split(",")) if key in {"certs", "skills"} else value)
    return Profile(**changes)


def test_the_example_table_in_the_docs_matches_the_model() -> None:
    rows = list(_ROW.finditer(DOCS.read_text(encoding="utf-8")))
    assert len(rows) >= 8
    for row in rows:
        estimate = estimate_salary(_profile_of(row["profile"]))
        shown = tuple(int(row[k].replace(",", "")) for k in ("point", "low", "high"))
        assert shown == (estimate.point, estimate.low, estimate.high), row["profile"]


@settings(max_examples=50, deadline=None)
@given(st.integers(0, MAX_YEARS - 1))
def test_a_year_more_alone_changes_only_the_experience_factor(years: int) -> None:
    comparison = WhatIf(estimate_salary(Profile(years=years)),
                        estimate_salary(Profile(years=years + 1)))
    assert {title for title, _ in comparison.changes()} <= {"Experience"}
