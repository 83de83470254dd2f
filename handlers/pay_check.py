"""Rendering the judgement of a pay figure the user names ("is $45k low?"), knowledge/pay_check."""

from __future__ import annotations

from handlers.cite import sources_line
from handlers.render import escape
from handlers.salary import profile_summary
from knowledge.pay_check import PayCheck, Position
from knowledge.text import format_figure, format_money, format_money_range

HEADINGS = {Position.BELOW: "Below the national median",
            Position.WITHIN: "About the national median",
            Position.ABOVE: "Above the national median"}
RANGE_WORDS = {Position.BELOW: "under the low end of", Position.WITHIN: "inside",
               Position.ABOVE: "over the high end of"}
ESTIMATE_WORDS = {Position.BELOW: "below", Position.WITHIN: "inside",
                  Position.ABOVE: "above"}


def pay_check_text(check: PayCheck) -> str:
    """The answer first (below, about or above the median), then the range and the estimate."""
    median = f"{check.against_median.value} the national median"
    lines = [f"<b>{HEADINGS[check.against_median]}</b>",
             f"That figure is {median}: {format_figure(check.median)}."]
    if check.national_range is not None and check.in_range is not None:
        low, high = check.national_range
        lines.append(f"It is {RANGE_WORDS[check.in_range]} {escape(check.range_what)}: "
                     f"{format_money_range(low.value, high.value)} ({low.period}).")
    if check.estimate is not None and check.against_estimate is not None:
        estimate = check.estimate
        lines += ["", f"<i>For your profile</i> ({profile_summary(estimate.profile)}): "
                  f"my estimate is about <b>{format_money(estimate.point)}</b>, likely "
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
