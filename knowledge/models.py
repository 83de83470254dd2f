"""Pydantic models of the curated data files in knowledge/data/ (one top-level model per file).

Every model is frozen and collections are tuples, so the loaded knowledge cannot be changed.
Cross-file references (source ids, figure ids, stage ids) are checked by knowledge.loader.
"""

from __future__ import annotations

from collections.abc import Container
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from knowledge.profile import (
    EDUCATION_ORDER,
    STATES,
    Certification,
    Education,
    Employer,
    Goal,
    Skill,
)

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9_]+$", max_length=40)]
Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]
Url = Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]
Ratio = Annotated[float, Field(gt=0, le=2)]
Premium = Annotated[float, Field(ge=0, le=0.5)]
Money = Annotated[int, Field(gt=0, lt=1_000_000)]

SourceKind = Literal["official", "third-party", "industry-guide"]
Unit = Literal["USD/year", "USD/hour", "USD/2 years", "percent", "jobs", "openings/year"]
Level = Literal["entry", "mid", "advanced"]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


def _require_all(enum: type[StrEnum], keys: Container[StrEnum], what: str) -> None:
    """Every member of `enum` must be in `keys`; else "no {what}: " and the missing values."""
    missing = [member.value for member in enum if member not in keys]
    if missing:
        raise ValueError(f"no {what}: {', '.join(missing)}")


# --- sources.yaml ---

class Source(Frozen):
    id: Id
    publisher: Text
    title: Text
    url: Url | None
    date: Text
    kind: SourceKind
    note: str = ""


class SourcesFile(Frozen):
    sources: tuple[Source, ...] = Field(min_length=1)


# --- salary.yaml ---

class Figure(Frozen):
    id: Id
    label: Text
    value: float
    unit: Unit
    period: Text
    source: Id
    note: str = ""


class StageBand(Frozen):
    id: Id
    source: Id
    stage: Id
    label: Text
    years: Text
    low: Money
    high: Money
    open_ended: bool = False

    @model_validator(mode="after")
    def _ordered(self) -> StageBand:
        if self.low >= self.high:
            raise ValueError("low must be below high")
        return self

    @property
    def middle(self) -> float:
        return (self.low + self.high) / 2


class AgencyRange(Frozen):
    id: Id
    agency: Text
    low: Money
    high: Money
    source: Id


class AgencyRanges(Frozen):
    caveat: Text
    ranges: tuple[AgencyRange, ...]


class PayFactor(Frozen):
    id: Id
    title: Text
    text: Text
    sources: tuple[Id, ...] = Field(min_length=1)


class Assumption(Frozen):
    """A factor the bot sets itself because no source gives a number; `reasoning` says why."""

    factor: Ratio
    reasoning: Text


class FigureRef(Frozen):
    figure: Id


class ExperienceAnchor(Frozen):
    """A stage band's middle placed at a number of years (the bot's reading of the band)."""

    years: float = Field(ge=0, le=50)
    band: Id


class ExperienceModel(Frozen):
    reasoning: Text
    anchors: tuple[ExperienceAnchor, ...] = Field(min_length=2)

    @model_validator(mode="after")
    def _rising(self) -> ExperienceModel:
        years = [anchor.years for anchor in self.anchors]
        if years != sorted(set(years)):
            raise ValueError("experience anchors must rise in years")
        return self


class BoundsModel(Frozen):
    """The role's lowest and highest sourced pay: the estimate is held within them."""

    what: Text
    reasoning: Text
    bands: tuple[Id, ...] = Field(min_length=1)
    figures: tuple[Id, ...] = ()


class LocationModel(Frozen):
    reference: Text
    reference_assumption: Text
    recent_reference: Id
    recent_reasoning: Text


class EmployerModel(Frozen):
    reference: Id
    types: dict[Employer, FigureRef | Assumption]

    @model_validator(mode="after")
    def _every_employer(self) -> EmployerModel:
        _require_all(Employer, self.types, "factor for employer types")
        return self


class CertificationModel(Frozen):
    reasoning: Text
    cap: Premium
    premiums: dict[Certification, Premium]

    @model_validator(mode="after")
    def _every_certification(self) -> CertificationModel:
        _require_all(Certification, self.premiums, "premium for certifications")
        return self


class SkillGroup(Frozen):
    name: Text
    skills: tuple[Skill, ...] = Field(min_length=1)
    premium: Premium


class SkillsModel(Frozen):
    reasoning: Text
    cap: Premium
    groups: tuple[SkillGroup, ...]


class Comparison(Frozen):
    figure: Id
    what: Text


class NationalRange(Frozen):
    low: Id
    high: Id
    what: Text


class SalaryModel(Frozen):
    base: Id
    compare_with: tuple[Comparison, ...]
    national_range: NationalRange
    reference_stage_band: Id
    base_assumption: Text
    experience: ExperienceModel
    range_note: Text
    bounds: BoundsModel
    location: LocationModel
    employer: EmployerModel
    education: dict[Education, Assumption]
    certifications: CertificationModel
    skills: SkillsModel

    @model_validator(mode="after")
    def _monotonic(self) -> SalaryModel:
        _require_all(Education, self.education, "factor for education levels")
        factors = [self.education[level].factor for level in EDUCATION_ORDER]
        if factors != sorted(factors):
            raise ValueError("education factors must not fall as education rises")
        return self


class PayOverTime(Frozen):
    """The national figures by period, oldest first, and why they compare only roughly."""

    caveat: Text
    figures: tuple[Id, ...] = Field(min_length=2)


class PaySpread(Frozen):
    """One period's or place's figures (its percentiles, low to high), shown together."""

    id: Id
    title: Text
    figures: tuple[Id, ...] = Field(min_length=2)


class SalaryFile(Frozen):
    figures: tuple[Figure, ...] = Field(min_length=1)
    pay_over_time: PayOverTime
    pay_spreads: tuple[PaySpread, ...] = ()
    stage_bands: tuple[StageBand, ...] = Field(min_length=1)
    agency_ranges: AgencyRanges
    pay_factors: tuple[PayFactor, ...]
    model: SalaryModel


# --- states.yaml ---

class StateFigure(Frozen):
    state: str
    annual_mean: Money

    @model_validator(mode="after")
    def _known_state(self) -> StateFigure:
        if self.state not in STATES:
            raise ValueError(f"unknown state code {self.state!r}")
        return self


class StateTable(Frozen):
    period: Text
    occupation: Text
    source: Id
    caveat: Text


class RecentStateFigure(StateFigure):
    """A state's newer mean, with how many held the job there and the state's rank by mean."""

    employment: int = Field(gt=0)
    rank: int = Field(ge=1)


class RecentStates(Frozen):
    period: Text
    occupation: Text
    source: Id
    ranked_among: Text  # what the ranks are out of ("the 50 states and DC")
    states: tuple[RecentStateFigure, ...]


class StatesFile(Frozen):
    table: StateTable
    states: tuple[StateFigure, ...] = Field(min_length=1)
    recent: RecentStates

    @model_validator(mode="after")
    def _distinct_means(self) -> StatesFile:
        means = [s.annual_mean for s in self.states]
        if len(set(means)) != len(means):
            raise ValueError("two states share a mean: the table's ranks would be ambiguous")
        return self


# --- cities.yaml ---

class City(Frozen):
    """A well-known US place below state level and the state(s) it lies in (the first: the
    main one); `aliases` are other ways of writing it."""

    name: Text
    states: tuple[str, ...] = Field(min_length=1)
    aliases: tuple[Text, ...] = ()

    @model_validator(mode="after")
    def _known_states(self) -> City:
        unknown = [state for state in self.states if state not in STATES or state == "DC"]
        if unknown:
            raise ValueError(f"unknown state code(s) {unknown} (DC has no state figure)")
        return self

    @property
    def names(self) -> tuple[str, ...]:
        """Every way of writing the place, in lower case: its name first."""
        return tuple(dict.fromkeys(name.lower() for name in (self.name, *self.aliases)))


class CitiesFile(Frozen):
    cities: tuple[City, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_names(self) -> CitiesFile:
        seen: set[str] = set()
        for city in self.cities:
            for name in city.names:
                if name in seen or name in {state.lower() for state in STATES.values()}:
                    raise ValueError(f"'{name}' names two places (or a state)")
                seen.add(name)
        return self


# --- certifications.yaml ---

class Claim(Frozen):
    text: Text
    source: Id


class Fee(Frozen):
    label: Text
    amount: Money
    source: Id
    note: str = ""


class EligibilityPath(Frozen):
    min_education: Education | None = None
    min_years: int | None = Field(default=None, ge=0)
    certs_any: tuple[Certification, ...] = ()
    verdict: Literal["eligible", "likely"]
    needs: str = ""


class EligibilityRule(Frozen):
    paths: tuple[EligibilityPath, ...] = Field(min_length=1)


class CertificationInfo(Frozen):
    code: Certification
    name: Text
    body: Text
    body_name: Text
    body_source: Id
    level: Level
    summary: Text
    eligibility: Claim | None
    exam: Claim | None
    fees: tuple[Fee, ...]
    renewal: Claim | None
    notes: tuple[Claim, ...]
    rule: EligibilityRule | None


class PathStep(Frozen):
    """One credential on a goal's path, with the bot's reason for it."""

    code: Certification
    why: Text


class Recommendation(Frozen):
    goal: Goal | Literal["none"]
    path: tuple[PathStep, ...] = Field(min_length=1)


class CertificationsFile(Frozen):
    certifications: tuple[CertificationInfo, ...]
    recommendations: tuple[Recommendation, ...]

    @model_validator(mode="after")
    def _complete(self) -> CertificationsFile:
        codes = [c.code for c in self.certifications]
        missing = [c.value for c in Certification if c not in codes]
        if missing or len(codes) != len(set(codes)):
            raise ValueError(f"every certification exactly once; missing: {missing}")
        goals = {r.goal for r in self.recommendations}
        absent = [g.value for g in Goal if g not in goals] + ([] if "none" in goals else ["none"])
        if absent:
            raise ValueError(f"no recommendation for goals: {', '.join(absent)}")
        return self


# --- career.yaml ---

class Stage(Frozen):
    id: Id
    order: int = Field(ge=1)
    title: Text
    min_years: int | None = Field(ge=0)
    summary: Text
    focus: tuple[Text, ...] = Field(min_length=1)
    next_step: Text
    sources: tuple[Id, ...] = Field(min_length=1)
    related_figure: Id | None = None


class SidePath(Frozen):
    id: Id
    title: Text
    text: Text
    goal: Goal | None
    sources: tuple[Id, ...] = Field(min_length=1)


class Step(Frozen):
    title: Text
    text: Text
    cues: tuple[Text, ...] = ()  # what people call the step ("the internship", "certified")


class SkillList(Frozen):
    technical: tuple[Text, ...]
    people: tuple[Text, ...]
    habits: tuple[Text, ...]


class EducationOption(Frozen):
    level: Education
    title: Text
    text: Text
    sources: tuple[Id, ...] = Field(min_length=1)


class SourcedText(Frozen):
    text: Text
    sources: tuple[Id, ...] = Field(min_length=1)


class EhrSystem(Frozen):
    name: Text
    text: Text


class CareerFile(Frozen):
    stages: tuple[Stage, ...] = Field(min_length=1)
    side_paths: tuple[SidePath, ...]
    steps: tuple[Step, ...] = Field(min_length=1)
    steps_sources: tuple[Id, ...] = Field(min_length=1)
    skills: SkillList
    skills_sources: tuple[Id, ...] = Field(min_length=1)
    education: tuple[EducationOption, ...]
    work_settings: SourcedText
    outlook: SourcedText
    ehr_systems: tuple[EhrSystem, ...]
    ehr_systems_sources: tuple[Id, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _ordered_stages(self) -> CareerFile:
        if [s.order for s in self.stages] != list(range(1, len(self.stages) + 1)):
            raise ValueError("stages must be numbered 1, 2, 3... in order")
        return self


# --- topics.yaml ---

class Topic(Frozen):
    id: Id
    title: Text
    answer: Text
    keywords: tuple[Annotated[str, StringConstraints(min_length=2, to_lower=True)], ...] = Field(
        min_length=1)
    sources: tuple[Id, ...] = Field(min_length=1)
    related: tuple[Id, ...] = ()
    command: Annotated[str, StringConstraints(pattern=r"^/[a-z]+( .+)?$")]
    # Set when the topic stands for a fact the sources lack: the sentence saying so.
    gap: str = ""


class TopicsFile(Frozen):
    topics: tuple[Topic, ...] = Field(min_length=1)
