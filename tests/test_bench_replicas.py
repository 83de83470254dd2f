"""bench.replicas in a tiny configuration, on the session's PostgreSQL server: every set-up's
updates are delivered by webhook and answered, the two replicas share the load, the table has a
row for each. No timing is asserted (the benchmark reports speed; tests do not check it)."""

from __future__ import annotations

from pathlib import Path

from bench.__main__ import KEPT_MARKER, kept_section
from bench.fake_server import RunConfig
from bench.replicas import SETUPS, run, table
from tests.postgres_cluster import PostgresCluster


def test_tiny_replica_benchmark_answers_every_update_on_each_set_up(
        postgres: PostgresCluster) -> None:
    config = RunConfig(users=3, warmup=0.3, saturate=1.0, paced=1.0, think=0.05)

    results = run(config, runs=1, cluster=postgres, progress=False)

    assert set(results) == {"sqlite", "pg-1", "pg-2"}
    for setup in SETUPS:
        (result,) = results[setup.key]
        assert result["probe"]["/start#0"]["replies"] == 1, setup.key
        assert not result["problems"] and not result["delivery_failures"], setup.key
        # Round-robin: with two replicas each got updates.
        assert len(result["delivered"]) == setup.replicas, setup.key
        assert all(count > 0 for count in result["delivered"].values()), setup.key
        for name, phase in result["phases"].items():
            answered = sum(len(samples) for samples in phase["latencies"].values())
            assert answered > 0, (setup.key, name)
            assert phase["missed"] == {} and phase["extra_replies"] == 0, (setup.key, name)
            assert phase["bot_cpu_seconds"] > 0, (setup.key, name)
            assert ("database_cpu_seconds" in phase) == setup.postgres, (setup.key, name)
    lines = table(results, config)
    assert len(lines) == 2 + len(SETUPS)
    assert [line.split(" | ")[0] for line in lines[2:]] == [f"| {s.name}" for s in SETUPS]


def test_rewriting_the_results_keeps_the_replica_section(tmp_path: Path) -> None:
    """`dev.py bench` rewrites RESULTS.md; the section of bench.replicas at its end stays."""
    results = tmp_path / "RESULTS.md"
    assert kept_section(results) == ""
    results.write_text("# Benchmark results\nold table\n", encoding="utf-8")
    assert kept_section(results) == ""
    section = f"{KEPT_MARKER}\n## SQLite against PostgreSQL\n| a row |\n"
    results.write_text(f"# Benchmark results\nold table\n\n{section}", encoding="utf-8")
    assert kept_section(results) == "\n" + section
