"""The salary chart: both guides' stage bands with the user's estimate marked.

Rendering (matplotlib, Agg, object API - no pyplot state) runs in a worker thread so the event
loop never waits for it. The bands are drawn once; an estimate is then blitted onto a copy of
that background (matplotlib's own `restore_region` / `draw_artist`), which costs about a tenth of
a full drawing and holds the GIL for a few milliseconds only. A chart is rendered once per
distinct input: the PNG is kept, concurrent requests for the same chart share one rendering, and
once Telegram has the photo its file_id is reused instead of uploading again.
"""

from __future__ import annotations

import asyncio
import io
import threading
from collections import OrderedDict
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

from knowledge import load_knowledge

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

MAX_CACHED = 64
MARK_STEP = 250
AXIS_STEP = 10_000
MEDIAN_GID = "median"
Kept = TypeVar("Kept", bytes, str)
_RENDER_LOCK = threading.Lock()  # matplotlib's font cache is not thread-safe
GUIDE_COLOURS = ("#4C78A8", "#F58518")
RANGE_STYLE = {"color": "#54A24B", "alpha": 0.18}
POINT_STYLE = {"color": "#2E7D32", "linewidth": 2.5, "label": "Your estimate"}
# A what-if's chart also marks the user's own estimate (explained in the caption, not the legend,
# so that the legend and the blitted template stay the same for every chart).
BASELINE_STYLE = {"color": "#2E7D32", "linewidth": 1.5, "linestyle": "--"}


@dataclass(frozen=True)
class ChartSpec:
    """Everything a chart depends on besides the (immutable) knowledge data."""

    point: int | None = None
    low: int | None = None
    high: int | None = None
    baseline: int | None = None  # a what-if's chart: the user's own estimate

    @classmethod
    def marking(cls, point: int, low: int, high: int,
                baseline: int | None = None) -> ChartSpec:
        """A chart marking an estimate (and the own estimate a what-if compares with);
        positions rounded to $250 (invisible at chart scale) so that close estimates share
        one rendering."""
        def snap(amount: int) -> int:
            return round(amount / MARK_STEP) * MARK_STEP
        return cls(snap(point), snap(low), snap(high),
                   None if baseline is None else snap(baseline))

    def marks(self) -> tuple[int, ...] | None:
        """(low, point, high[, baseline]) of a marked estimate; None for the chart without."""
        if self.point is None or self.low is None or self.high is None:
            return None
        extra = () if self.baseline is None else (self.baseline,)
        return self.low, self.point, self.high, *extra


def _figure(marks: tuple[int, ...] = ()) -> tuple[Figure, Axes]:
    """A figure with both guides' bands per stage and the national median (no estimate), its
    pay axis wide enough for `marks` too."""
    # matplotlib is imported on first use, in the worker thread: it costs neither start-up
    # time nor memory until someone asks for a chart.
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure as PlotFigure

    kb = load_knowledge()
    stages = kb.stages
    figure = PlotFigure(figsize=(8, 5.2), dpi=100)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    for g, guide in enumerate(kb.guide_sources):
        for s, stage in enumerate(stages):
            for band in kb.bands_for_stage(stage.id):
                if band.source != guide:
                    continue
                y = len(stages) - 1 - s + (0.2 if g == 0 else -0.2)
                axes.barh(y, band.high - band.low, left=band.low, height=0.36,
                          color=GUIDE_COLOURS[g % 2], alpha=0.85,
                          label=kb.source(guide).title if s == 0 else None)
    median = kb.figure(kb.salary.model.base)
    axes.axvline(median.value, color="grey", linestyle="--", linewidth=1,
                 label=f"National median ({median.period})", gid=MEDIAN_GID)
    amounts = [*(v for b in kb.salary.stage_bands for v in (b.low, b.high)), median.value, *marks]
    axes.set_xlim(max(0, _round_down(min(amounts)) - AXIS_STEP),
                  _round_down(max(amounts)) + 2 * AXIS_STEP)
    axes.set_yticks(range(len(stages)), [s.title for s in reversed(stages)], fontsize=8)
    axes.xaxis.set_major_formatter(lambda value, _: f"${value / 1000:.0f}k")
    axes.set_xlabel("Annual pay (USD)")
    axes.set_title("Pay by career stage: the two guides side by side", fontsize=10)
    return figure, axes


def _round_down(amount: float) -> int:
    return int(amount // AXIS_STEP * AXIS_STEP)


def _finish(figure: Figure, axes: Axes) -> None:
    """The legend under the chart, where it hides no band, and the layout."""
    axes.legend(fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.14), ncols=2,
                frameon=False)
    figure.tight_layout()


class _MarkedTemplate:
    """The bands drawn once, with the estimate's range and line as blitted (animated) artists."""

    def __init__(self) -> None:
        self.figure, self.axes = _figure()
        self.range = self.axes.axvspan(0, 1, animated=True, **RANGE_STYLE)
        self.baseline = self.axes.axvline(0, animated=True, **BASELINE_STYLE)
        self.line = self.axes.axvline(0, animated=True, **POINT_STYLE)
        # What a whole drawing paints over the range: drawn with it, in the same order.
        self.median = next(line for line in self.axes.lines if line.get_gid() == MEDIAN_GID)
        self.frame = list(self.axes.spines.values())
        for artist in (self.median, *self.frame):
            artist.set_animated(True)
        _finish(self.figure, self.axes)
        self.figure.canvas.draw()
        self.background = self.figure.canvas.copy_from_bbox(self.figure.bbox)  # type: ignore[attr-defined]

    def covers(self, marks: tuple[int, ...]) -> bool:
        left, right = self.axes.get_xlim()
        return left <= min(marks) and max(marks) <= right

    def pixels(self, marks: tuple[int, ...]) -> tuple[tuple[int, int], bytes]:
        """The chart's RGBA pixels with the estimate (low, point, high[, baseline]) marked."""
        low, point, high, *baseline = marks
        canvas: Any = self.figure.canvas
        canvas.restore_region(self.background)
        self.range.set_x(low)
        self.range.set_width(high - low)
        self.line.set_xdata([point, point])
        self.baseline.set_xdata([*baseline, *baseline])
        lines = (self.baseline, self.line) if baseline else (self.line,)
        for artist in (self.range, self.median, *lines, *self.frame):
            self.axes.draw_artist(artist)
        return canvas.get_width_height(), bytes(canvas.buffer_rgba())


@cache
def _marked_template() -> _MarkedTemplate:
    return _MarkedTemplate()


def draw_chart(spec: ChartSpec) -> bytes:
    """A chart drawn from scratch (no estimate, or one beyond the template's axis)."""
    marks = spec.marks()
    figure, axes = _figure(marks or ())
    if marks is not None:
        low, point, high, *baseline = marks
        axes.axvspan(low, high, **RANGE_STYLE)
        for own in baseline:
            axes.axvline(own, **BASELINE_STYLE)
        axes.axvline(point, **POINT_STYLE)
    _finish(figure, axes)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def render_chart(spec: ChartSpec) -> bytes:
    """The chart as PNG bytes (blocking: call it through ChartCache)."""
    marks = spec.marks()
    with _RENDER_LOCK:
        if marks is None or not _marked_template().covers(marks):
            return draw_chart(spec)
        size, pixels = _marked_template().pixels(marks)
    from PIL import Image  # matplotlib's own dependency; encoding releases the GIL

    buffer = io.BytesIO()
    Image.frombuffer("RGBA", size, pixels, "raw", "RGBA", 0, 1).save(buffer, format="png")
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
