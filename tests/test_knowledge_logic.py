"""The pure answers: salary estimate, certification eligibility and advice, ladder placement."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from knowledge import load_knowledge
from knowledge.career import place
from knowledge.certify import Status, check, eligibility, recommend
from knowledge.profile import (
    EDUCATION_ORDER,
    MAX_YEARS,
    Certification,
    Education,
    Employer,
    Profile,
)
from knowledge.salary import Basis, estimate_salary
from tests.strategies import profiles

PROPERTY = settings(max_examples=150, deadline=None)


@PROPERTY
@given(profiles, st.integers(1, 10))
def test_more_experience_never_lowers_the_estimate(profile: Profile, extra: int) -> None:
    years = profile.years or 0
    more = profile.with_changes(years=min(MAX_YEARS, years + extra))
    assert estimate_salary(more).point >= estimate_salary(profile.with_changes(years=years)).point


@PROPERTY
@given(profiles, st.sampled_from(Certification))
def test_an_added_certification_never_lowers_the_estimate(profile: Profile,
                                                          cert: Certification) -> None:
    more = profile.with_changes(certs=profile.certs | {cert})
    assert estimate_salary(more).point >= estimate_salary(profile).point


@PROPERTY
@given(profiles, st.sampled_from(EDUCATION_ORDER[:-1]), st.integers(1, 4))
def test_more_education_never_lowers_the_estimate(profile: Profile, level: Education,
                                                  step: int) -> None:
    higher = EDUCATION_ORDER[min(len(EDUCATION_ORDER) - 1, EDUCATION_ORDER.index(level) + step)]
    lower_estimate = estimate_salary(profile.with_changes(education=level))
    assert estimate_salary(profile.with_changes(education=higher)).point >= lower_estimate.point


@PROPERTY
@given(profiles)
def test_range_contains_the_point_and_effects_add_up(profile: Profile) -> None:
    estimate = estimate_salary(profile)
    assert estimate.low <= estimate.point <= estimate.high
    if not estimate.held:
        assert estimate.low < estimate.point < estimate.high
    assert estimate.base.value + sum(f.effect for f in estimate.factors) == estimate.point


@PROPERTY
@given(profiles)
def test_every_factor_traces_to_a_source_or_a_stated_assumption(profile: Profile) -> None:
    kb = load_knowledge()
    estimate = estimate_salary(profile)
    for factor in estimate.factors:
        if factor.basis is Basis.SOURCE:
            assert factor.sources and all(kb.source(s) for s in factor.sources)
        elif factor.basis is Basis.ASSUMPTION:
            assert factor.reasoning
        else:
            assert factor.effect == 0 and factor.multiplier == 1.0
    assert all(kb.source(s) for s in estimate.sources)


def test_empty_profile_is_the_national_median_with_the_mid_band_range() -> None:
    estimate = estimate_salary(Profile())
    assert estimate.point == 50250
    assert all(f.basis is Basis.NOT_SET for f in estimate.factors)
    band = load_knowledge().band("guide002_mid")
    assert estimate.low <= estimate.point * band.low / band.middle
    assert estimate.high >= estimate.point * band.high / band.middle


def test_location_uses_the_state_table_relative_to_its_own_average() -> None:
    kb = load_knowledge()
    nj = estimate_salary(Profile(state="NJ"))
    location = next(f for f in nj.factors if f.field == "state")
    assert abs(location.multiplier - 54020 / kb.state_reference_mean) < 1e-9
    assert "May 2018" in location.detail and location.sources == ("beckers_states_2018",)
    dc = next(f for f in estimate_salary(Profile(state="DC")).factors if f.field == "state")
    assert dc.effect == 0 and "no figure" in dc.detail


def test_employer_factor_from_the_industry_table_or_a_stated_assumption() -> None:
    hospital = estimate_salary(Profile(employer=Employer.HOSPITAL))
    factor = next(f for f in hospital.factors if f.field == "employer")
    assert factor.basis is Basis.SOURCE and factor.effect > 0
    government = estimate_salary(Profile(employer=Employer.GOVERNMENT))
    factor = next(f for f in government.factors if f.field == "employer")
    assert factor.basis is Basis.ASSUMPTION and "could not be confirmed" in factor.reasoning


def test_eligibility_paths() -> None:
    kb = load_knowledge()
    assert check(kb.certification("RHIT"), Profile(education="high_school")).status \
        is Status.NOT_YET
    assert check(kb.certification("RHIT"), Profile(education="associate")).status is Status.LIKELY
    assert check(kb.certification("CCA"), Profile(education="high_school")).status \
        is Status.ELIGIBLE
    assert check(kb.certification("CHDA"), Profile()).status is Status.UNKNOWN
    cphims = kb.certification("CPHIMS")
    assert check(cphims, Profile(education="bachelor", years=4)).status is Status.NOT_YET
    assert check(cphims, Profile(education="master", years=3)).status is Status.ELIGIBLE
    assert check(cphims, Profile(years=10)).status is Status.ELIGIBLE
    rhia_via_rhit = check(kb.certification("RHIA"), Profile(education="associate",
                                                            certs=frozenset({"RHIT"})))
    assert rhia_via_rhit.status is Status.LIKELY and "Proviso" in rhia_via_rhit.reason
    statuses = {e.code: e.status for e in eligibility(Profile(certs=frozenset({"CPC"})))}
    assert statuses[Certification.CPC] is Status.HELD


def test_recommendation_follows_the_goal_and_skips_what_is_held() -> None:
    coder = recommend(Profile(goal="coder", education="high_school"))
    assert coder is not None and coder.certification.code is Certification.CCA
    assert "coding" in coder.why
    manager = recommend(Profile(goal="manager", education="bachelor",
                                certs=frozenset({"RHIT"})))
    assert manager is not None and manager.certification.code is Certification.RHIA
    assert recommend(Profile(certs=frozenset(Certification))) is None


@PROPERTY
@given(profiles)
def test_recommendation_is_never_a_held_certification(profile: Profile) -> None:
    advice = recommend(profile)
    assert advice is None or advice.certification.code not in profile.certs


def test_ladder_placement_by_years() -> None:
    assert place(Profile()).stage is None
    assert place(Profile(years=1)).stage.id == "entry"  # type: ignore[union-attr]
    middle = place(Profile(years=3))
    assert middle.stage.id == "specialist" and middle.years_to_next == 2  # type: ignore[union-attr]
    senior = place(Profile(years=9))
    assert senior.stage.id == "certified" and senior.next_stage.id == "manager"  # type: ignore[union-attr]
    assert senior.years_to_next is None and any("certification" in n for n in senior.notes)
    assert place(Profile(years=2, goal="analyst")).side_path.id == "analyst"  # type: ignore[union-attr]
