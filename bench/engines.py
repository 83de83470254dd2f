"""`python -m bench.engines`: the database layer alone, SQLite against PostgreSQL.

Each unit is what a typical update does to the database: store it in the inbox, claim it
(`Database.unit`), read and save a profile, commit before the reply (`flush`), then one more
write after it. Units run one at a time and `--concurrency` at once; the table gives units per
second and the bot process's CPU per unit (the database server's own CPU is not counted).
PostgreSQL is a throwaway server started like the tests' (tests.postgres_cluster), or the
empty database at `--postgres-url`. This is not the bot's benchmark (bench/__main__): no Bot
API, no handlers; it shows what each engine costs per update.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from db import Database
from knowledge.profile import Profile


@dataclass(frozen=True)
class EngineResult:
    engine: str
    concurrency: int
    units: int
    units_per_second: float
    cpu_us_per_unit: float


async def _unit(db: Database, update_id: int) -> None:
    await db.processed_updates.store([(update_id, {"update_id": update_id})])
    async with db.unit(update_id, known_new=True) as fresh:
        assert fresh
        await db.profiles.get(update_id % 97)
        await db.profiles.save(update_id, Profile(years=update_id % 50))
        await db.flush()  # what bot.delivery does before the reply
        await db.unanswered.record(f"question {update_id % 13}", date(2027, 1, 4))


async def measure(target: str | Path, engine: str, units: int, concurrency: int,
                  first_id: int = 1) -> EngineResult:
    db = Database(target)
    await db.open()
    try:
        await asyncio.gather(*(_unit(db, first_id + i) for i in range(min(units, 50))))  # warm
        start_id = first_id + units
        cpu, wall = time.process_time(), time.perf_counter()
        for batch in range(0, units, concurrency):
            await asyncio.gather(*(_unit(db, start_id + batch + i)
                                   for i in range(min(concurrency, units - batch))))
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    finally:
        await db.close()
    return EngineResult(engine, concurrency, units, units / wall, cpu / units * 1e6)


@contextmanager
def _postgres(url: str | None) -> Iterator[str]:
    if url:
        yield url
        return
    from tests.postgres_cluster import PostgresCluster

    cluster = PostgresCluster.create()
    try:
        yield cluster.create_database()
    finally:
        cluster.destroy()


def run(units: int, concurrencies: list[int], postgres_url: str | None) -> list[EngineResult]:
    results = []
    with tempfile.TemporaryDirectory() as scratch, _postgres(postgres_url) as url:
        for index, concurrency in enumerate(concurrencies):
            first_id = 1 + index * 2 * (units + 50)  # fresh ids: one database for every run
            results.append(asyncio.run(measure(Path(scratch) / "bench.sqlite3", "SQLite",
                                               units, concurrency, first_id)))
            results.append(asyncio.run(measure(url, "PostgreSQL", units, concurrency,
                                               first_id)))
    return results


def table(results: list[EngineResult]) -> list[str]:
    lines = ["| engine | at once | units/s | bot CPU per unit |", "|---|---|---|---|"]
    lines += [f"| {r.engine} | {r.concurrency} | {r.units_per_second:,.0f} | "
              f"{r.cpu_us_per_unit:,.0f} µs |" for r in results]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.engines", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--units", type=int, default=2000)
    parser.add_argument("--concurrency", default="1,16",
                        help="units at once, comma-separated (default 1,16)")
    parser.add_argument("--postgres-url", default=None,
                        help="an empty PostgreSQL database (default: a throwaway server)")
    arguments = parser.parse_args(argv)
    concurrencies = [int(part) for part in arguments.concurrency.split(",") if part.strip()]
    print("\n".join(table(run(arguments.units, concurrencies, arguments.postgres_url))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
