"""Percentiles and medians of the measured figures."""

from __future__ import annotations

import statistics
from collections.abc import Iterable


def percentile(samples: list[float], share: float) -> float | None:
    """The `share` (0–1) percentile by linear interpolation; None without samples."""
    if not samples:
        return None
    ordered = sorted(samples)
    position = share * (len(ordered) - 1)
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def median(values: Iterable[float | None]) -> float | None:
    present = [value for value in values if value is not None]
    return statistics.median(present) if present else None
