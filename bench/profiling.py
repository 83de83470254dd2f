"""Where the bot's CPU goes: py-spy samples of a phase, read back as collapsed stacks."""

from __future__ import annotations

import math
import re
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

RATE = 250  # samples per second


def sample(pid: int, output: Path, seconds: float) -> subprocess.Popen[bytes]:
    """py-spy sampling process `pid` for `seconds` without pausing it, into `output` as
    collapsed stacks ("frame;frame;frame count" lines); idle threads are left out."""
    output.parent.mkdir(parents=True, exist_ok=True)
    py_spy = Path(sys.executable).with_name("py-spy")
    return subprocess.Popen([str(py_spy if py_spy.exists() else "py-spy"), "record", "--pid",
                             str(pid), "--rate", str(RATE), "--format", "raw", "--nonblocking",
                             "--duration", str(max(1, math.ceil(seconds))),
                             "--output", str(output)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def read_stacks(path: Path) -> Counter[tuple[str, ...]]:
    """Each sampled stack (outermost frame first) and how often it was seen."""
    stacks: Counter[tuple[str, ...]] = Counter()
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        stack, _, count_text = line.rpartition(" ")
        if stack and count_text.isdigit():
            stacks[tuple(stack.split(";"))] += int(count_text)
    return stacks


# Where a sample's CPU is charged: walking from the innermost frame ("function (path:line)")
# outwards, the first frame naming one of a layer's paths decides (a socket write inside
# aiohttp is HTTP, a dict lookup inside a handler is the handler's).
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("SQLite queries (aiosqlite's worker thread and its calls)", ("aiosqlite/",)),
    ("chart images (matplotlib drawing, PNG encoding)", ("matplotlib/", "PIL/")),
    ("writing log lines", ("logging/",)),
    ("HTTP: Bot API requests and replies (PTB's request layer, aiohttp, sockets)",
     ("aiohttp/", "telegram/request/", "bot/aiohttp_request.py", "selector_events.py",
      "yarl/", "multidict/")),
    ("PTB's objects: building updates and replies from JSON (de_json)",
     ("telegram/_telegramobject.py", "de_json", "telegram/_utils/")),
    ("answering free text (knowledge/qa)", ("(knowledge/qa/",)),
    ("the project's own code (handlers/, knowledge/, db/, bot/)",
     ("(handlers/", "(knowledge/", "(db/", "(bot/app.py", "(bot/update_processor.py",
      "(bot/lifecycle.py", "(bot/logging_setup.py")),
    ("PTB's dispatch (Application, handlers' filters, Bot methods)", ("telegram/",)),
    ("the event loop and tasks (asyncio)", ("asyncio/",)),
)
OTHER = "other"


@dataclass(frozen=True)
class Cost:
    """One layer's share (0–1) of the samples, and the frames charged most within it."""

    layer: str
    share: float
    frames: list[tuple[str, float]]


def _function(frame: str) -> str:
    """A frame without its line number: "f (path:12)" -> "f (path)"."""
    return re.sub(r":\d+\)$", ")", frame)


def _charge(frames: tuple[str, ...]) -> tuple[str, str]:
    """(the layer, the function) a sample is charged to."""
    for frame in reversed(frames):
        for name, paths in LAYERS:
            if any(path in frame for path in paths):
                return name, _function(frame)
    return OTHER, _function(frames[-1])


def costs(stacks: Counter[tuple[str, ...]], frames_each: int = 3) -> list[Cost]:
    """Every layer's cost, largest first."""
    total = sum(stacks.values())
    by_layer: dict[str, Counter[str]] = {}
    for stack, count in stacks.items():
        layer, frame = _charge(stack)
        by_layer.setdefault(layer, Counter())[frame] += count
    found = [Cost(layer, sum(frames.values()) / total,
                  [(frame, n / total) for frame, n in frames.most_common(frames_each)])
             for layer, frames in by_layer.items()]
    return sorted(found, key=lambda cost: -cost.share)
