"""The loaded knowledge: one immutable object with lookups, built once by `load_knowledge()`."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property
from importlib.resources.abc import Traversable
from types import MappingProxyType
from typing import Any, cast

from knowledge.loader import (
    DATA_DIR,
    FILES,
    check_references,
    check_texts,
    check_unique,
    fail,
    parse_file,
    walk,
)
from knowledge.models import (
    CareerFile,
    CertificationInfo,
    CertificationsFile,
    CitiesFile,
    City,
    Figure,
    SalaryFile,
    Source,
    SourcesFile,
    Stage,
    StageBand,
    StatesFile,
    Topic,
    TopicsFile,
)
from knowledge.profile import Certification


@dataclass(frozen=True)
class Knowledge:
    """Everything in knowledge/data/, validated and cross-checked."""

    sources_file: SourcesFile
    salary: SalaryFile
    states: StatesFile
    cities_file: CitiesFile
    certifications_file: CertificationsFile
    career: CareerFile
    topics_file: TopicsFile
    _sources: MappingProxyType[str, Source]
    _figures: MappingProxyType[str, Figure]
    _bands: MappingProxyType[str, StageBand]
    _certifications: MappingProxyType[Certification, CertificationInfo]
    _stages: MappingProxyType[str, Stage]
    _topics: MappingProxyType[str, Topic]
    _state_means: MappingProxyType[str, int]

    @property
    def sources(self) -> tuple[Source, ...]:
        return self.sources_file.sources

    @property
    def certifications(self) -> tuple[CertificationInfo, ...]:
        return self.certifications_file.certifications

    @property
    def stages(self) -> tuple[Stage, ...]:
        return self.career.stages

    @property
    def topics(self) -> tuple[Topic, ...]:
        return self.topics_file.topics

    @property
    def cities(self) -> tuple[City, ...]:
        """Well-known US places below state level, each with its state(s) (no figures)."""
        return self.cities_file.cities

    @property
    def figures(self) -> tuple[Figure, ...]:
        return self.salary.figures

    @cached_property
    def guide_sources(self) -> tuple[str, ...]:
        """The pay guides behind the stage bands, in order of first appearance."""
        return tuple(dict.fromkeys(b.source for b in self.salary.stage_bands))

    def source(self, source_id: str) -> Source:
        return self._sources[source_id]

    def figure(self, figure_id: str) -> Figure:
        return self._figures[figure_id]

    def band(self, band_id: str) -> StageBand:
        return self._bands[band_id]

    def bands_for_stage(self, stage_id: str) -> tuple[StageBand, ...]:
        return tuple(b for b in self.salary.stage_bands if b.stage == stage_id)

    def certification(self, code: Certification | str) -> CertificationInfo:
        return self._certifications[Certification(code)]

    def stage(self, stage_id: str) -> Stage:
        return self._stages[stage_id]

    def topic(self, topic_id: str) -> Topic:
        return self._topics[topic_id]

    def state_mean(self, state: str) -> int | None:
        """The state's annual mean in the May 2018 table (None for DC, which it lacks)."""
        return self._state_means.get(state)

    def recent_state_mean(self, state: str) -> int | None:
        """The state's May 2021 mean (29-2072), for the few states that have one."""
        return next((s.annual_mean for s in self.states.recent.states if s.state == state), None)

    @property
    def state_reference_mean(self) -> float:
        """The simple average of the table's state means (the table has no national figure)."""
        return sum(self._state_means.values()) / len(self._state_means)


def _cross_check(raw: dict[str, Any], models: dict[str, Any]) -> None:
    sources = cast(SourcesFile, models["sources.yaml"])
    salary = cast(SalaryFile, models["salary.yaml"])
    career = cast(CareerFile, models["career.yaml"])
    topics = cast(TopicsFile, models["topics.yaml"])
    source_ids = frozenset(s.id for s in sources.sources)
    figure_ids = frozenset(f.id for f in salary.figures)
    band_ids = frozenset(b.id for b in salary.stage_bands)
    stage_ids = frozenset(s.id for s in career.stages)
    topic_ids = frozenset(t.id for t in topics.topics)
    for file, collection, key in (("sources.yaml", "sources", "id"),
                                  ("salary.yaml", "figures", "id"),
                                  ("salary.yaml", "stage_bands", "id"),
                                  ("career.yaml", "stages", "id"),
                                  ("topics.yaml", "topics", "id")):
        check_unique(file, raw[file], collection, key)
    for file in FILES:
        check_references(file, raw[file], frozenset({"source", "sources", "body_source",
                                                     "steps_sources", "skills_sources",
                                                     "ehr_systems_sources"}),
                         source_ids, "source")
        check_texts(file, raw[file], figure_ids)
    check_references("salary.yaml", raw["salary.yaml"],
                     frozenset({"figure", "base"}), figure_ids, "figure")
    check_references("salary.yaml", raw["salary.yaml"]["model"]["national_range"],
                     frozenset({"low", "high"}), figure_ids, "figure")
    check_references("salary.yaml", raw["salary.yaml"]["model"]["employer"],
                     frozenset({"reference"}), figure_ids, "figure")
    check_references("salary.yaml", raw["salary.yaml"]["model"],
                     frozenset({"recent_reference", "figures"}), figure_ids, "figure")
    for section in ("pay_over_time", "pay_spreads"):
        check_references("salary.yaml", raw["salary.yaml"].get(section) or {},
                         frozenset({"figures"}), figure_ids, "figure")
    check_references("salary.yaml", raw["salary.yaml"],
                     frozenset({"band", "bands", "reference_stage_band"}), band_ids, "stage band")
    check_references("salary.yaml", raw["salary.yaml"], frozenset({"stage"}), stage_ids, "stage")
    check_references("career.yaml", raw["career.yaml"], frozenset({"related_figure"}),
                     figure_ids, "figure")
    check_references("topics.yaml", raw["topics.yaml"], frozenset({"related"}), topic_ids,
                     "topic")
    yearly = {f.id for f in salary.figures if f.unit == "USD/year"}
    model = raw["salary.yaml"]["model"]
    figure_keys = frozenset({"figure", "base", "reference", "low", "high", "recent_reference"})
    for loc, ref in walk(model):
        if loc and loc[-1] in figure_keys and ref in figure_ids and ref not in yearly:
            raise fail("salary.yaml", raw["salary.yaml"], ("model", *loc),
                       f"figure '{ref}' is not a yearly dollar figure")


def load_from(directory: Traversable) -> Knowledge:
    """Load and check every data file in `directory` (uncached; tests use it on broken copies)."""
    raw: dict[str, Any] = {}
    models: dict[str, Any] = {}
    for file in FILES:
        raw[file], models[file] = parse_file(directory, file)
    _cross_check(raw, models)
    salary = cast(SalaryFile, models["salary.yaml"])
    career = cast(CareerFile, models["career.yaml"])
    certifications = cast(CertificationsFile, models["certifications.yaml"])
    topics = cast(TopicsFile, models["topics.yaml"])
    states = cast(StatesFile, models["states.yaml"])
    return Knowledge(
        sources_file=models["sources.yaml"],
        salary=salary,
        states=states,
        cities_file=cast(CitiesFile, models["cities.yaml"]),
        certifications_file=certifications,
        career=career,
        topics_file=topics,
        _sources=MappingProxyType({s.id: s for s in models["sources.yaml"].sources}),
        _figures=MappingProxyType({f.id: f for f in salary.figures}),
        _bands=MappingProxyType({b.id: b for b in salary.stage_bands}),
        _certifications=MappingProxyType({c.code: c for c in certifications.certifications}),
        _stages=MappingProxyType({s.id: s for s in career.stages}),
        _topics=MappingProxyType({t.id: t for t in topics.topics}),
        _state_means=MappingProxyType({s.state: s.annual_mean for s in states.states}),
    )


@cache
def load_knowledge() -> Knowledge:
    """The bot's knowledge, loaded and checked once per process."""
    return load_from(DATA_DIR)
