"""The salary chart: both guides' stage bands with the user's estimate marked.

Rendering (matplotlib, Agg, object API - no pyplot state) runs in a worker thread so the event
loop never waits for it. A chart is rendered once per distinct input: the PNG is kept, concurrent
requests for the same chart share one rendering, and once Telegram has the photo its file_id is
reused instead of uploading again.
"""

from __future__ import annotations

import asyncio
import io
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import TypeVar

from knowledge import load_knowledge

MAX_CACHED = 64
MARK_STEP = 250
Kept = TypeVar("Kept", bytes, str)
_RENDER_LOCK = threading.Lock()  # matplotlib's font cache is not thread-safe
GUIDE_COLOURS = ("#4C78A8", "#F58518")


@dataclass(frozen=True)
class ChartSpec:
    """Everything a chart depends on besides the (immutable) knowledge data."""

    point: int | None = None
    low: int | None = None
    high: int | None = None

    @classmethod
    def marking(cls, point: int, low: int, high: int) -> ChartSpec:
        """A chart marking an estimate; positions rounded to $250 (invisible at chart scale)
        so that close estimates share one rendering."""
        def snap(amount: int) -> int:
            return round(amount / MARK_STEP) * MARK_STEP
        return cls(snap(point), snap(low), snap(high))


def render_chart(spec: ChartSpec) -> bytes:
    """The chart as PNG bytes (blocking: call it through ChartCache).

    matplotlib is imported here, on first use in the worker thread, so that it costs neither
    start-up time nor memory until someone asks for a chart.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure as PlotFigure

    kb = load_knowledge()
    guides = list(dict.fromkeys(b.source for b in kb.salary.stage_bands))
    stages = kb.stages
    with _RENDER_LOCK:
        figure = PlotFigure(figsize=(8, 4.6), dpi=100)
        FigureCanvasAgg(figure)
        axes = figure.add_subplot()
        height = 0.36
        for g, guide in enumerate(guides):
            for s, stage in enumerate(stages):
                for band in kb.bands_for_stage(stage.id):
                    if band.source != guide:
                        continue
                    y = len(stages) - 1 - s + (0.2 if g == 0 else -0.2)
                    axes.barh(y, band.high - band.low, left=band.low, height=height,
                              color=GUIDE_COLOURS[g % 2], alpha=0.85,
                              label=kb.source(guide).title if s == 0 else None)
        median = kb.figure(kb.salary.model.base)
        axes.axvline(median.value, color="grey", linestyle="--", linewidth=1,
                     label=f"National median ({median.period})")
        if spec.point is not None and spec.low is not None and spec.high is not None:
            axes.axvspan(spec.low, spec.high, color="#54A24B", alpha=0.18)
            axes.axvline(spec.point, color="#2E7D32", linewidth=2.5, label="Your estimate")
        axes.set_yticks(range(len(stages)), [s.title for s in reversed(stages)], fontsize=8)
        axes.xaxis.set_major_formatter(lambda value, _: f"${value / 1000:.0f}k")
        axes.set_xlabel("Annual pay (USD)")
        axes.set_title("Pay by career stage: the two guides side by side", fontsize=10)
        axes.legend(fontsize=7, loc="upper right")
        figure.tight_layout()
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png")
    return buffer.getvalue()


class ChartCache:
    """Rendered charts by input, renderings in progress, and Telegram file ids (both bounded)."""

    def __init__(self, max_items: int = MAX_CACHED) -> None:
        self._max = max_items
        self._png: OrderedDict[ChartSpec, bytes] = OrderedDict()
        self._file_ids: OrderedDict[ChartSpec, str] = OrderedDict()
        self._pending: dict[ChartSpec, asyncio.Future[bytes]] = {}
        self.renders = 0

    def _keep(self, store: OrderedDict[ChartSpec, Kept], spec: ChartSpec, value: Kept) -> None:
        store[spec] = value
        store.move_to_end(spec)
        while len(store) > self._max:
            store.popitem(last=False)

    async def _render(self, spec: ChartSpec) -> bytes:
        try:
            png = await asyncio.to_thread(render_chart, spec)
        finally:
            self._pending.pop(spec, None)
        self.renders += 1
        self._keep(self._png, spec, png)
        return png

    async def png(self, spec: ChartSpec) -> bytes:
        """The chart's PNG: from the cache, from a rendering already running, or rendered now."""
        cached = self._png.get(spec)
        if cached is not None:
            self._png.move_to_end(spec)
            return cached
        pending = self._pending.get(spec)
        if pending is None:
            pending = asyncio.ensure_future(self._render(spec))
            self._pending[spec] = pending
        return await asyncio.shield(pending)

    async def photo(self, spec: ChartSpec) -> str | bytes:
        """The file id Telegram gave for this chart, or its PNG bytes to upload."""
        return self._file_ids.get(spec) or await self.png(spec)

    def remember(self, spec: ChartSpec, file_id: str) -> None:
        self._keep(self._file_ids, spec, file_id)
