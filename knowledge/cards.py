"""Every piece of knowledge as a uniform card, for question answering and inline mode.

A card's text is plain (no HTML) with every figure already rendered with its source.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from knowledge.models import CertificationInfo
from knowledge.profile import STATES
from knowledge.store import Knowledge, load_knowledge
from knowledge.text import format_figure, format_money, render_text, source_label

UNKNOWN = "unknown"


@dataclass(frozen=True)
class Card:
    id: str
    kind: str  # topic | certification | stage | band | state | figure | side_path
    title: str
    text: str
    keywords: tuple[str, ...]
    sources: tuple[str, ...]
    command: str


def _cert_text(cert: CertificationInfo) -> str:
    fees = "; ".join(f"{format_money(f.amount)} {f.label}" for f in cert.fees) or UNKNOWN
    return (f"{cert.name} ({cert.body}). {cert.summary} "
            f"Eligibility: {cert.eligibility.text if cert.eligibility else UNKNOWN} "
            f"Exam: {cert.exam.text if cert.exam else UNKNOWN} Fee: {fees}. "
            f"Renewal: {cert.renewal.text if cert.renewal else UNKNOWN}")


def cert_sources(cert: CertificationInfo) -> tuple[str, ...]:
    """The sources a certification's facts cite, each once: its body, claims, then fees."""
    claims = [cert.eligibility, cert.exam, cert.renewal, *cert.notes]
    ids = [cert.body_source, *(c.source for c in claims if c), *(f.source for f in cert.fees)]
    return tuple(dict.fromkeys(ids))


def build_cards(kb: Knowledge) -> tuple[Card, ...]:
    cards: list[Card] = [
        Card(f"topic:{t.id}", "topic", t.title, render_text(t.answer, kb), t.keywords,
             t.sources, t.command)
        for t in kb.topics
    ]
    cards += [
        Card(f"certification:{c.code.value}", "certification", f"{c.code.value} - {c.name}",
             _cert_text(c), (c.code.value.lower(), c.name.lower(), c.body.lower()),
             cert_sources(c), f"/certify {c.code.value}")
        for c in kb.certifications
    ]
    for stage in kb.stages:
        stage_bands = kb.bands_for_stage(stage.id)
        bands = "; ".join(
            f"{b.label}: {format_money(b.low)}-{format_money(b.high)}"
            f"{'+' if b.open_ended else ''} ({source_label(kb.source(b.source))})"
            for b in stage_bands)
        text = f"Stage {stage.order}: {stage.summary} Next: {stage.next_step}"
        sources = tuple(dict.fromkeys([*stage.sources, *(b.source for b in stage_bands)]))
        cards.append(Card(f"stage:{stage.id}", "stage", stage.title,
                          f"{text} Pay bands: {bands or UNKNOWN}.",
                          (stage.title.lower(), stage.id), sources, "/career"))
    cards += [
        Card(f"side_path:{p.id}", "side_path", p.title, render_text(p.text, kb),
             (p.title.lower(), p.id), p.sources, "/career")
        for p in kb.career.side_paths
    ]
    table = kb.states.table
    cards += [
        Card(f"state:{s.state}", "state", f"Pay in {STATES[s.state]}",
             f"Annual mean {format_money(s.annual_mean)} ({table.period}, "
             f"{table.occupation}; {source_label(kb.source(table.source))}). {table.caveat}",
             (STATES[s.state].lower(), s.state.lower()), (table.source,),
             f"/salary state={s.state}")
        for s in kb.states.states
    ]
    cards += [
        Card(f"figure:{f.id}", "figure", f.label, format_figure(f, kb), (f.label.lower(),),
             (f.source,), "/salary")
        for f in kb.figures
    ]
    return tuple(cards)


@cache
def cards() -> tuple[Card, ...]:
    """Every card of the bot's knowledge (built once)."""
    return build_cards(load_knowledge())
