"""Results by exam domain, as lines of a reply: a member's own, or a cohort's."""

from __future__ import annotations

from db.quiz import DomainResult
from handlers.render import escape
from knowledge.quiz_bank import load_quiz_bank


def weakest_domain(results: list[DomainResult]) -> DomainResult | None:
    """The domain with the lowest share of right answers (more answers first among equals);
    None when every answer was right."""
    weakest = min(results, key=lambda r: (r.correct / r.answered, -r.answered), default=None)
    return weakest if weakest is not None and weakest.correct < weakest.answered else None


def domain_lines(results: list[DomainResult]) -> list[str]:
    """A line per domain in the bank's order, with its share of the exam and that share's source."""
    bank = load_quiz_bank()
    order = {domain.id: index for index, domain in enumerate(bank.domains)}
    lines, sources = [], []
    for result in sorted(results, key=lambda r: order.get(r.domain, len(order))):
        domain = bank.domain(result.domain)
        percent = round(100 * result.correct / result.answered)
        label = escape(f"{domain.name} ({domain.exam}" if domain else f"{result.domain} (")
        if domain is not None and domain.weight is not None:
            label += f", {round(domain.weight * 100)}% of the exam*"
            sources += [] if domain.source in sources else [domain.source]
        lines.append(f"• {label}): {result.correct}/{result.answered} ({percent}%)")
    lines += [f"<i>* Share of scored items: {escape(source)}</i>" for source in sources]
    return lines
