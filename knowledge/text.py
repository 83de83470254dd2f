"""Turning figures into text: every figure is shown with its period and its source."""

from __future__ import annotations

from knowledge.loader import FIGURE_PLACEHOLDER
from knowledge.models import Figure, Source
from knowledge.store import Knowledge, load_knowledge

_UNIT_SUFFIX = {"USD/year": " a year", "USD/hour": " an hour", "USD/2 years": " every 2 years",
                "jobs": " jobs",
                "openings/year": "", "percent": ""}
KIND_LABELS = {"official": "official", "third-party": "third-party",
               "industry-guide": "industry guide"}


def format_money(amount: float) -> str:
    """$50,250 (whole dollars) or $24.16 (when cents matter)."""
    if amount != int(amount):
        return f"${amount:,.2f}"
    return f"${int(amount):,}"


def format_money_range(low: float, high: float) -> str:
    """$40,000–$55,000 (an en dash between two amounts)."""
    return f"{format_money(low)}–{format_money(high)}"


def format_signed_money(amount: float, zero_sign: str = "±") -> str:
    """+$1,200 or −$1,200 (a minus sign); zero gets `zero_sign`, e.g. ±$0."""
    sign = zero_sign if amount == 0 else "+" if amount > 0 else "−"
    return sign + format_money(abs(amount))


def format_value(figure: Figure) -> str:
    if figure.unit in {"USD/year", "USD/hour", "USD/2 years"}:
        return format_money(figure.value) + _UNIT_SUFFIX[figure.unit]
    if figure.unit == "percent":
        return f"{figure.value:g}%"
    return f"{int(figure.value):,}{_UNIT_SUFFIX[figure.unit]}"


def source_label(source: Source) -> str:
    """'StartRight Careers, third-party'; a seed article by its title, as an industry guide."""
    if source.kind == "industry-guide":
        return f"“{source.title}”, {KIND_LABELS[source.kind]}"
    return f"{source.publisher}, {KIND_LABELS[source.kind]}"


def cite(figure: Figure, knowledge: Knowledge | None = None) -> str:
    """'May 2024; StartRight Careers, third-party'."""
    kb = knowledge or load_knowledge()
    return f"{figure.period}; {source_label(kb.source(figure.source))}"


def format_figure(figure: Figure, knowledge: Knowledge | None = None) -> str:
    """'$50,250 a year (May 2024; StartRight Careers, third-party)'."""
    return f"{format_value(figure)} ({cite(figure, knowledge)})"


def render_text(text: str, knowledge: Knowledge | None = None) -> str:
    """Replace every [fig:ID] placeholder by the figure with its period and source."""
    kb = knowledge or load_knowledge()
    return FIGURE_PLACEHOLDER.sub(lambda match: format_figure(kb.figure(match[1]), kb), text)
