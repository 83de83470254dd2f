"""HTML snippets for sourced knowledge: figures with their period and source, source lists."""

from __future__ import annotations

import html
from collections.abc import Iterable

from handlers.render import escape
from knowledge import Knowledge, load_knowledge
from knowledge.models import Figure, Source, StageBand
from knowledge.text import (
    KIND_LABELS,
    format_figure,
    format_money_range,
    render_text,
    source_label,
)


def link(source: Source, text: str | None = None) -> str:
    """The source's label (or `text`), linked to its page when it has one."""
    shown = escape(text if text is not None else source_label(source))
    if source.url is None:
        return shown
    return f'<a href="{html.escape(source.url, quote=True)}">{shown}</a>'


def figure_html(figure: Figure, kb: Knowledge | None = None) -> str:
    return escape(format_figure(figure, kb))


def text_html(text: str, kb: Knowledge | None = None) -> str:
    """Data text with its [fig:ID] placeholders rendered, escaped for HTML."""
    return escape(render_text(text, kb))


def band_range(band: StageBand) -> str:
    plus = "+" if band.open_ended else ""
    return f"{format_money_range(band.low, band.high)}{plus}"


def sources_line(source_ids: Iterable[str], kb: Knowledge | None = None) -> str:
    """'Sources: A, B' with links; each source once, in order."""
    knowledge = kb or load_knowledge()
    unique = list(dict.fromkeys(source_ids))
    if not unique:
        return ""
    return "<i>Sources:</i> " + "; ".join(link(knowledge.source(s)) for s in unique)


def source_entry(source: Source) -> str:
    """One line of /sources: linked title, publisher, date, kind."""
    return (f"• {link(source, source.title)} — {escape(source.publisher)}, "
            f"{escape(source.date)} [{KIND_LABELS[source.kind]}]")


def stage_bands(stage_id: str, kb: Knowledge | None = None) -> str:
    """Both guides' pay bands for a stage, side by side ('—' where a guide gives none)."""
    knowledge = kb or load_knowledge()
    bands = {b.source: b for b in knowledge.bands_for_stage(stage_id)}
    return " | ".join(f"{band_range(bands[g])} ({escape(bands[g].years)})" if g in bands
                      else "—" for g in knowledge.guide_sources)


def guide_columns(kb: Knowledge | None = None) -> str:
    """Which guide each column of `stage_bands` comes from."""
    knowledge = kb or load_knowledge()
    return "<i>Columns:</i> " + " | ".join(link(knowledge.source(g))
                                           for g in knowledge.guide_sources)
