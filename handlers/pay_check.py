"""Rendering the judgement of a pay figure the user names ("is $45k low?"), knowledge/pay_check."""

from __future__ import annotations

from handlers.cite import band_range, sources_line
from handlers.render import escape
from handlers.salary import profile_summary
from knowledge.pay_check import PayCheck, Position
from knowledge.store import load_knowledge
from knowledge.text import format_figure, format_money, format_money_range, source_label

HEADINGS = {Position.BELOW: "Below the national median",
            Position.WITHIN: "About the national median",
            Position.ABOVE: "Above the national median"}
RANGE_WORDS = {Position.BELOW: "under the low end of", Position.WITHIN: "inside",
               Position.ABOVE: "over the high end of"}
ESTIMATE_WORDS = {Position.BELOW: "below", Position.WITHIN: "inside",
                  Position.ABOVE: "above"}
BAND_WORDS = {Position.BELOW: "under it", Position.WITHIN: "inside it",
              Position.ABOVE: "over its top"}


def entry_heading(check: PayCheck) -> str | None:
    """For a yearly figure for a first job, where it sits among the entry-level bands; None
    when there is no such figure."""
    positions = {position for _, position in check.entry_bands}
    if not positions or None in positions:
        return None
    if positions == {Position.WITHIN}:
        return "Inside the guides' entry-level bands"
    if Position.WITHIN in positions:
        return "Inside one guide's entry-level band"
    if len(positions) > 1:
        return None
    return f"{'Below' if Position.BELOW in positions else 'Above'} the guides' entry-level bands"


def entry_line(check: PayCheck) -> str:
    """For a first job: the guides' entry-level bands, each with its source and, for a yearly
    figure, where the figure sits in it."""
    kb = load_knowledge()
    bands = []
    for band, position in check.entry_bands:
        where = f" - {BAND_WORDS[position]}" if position is not None else ""
        source = escape(source_label(kb.source(band.source)))
        bands.append(f"{band.label} {band_range(band)} ({source}, {escape(band.years)}){where}")
    per_year = "" if check.stated.per == "year" else " (they give yearly pay only)"
    return f"For a first job, the industry guides' entry-level bands{per_year}: " \
        + "; ".join(bands) + "."


def pay_check_text(check: PayCheck) -> str:
    """The answer first (below, about or above the median; for a first job, the entry-level
    bands), then the range and the estimate."""
    median = f"{check.against_median.value} the national median"
    heading = entry_heading(check)
    lines = [f"<b>{heading or HEADINGS[check.against_median]}</b>"]
    if heading:
        lines.append(entry_line(check))
    if check.matches is not None:
        lines.append(f"It matches one source's figure: {escape(check.matches.label)}, "
                     f"{format_figure(check.matches)}.")
    lines.append(f"That figure is {median}: {format_figure(check.median)}.")
    if check.national_range is not None and check.in_range is not None:
        low, high = check.national_range
        lines.append(f"It is {RANGE_WORDS[check.in_range]} {escape(check.range_what)}: "
                     f"{format_money_range(low.value, high.value)} ({low.period}).")
    if check.entry_bands and not heading:
        lines.append(entry_line(check))
    if check.estimate is not None and check.against_estimate is not None:
        estimate = check.estimate
        lines += ["", f"<i>For your profile</i> ({profile_summary(estimate.profile)}): "
                  f"your estimate is about <b>{format_money(estimate.point)}</b>, likely "
                  f"{format_money_range(estimate.low, estimate.high)}; the figure is "
                  f"{ESTIMATE_WORDS[check.against_estimate]} that range."]
    elif check.stated.per == "hour":
        lines.append("Hourly pay is compared with the hourly median only; /salary gives a "
                     "yearly estimate for your profile.")
    else:
        lines.append("Pay moves with state, employer, experience and certifications: set up "
                     "/profile in our private chat for an estimate of your own.")
    lines += ["", sources_line(check.sources)]
    return "\n".join(lines)
