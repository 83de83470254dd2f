"""The benchmark machinery in a tiny configuration: every update answered, the table written.

No timing is asserted: speed is what the benchmark reports, not what the tests check. The
aiogram peer needs its own environment (made from PyPI on the first `dev.py bench`), so the
tiny run compares the full bot (on uvloop and on asyncio's own loop) with the two
python-telegram-bot peers.
"""

from __future__ import annotations

import json
from pathlib import Path

from bench.__main__ import main
from bench.engines import run, table
from bench.profiling import costs, read_stacks
from tests.postgres_cluster import PostgresCluster


def test_tiny_benchmark_answers_every_update_and_writes_the_table(tmp_path: Path) -> None:
    output, raw = tmp_path / "RESULTS.md", tmp_path / "raw.json"
    assert main(["--runs", "1", "--users", "3", "--seconds", "1", "--warmup", "0.3",
                 "--think", "0.05", "--output", str(output), "--raw", str(raw),
                 "--bots", "bot,bot-asyncio,ptb-httpx,ptb-aiohttp", "--no-capacity",
                 "--no-profile",
                 "--quiet"]) == 0

    results = json.loads(raw.read_text())
    assert set(results) == {"bot", "bot-asyncio", "ptb-httpx", "ptb-aiohttp"}
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
    assert burst["recorded_right"] == burst["right"] and burst["leaderboard_ok"]
    assert burst["stored_in_seconds"] is not None
    assert burst["chatters"] == 50 and burst["chat"]["updates"] > 0
    assert burst["chat"]["missed"] == {}
    table = output.read_text()
    assert "**Fastest peer: PTB echo, " in table
    assert ("| figure | full bot | PTB echo, httpx · full bot ÷ it | "
            "PTB echo, aiohttp · full bot ÷ it | goal |") in table
    assert "| updates per second" in table and "## The machine" in table
    # The full bot runs on uvloop; the same figures on the peers' loop, asyncio's own:
    assert "on that loop the full bot does" in table
    assert ("| figure | full bot on asyncio's loop | PTB echo, httpx · full bot on asyncio's "
            "loop ÷ it |") in table
    assert "all stored" in table


def test_profile_costs_charge_each_sample_to_its_innermost_known_layer(tmp_path: Path) -> None:
    samples = tmp_path / "profile.txt"
    samples.write_text(
        "main (bot/__main__.py:5);reply (handlers/render.py:63);"
        "BaseRequest.post (telegram/request/_baserequest.py:198);"
        "_SelectorSocketTransport.write (asyncio/selector_events.py:1057) 3\n"
        "main (bot/__main__.py:5);reply (handlers/render.py:63);"
        "Message.de_json (telegram/_message.py:1826);"
        "TelegramObject.__setattr__ (telegram/_telegramobject.py:158) 1\n"
        "Thread.run (threading.py:982);_connection_worker_thread (aiosqlite/core.py:59) 4\n"
        "not a sample line\n", encoding="utf-8")

    found = costs(read_stacks(samples))

    assert [(c.layer.split()[0], c.share) for c in found] == [
        ("SQLite", 0.5), ("HTTP:", 0.375), ("PTB's", 0.125)]
    assert found[1].frames == [
        ("_SelectorSocketTransport.write (asyncio/selector_events.py)", 0.375)]


def test_engines_benchmark_runs_every_unit_on_both_engines(postgres: PostgresCluster) -> None:
    results = run(units=20, concurrencies=[1, 4], postgres_url=postgres.create_database())
    assert [(r.engine, r.concurrency) for r in results] == [
        ("SQLite", 1), ("PostgreSQL", 1), ("SQLite", 4), ("PostgreSQL", 4)]
    assert all(r.units == 20 and r.units_per_second > 0 for r in results)
    assert len(table(results)) == 2 + len(results)
