"""Judging a pay figure the user names ("they offered me $45k, is that low?", "is $19/hr fair?").

The figure is placed against the national median of the same unit (a year or an hour) and, for a
yearly figure, the national pay range and the asker's own estimate. The reply names only figures
from the knowledge (and the estimate): the user's own figure is never restated, and no difference
is computed, so nothing shown can be mistaken for a sourced figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Literal

from knowledge.models import Figure, StageBand
from knowledge.qa.mentions import find_mentions
from knowledge.qa.specifics import without_hearsay
from knowledge.qa.text import words
from knowledge.salary import Estimate, national_range
from knowledge.store import load_knowledge

Per = Literal["year", "hour"]

NATIONAL_MEDIAN = {"year": "mrs_median_2024", "hour": "mrs_median_hourly_2024"}
UNITS = {"year": "USD/year", "hour": "USD/hour"}
# A figure quoted from somewhere ("a site says the average is ~51k") within this share of a
# sourced national figure is taken to be that figure.
QUOTED_SHARE = 0.01
# Within this share of a reference figure, a figure is "about the same".
CLOSE_SHARE = 0.05
# Figures outside these bounds are not pay for this occupation (a year, a street number…).
PLAUSIBLE = {"year": (10_000.0, 400_000.0), "hour": (7.0, 200.0)}

_HOURLY = r"(?:\s?(?:/|an?|per|p/?)\s?(?:hr|hrs|hour|h)\b|\s?hourly\b)"
_AMOUNT = re.compile(
    r"(?P<dollar>\$)?\s?(?P<number>\d{1,3}(?:,\d{3})+|\d+(?:\.\d{1,2})?)\s?"
    r"(?P<thousand>k\b|grand\b|thousand\b)?(?P<hourly>" + _HOURLY + r")?",
    re.IGNORECASE)
# Words that ask for a judgement of a figure.
_JUDGING = frozenset({
    "low", "lowball", "lowballed", "lowballing", "high", "good", "fair", "decent", "bad", "ok",
    "okay", "enough", "underpaid", "overpaid", "reasonable", "normal", "average", "typical",
    "competitive", "worth", "livable", "realistic", "standard", "acceptable", "great", "terrible",
    "cheap", "insulting", "solid", "accept", "take", "negotiate", "counter", "compare",
    "compares", "stack", "market",
    # whether a figure read somewhere holds ("a site says 51k, legit?")
    "true", "legit", "right", "correct", "accurate", "current", "outdated", "valid", "real",
    "trust", "trustworthy", "reliable", "old", "dated",
})
# Words naming a pay measure: beside one, a bare five- or six-digit number ("website says avg
# salary 51090, trustworthy?") is read as yearly pay quoted back from somewhere.
_MEASURE_WORDS = frozenset({
    "median", "average", "avg", "mean", "salary", "wage", "pay", "income", "earnings",
})
_BARE_YEARLY = re.compile(r"(?<![\d,.$])\d{5,6}(?!\d|[,.]\d|\s?(?:k|grand|thousand)\b)")
# A figure for a first job ("is 38k a decent starting salary", "offered 42k as a new grad") is
# also set against the guides' entry-level bands (the career stage ENTRY_STAGE).
_STARTING = re.compile(r"\b(?:start|starting|starter|entry|first(?: \w+)? (?:job|year|role|"
                       r"position|gig|offer)|new to|new (?:\w+ )?(?:grad|graduate|hire|"
                       r"specialists?|techs?|technicians?|clerks?|workers?|employees?)|newbie|"
                       r"beginners?|junior|fresh|rookie|trainee|out of school)\b")
ENTRY_STAGE = "entry"
# A figure told as heard or read, besides a source named (specifics.without_hearsay): "i was
# told", "i heard", "where does that number come from".
_QUOTED = re.compile(r"\b(?:told|heard|read|saw|seen|says|said|claims?|claimed|quoted|source|"
                     r"come from|comes from|came from|where (?:is|does|did) (?:that|it|this)\b)")
# Words that make a figure a pay figure (besides "k", "grand" or an hourly mark).
_PAY_WORDS = frozenset({
    "offer", "offered", "offering", "pay", "pays", "paid", "paying", "make", "making", "earn",
    "earning", "salary", "wage", "wages", "job", "position", "role", "rate", "starting",
    "raise", "income", "hourly",
})


class Position(StrEnum):
    BELOW = "below"
    WITHIN = "about"
    ABOVE = "above"


@dataclass(frozen=True)
class StatedPay:
    """A pay figure the user wrote, per year or per hour."""

    amount: float
    per: Per
    marked: bool = False  # written as pay: "45k", "60 grand", "$19/hr"
    starting: bool = False  # asked as pay for a first job
    state: str | None = None  # the state the offer is in ("38k in alabama, is that low?")
    quoted: bool = False  # told as read or heard somewhere ("my textbook says $40,350")


@dataclass(frozen=True)
class PayCheck:
    stated: StatedPay
    median: Figure
    against_median: Position
    national_range: tuple[Figure, Figure] | None  # yearly figures only
    range_what: str  # what that range is, as the salary model says
    in_range: Position | None  # BELOW the low end, WITHIN = inside, ABOVE the high end
    estimate: Estimate | None  # the asker's own, when a yearly figure and a profile are known
    against_estimate: Position | None
    # For a first job: the guides' entry-level bands, each with where a yearly figure sits.
    entry_bands: tuple[tuple[StageBand, Position | None], ...] = ()
    # For a figure quoted from somewhere: the sourced national figure it matches, if any.
    matches: Figure | None = None

    @property
    def sources(self) -> tuple[str, ...]:
        ids = [self.median.source, *([self.matches.source] if self.matches else []),
               *(f.source for f in self.national_range or ()),
               *(band.source for band, _ in self.entry_bands)]
        return tuple(dict.fromkeys([*ids, *(self.estimate.sources if self.estimate else ())]))


def _stated(match: re.Match[str]) -> StatedPay | None:
    number = float(match["number"].replace(",", ""))
    if match["thousand"]:
        number *= 1000
    hourly = bool(match["hourly"])
    grouped = "," in match["number"]
    if not (match["dollar"] or match["thousand"] or hourly or grouped):
        return None  # a bare number: a year, an age, a count
    per: Per = "hour" if hourly or number < PLAUSIBLE["year"][0] else "year"
    low, high = PLAUSIBLE[per]
    marked = bool(match["thousand"] or hourly)
    return StatedPay(number, per, marked) if low <= number <= high else None


def stated_pay(text: str) -> StatedPay | None:
    """The first pay figure written in the text ("$45k", "45,000 a year", "$19.50/hr"), if any."""
    for match in _AMOUNT.finditer(text):
        stated = _stated(match)
        if stated is not None:
            return stated
    return None


def _bare_yearly(text: str, said: set[str]) -> StatedPay | None:
    """A bare five- or six-digit number beside a pay measure's name, as yearly pay."""
    match = _BARE_YEARLY.search(text) if said & _MEASURE_WORDS else None
    if match is None:
        return None
    amount = float(match[0])
    low, high = PLAUSIBLE["year"]
    return StatedPay(amount, "year", marked=True, quoted=True) if low <= amount <= high else None


def judged_pay(text: str) -> StatedPay | None:
    """The pay figure of a question that asks whether a figure is good, low, fair…; else None."""
    folded = words(text)
    said = set(folded)
    stated = stated_pay(text) or _bare_yearly(text, said)
    if stated is None:
        return None
    if not ((stated.marked or said & _PAY_WORDS) and said & _JUDGING):
        return None
    return replace(stated, starting=bool(_STARTING.search(" ".join(folded))),
                   state=find_mentions(text, folded).state,
                   quoted=stated.quoted or without_hearsay(text) != text
                   or bool(_QUOTED.search(" ".join(folded))))


def matched_figure(stated: StatedPay, median: Figure) -> Figure | None:
    """The occupation's national pay figure (not `median`) closest to a quoted figure, if one
    is close enough: "a site says the average is ~51k" is CareerFitter's undated average."""
    if not stated.quoted:
        return None
    close = [figure for figure in load_knowledge().figures
             if figure.unit == UNITS[stated.per] and figure.id != median.id
             and "medical records" in figure.label.lower()
             and abs(stated.amount - figure.value) <= figure.value * QUOTED_SHARE]
    return min(close, key=lambda figure: abs(stated.amount - figure.value), default=None)


def _position(amount: float, low: float, high: float | None = None) -> Position:
    """Where an amount sits against one figure (±CLOSE_SHARE) or a range [low, high]."""
    if high is None:
        if amount < low * (1 - CLOSE_SHARE):
            return Position.BELOW
        return Position.ABOVE if amount > low * (1 + CLOSE_SHARE) else Position.WITHIN
    if amount < low:
        return Position.BELOW
    return Position.ABOVE if amount > high else Position.WITHIN


def check_pay(stated: StatedPay, estimate: Estimate | None = None) -> PayCheck:
    """Place a stated figure against the national median, the range and the asker's estimate."""
    kb = load_knowledge()
    median = kb.figure(NATIONAL_MEDIAN[stated.per])
    yearly = stated.per == "year"
    low, high = national_range(kb)
    return PayCheck(
        stated=stated,
        median=median,
        against_median=_position(stated.amount, median.value),
        national_range=(low, high) if yearly else None,
        range_what=kb.salary.model.national_range.what,
        in_range=_position(stated.amount, low.value, high.value) if yearly else None,
        estimate=estimate if yearly else None,
        against_estimate=_position(stated.amount, estimate.low, estimate.high)
        if yearly and estimate is not None else None,
        entry_bands=tuple((band, _position(stated.amount, band.low, band.high) if yearly
                           else None) for band in kb.bands_for_stage(ENTRY_STAGE))
        if stated.starting else (),
        matches=matched_figure(stated, median),
    )
