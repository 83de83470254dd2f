"""The knowledge data: it loads, it is consistent, and a broken file fails loudly and precisely."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from pydantic import ValidationError

from knowledge import KnowledgeDataError, load_from, load_knowledge
from knowledge.cards import cards
from knowledge.loader import DATA_DIR
from knowledge.profile import Certification, Goal
from knowledge.text import format_figure, render_text


def test_every_collection_loads_and_is_cached() -> None:
    kb = load_knowledge()
    assert kb is load_knowledge()
    assert {c.code for c in kb.certifications} == set(Certification)
    assert [s.id for s in kb.stages] == ["entry", "specialist", "certified", "manager",
                                         "director"]
    assert len(kb.states.states) == 50 and kb.state_mean("DC") is None
    assert kb.state_mean("NJ") == 54020


def test_the_knowledge_cannot_be_changed() -> None:
    kb = load_knowledge()
    with pytest.raises(ValidationError):
        kb.figure("mrs_median_2024").value = 1  # type: ignore[misc]
    with pytest.raises(TypeError):
        kb._figures["x"] = kb.figure("mrs_median_2024")  # type: ignore[index]


def test_both_guides_have_bands_for_the_first_three_stages() -> None:
    kb = load_knowledge()
    for stage in ("entry", "specialist", "certified"):
        guides = {band.source for band in kb.bands_for_stage(stage)}
        assert guides == {"guide_become_ehr", "guide_cehrs_salary"}


def test_unknown_facts_stay_unknown() -> None:
    kb = load_knowledge()
    assert kb.certification("CEHRS").fees == ()
    for code in ("CHDA", "CAHIMS"):
        cert = kb.certification(code)
        assert cert.eligibility is None and cert.exam is None and cert.rule is None
    rhia = kb.certification("RHIA")
    assert rhia.exam is None and rhia.fees == ()


def test_agency_ranges_carry_their_caveat_and_article() -> None:
    agencies = load_knowledge().salary.agency_ranges
    assert "no official source" in agencies.caveat
    assert {r.source for r in agencies.ranges} == {"guide_ehr_salary"}


def test_rendered_figures_name_period_and_source() -> None:
    kb = load_knowledge()
    text = render_text("Median [fig:mrs_median_2024].", kb)
    assert text == "Median $50,250 a year (May 2024; StartRight Careers, third-party)."
    assert format_figure(kb.figure("growth_2024_2034"), kb).startswith("7% (2024-2034;")


def test_topics_are_ready_for_question_answering() -> None:
    kb = load_knowledge()
    ids = {t.id for t in kb.topics}
    for topic in kb.topics:
        assert topic.keywords and topic.sources and topic.command.startswith("/")
        assert set(topic.related) <= ids
        assert "[fig:" not in render_text(topic.answer, kb)


def test_every_goal_has_a_recommendation() -> None:
    goals = {r.goal for r in load_knowledge().certifications_file.recommendations}
    assert goals == {*Goal, "none"}


def test_cards_cover_every_kind_and_render_every_figure() -> None:
    all_cards = cards()
    kinds = {card.kind for card in all_cards}
    assert kinds == {"topic", "certification", "cert_aspect", "stage", "side_path", "state",
                     "figure", "federal", "advice", "overview"}
    assert len({card.id for card in all_cards}) == len(all_cards)
    for card in all_cards:
        assert "[fig:" not in card.text and card.sources
    rhit = next(c for c in all_cards if c.id == "certification:RHIT")
    assert "$229" in rhit.text and rhit.command == "/certify RHIT"
    cehrs = next(c for c in all_cards if c.id == "certification:CEHRS")
    assert "Fee: unknown" in cehrs.text


def test_no_seed_advertising_is_repeated() -> None:
    for path in DATA_DIR.glob("*.yaml"):
        text = path.read_text(encoding="utf-8").lower()
        assert "udemywork" not in text and "free download" not in text


# --- Broken files -----------------------------------------------------------------------------

Edit = Callable[[dict], None]


def _broken_copy(tmp_path: Path, file: str, edit: Edit) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    data = yaml.safe_load((target / file).read_text(encoding="utf-8"))
    edit(data)
    (target / file).write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return target


def _cert(data: dict, code: str) -> dict:
    return next(c for c in data["certifications"] if c["code"] == code)


@pytest.mark.parametrize(("file", "edit", "entry", "field", "problem"), [
    ("certifications.yaml", lambda d: _cert(d, "RHIT").pop("renewal"),
     "'RHIT'", "renewal", "Field required"),
    ("certifications.yaml", lambda d: _cert(d, "CCA")["fees"][0].update(amount="cheap"),
     "'CCA'", "fees.0.amount", "valid integer"),
    ("salary.yaml", lambda d: d["figures"][0].update(unit="euros"),
     "'mrs_median_2024'", "unit", "Input should be"),
    ("salary.yaml", lambda d: d["stage_bands"][1].update(low=90000),
     "'guide002_mid'", "(the entry itself)", "low must be below high"),
    ("salary.yaml", lambda d: d["model"]["education"]["master"].update(factor=0.5),
     "'model'", "(the section itself)", "must not fall"),
    ("sources.yaml", lambda d: d["sources"][3].update(url="not a link"),
     "'startright_2024'", "url", "should match pattern"),
    ("states.yaml", lambda d: d["states"][0].update(state="XX"),
     "states[0] 'XX'", "(the entry itself)", "unknown state code"),
    ("topics.yaml", lambda d: d["topics"][2].update(sources=["nowhere"]),
     "'salary_by_state'", "sources", "unknown source 'nowhere'"),
    ("topics.yaml", lambda d: d["topics"][0].update(related=["no_such_topic"]),
     "'salary_national'", "related", "unknown topic"),
    ("topics.yaml", lambda d: d["topics"][1].update(answer="It pays [fig:made_up]."),
     "'salary_by_stage'", "answer", "unknown figure [fig:made_up]"),
    ("topics.yaml", lambda d: d["topics"][1].update(answer="It pays $99,999."),
     "'salary_by_stage'", "answer", "placeholder"),
    ("career.yaml", lambda d: d["stages"][0].pop("next_step"),
     "'entry'", "next_step", "Field required"),
    ("salary.yaml", lambda d: d["model"].update(base="mrs_employment_2023"),
     "'model'", "base", "not a yearly dollar figure"),
])
def test_a_broken_file_names_file_entry_and_field(
        tmp_path: Path, file: str, edit: Edit, entry: str, field: str, problem: str) -> None:
    directory = _broken_copy(tmp_path, file, edit)
    with pytest.raises(KnowledgeDataError) as caught:
        load_from(directory)
    error = caught.value
    assert error.file == file
    assert entry in error.entry
    assert error.field == field
    assert problem in error.problem
    assert re.match(rf"knowledge/data/{re.escape(file)}: entry .+, field '.+': ", str(error))


def test_unreadable_yaml_and_missing_file(tmp_path: Path) -> None:
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    (target / "topics.yaml").write_text("topics: [\n  - id: x\n", encoding="utf-8")
    with pytest.raises(KnowledgeDataError, match=r"topics.yaml: entry line \d+.*not valid YAML"):
        load_from(target)
    (target / "topics.yaml").unlink()
    with pytest.raises(KnowledgeDataError, match=r"topics\.yaml.*file not found"):
        load_from(target)


class _KeysOnce(yaml.SafeLoader):
    """A YAML loader that fails on a key written twice in one mapping (PyYAML keeps the last
    silently, so a merge that doubles a block or a second spelling of a key goes unseen)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: set[object] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            assert key not in seen, f"{node.start_mark.name}: key {key!r} twice " \
                                    f"(line {key_node.start_mark.line + 1})"
            seen.add(key)
        return super().construct_mapping(node, deep)


@pytest.mark.parametrize("name", sorted(path.name for path in DATA_DIR.iterdir()
                                        if path.name.endswith(".yaml")))
def test_no_data_file_writes_a_key_twice(name: str) -> None:
    yaml.load((DATA_DIR / name).read_text(encoding="utf-8"), Loader=_KeysOnce)
