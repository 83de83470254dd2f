"""`python -m bench.profile_summary FILE [N]`: what dominates a py-spy raw (collapsed) profile.

Prints the N functions with the most samples on the stack (inclusive) and at the top of the
stack (self), as shares of all samples.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from bench.profiling import read_stacks


def summarize(path: Path, top: int = 25) -> str:
    inclusive: Counter[str] = Counter()
    own: Counter[str] = Counter()
    stacks = read_stacks(path)
    total = sum(stacks.values())
    for frames, count in stacks.items():
        own[frames[-1]] += count
        for frame in set(frames):
            inclusive[frame] += count
    if not total:
        return "no samples"
    lines = [f"{total} samples", "", "inclusive:"]
    lines += [f"{100 * n / total:5.1f} %  {frame}" for frame, n in inclusive.most_common(top)]
    lines += ["", "self:"]
    lines += [f"{100 * n / total:5.1f} %  {frame}" for frame, n in own.most_common(top)]
    return "\n".join(lines)


if __name__ == "__main__":
    print(summarize(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 25))
