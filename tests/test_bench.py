"""The benchmark machinery in a tiny configuration: every update answered, the table written.

No timing is asserted: speed is what the benchmark reports, not what the tests check.
"""

from __future__ import annotations

import json
from pathlib import Path

from bench.__main__ import main


def test_tiny_benchmark_answers_every_update_and_writes_the_table(tmp_path: Path) -> None:
    output, raw = tmp_path / "RESULTS.md", tmp_path / "raw.json"
    assert main(["--runs", "1", "--users", "3", "--seconds", "1", "--warmup", "0.3",
                 "--think", "0.05", "--output", str(output), "--raw", str(raw),
                 "--bots", "bot,echo", "--no-capacity", "--quiet"]) == 0

    results = json.loads(raw.read_text())
    assert set(results) == {"bot", "echo"}
    for kind, runs in results.items():
        (run,) = runs
        assert run["probe"]["/start#0"]["replies"] == 1, kind
        assert not run["problems"], (kind, run["problems"])
        for name, phase in run["phases"].items():
            answered = sum(len(samples) for samples in phase["latencies"].values())
            assert answered > 0, (kind, name)
            assert phase["missed"] == {}, (kind, name, phase["missed"])
            assert phase["extra_replies"] == 0, (kind, name)
        assert run["peak_rss_mb"] > 0 and run["startup_to_polling"] > 0
    burst = results["bot"][0]["burst"]
    assert burst["ran"] and burst["recorded"] == burst["members"] == 200
    assert burst["recorded_right"] == burst["right"]
    table = output.read_text()
    assert "| figure | full bot | echo bot | full bot ÷ echo bot | goal |" in table
    assert "| updates per second" in table and "## The machine" in table
