"""Hypothesis strategies shared by the property tests."""

from __future__ import annotations

from hypothesis import strategies as st

from knowledge.profile import (
    MAX_YEARS,
    STATES,
    Certification,
    Education,
    Employer,
    Goal,
    Profile,
    Skill,
)

profiles = st.builds(
    Profile,
    years=st.none() | st.integers(0, MAX_YEARS),
    education=st.none() | st.sampled_from(Education),
    certs=st.frozensets(st.sampled_from(Certification)),
    state=st.none() | st.sampled_from(sorted(STATES)),
    employer=st.none() | st.sampled_from(Employer),
    skills=st.frozensets(st.sampled_from(Skill)),
    goal=st.none() | st.sampled_from(Goal),
)
