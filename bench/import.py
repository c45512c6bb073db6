"""Customer import benchmark (issue 12): a generated CSV of N rows imported end to end in this
process (upload -> analysis -> commit -> run), with each phase's time and rows/s, the
process's peak RSS, and the floor: the raw COPY of the same staged rows into the same staging
table, measured in the same run.

    .venv/bin/python bench/import.py --rows 1000000 [--database-url URL_OF_A_SERVER] [--keep]

A scratch database `clientele_bench_import_<pid>` is created on that server (DATABASE_URL when
not given), migrated, used and dropped at the end (--keep leaves it). The CSV (bench/people.py's
international names, an email each, a Swiss mobile on every other row, company and city, one
row in a hundred repeating an earlier row's email in other case: an in-file duplicate) is
written to a temporary file first and not counted. Peak RSS: the kernel's maxrss
(resource.getrusage) and a thread sampling RSS every 20 ms (psutil), alone and with the
child processes (the row workers and their fork server). The event loop's stalls: how late a
10 ms sleep wakes, per phase. The floor is timed after the import: the staged records are made
again (not timed) and only their COPY is timed.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import functools
import os
import platform
import random
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "backend"))
sys.path.insert(0, str(ROOT))

from bench.people import FIRST_NAMES  # noqa: E402
from bench.scratch import RssSampler, create_database, drop_database  # noqa: E402

from clientele import database  # noqa: E402
from clientele.core import db  # noqa: E402
from clientele.demo_data import LAST_NAMES, email_for  # noqa: E402

CITIES = ["Bern", "Zürich", "Genève", "Lausanne", "Basel", "Lugano", "St. Gallen", "Chur"]


def _person(i: int) -> tuple[str, str]:
    mixed = (i * 2654435761) % 2**32  # the same names for the same i, spread over the lists
    return FIRST_NAMES[mixed % len(FIRST_NAMES)], LAST_NAMES[(mixed >> 8) % len(LAST_NAMES)]


def write_csv(path: Path, rows: int, seed: int = 12) -> None:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("First name,Last name,Email,Mobile,Company,City\r\n")
        for i in range(rows):
            first, last = _person(i)
            email = email_for(first, last, i)
            if i > 100 and i % 100 == 0:  # an earlier row's person again, email in capitals
                j = rng.randrange(i)
                first, last = _person(j)
                email = email_for(first, last, j).upper()
            mobile = f"+41 79 {i // 10000 % 1000:03d} {i % 10000 // 100:02d} {i % 100:02d}" \
                if i % 2 else ""
            out.write(f"{first},{last},{email},{mobile},Firma {i % 5000},"
                      f"{CITIES[i % len(CITIES)]}\r\n")



TIMES: dict[str, float] = {}


def _timed(module: Any, name: str, label: str | None = None) -> None:
    original = getattr(module, name)
    key = label or name
    if asyncio.iscoroutinefunction(original):
        @functools.wraps(original)
        async def wrapper(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return await original(*args, **kwargs)
            finally:
                TIMES[key] = TIMES.get(key, 0.0) + time.perf_counter() - started
    else:
        @functools.wraps(original)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                TIMES[key] = TIMES.get(key, 0.0) + time.perf_counter() - started
    setattr(module, name, wrapper)


def instrument() -> None:
    from clientele.customers.imports import jobs, staging

    _timed(jobs, "_staged", "read, clean and COPY the file (wall)")
    for name in ("copy", "group_people", "keep", "kept", "match_people", "count", "preview",
                 "reject_invalid_rows", "write", "_insert", "_update", "_sort_names", "forget"):
        if hasattr(staging, name):  # (older versions lack some)
            _timed(staging, name)


async def watch_loop(stalls: list[tuple[float, float]]) -> None:
    """The event loop's stalls: how late a 10 ms sleep wakes up (when, how late)."""
    while True:
        mark = time.perf_counter()
        await asyncio.sleep(0.01)
        now = time.perf_counter()
        stalls.append((now, now - mark - 0.01))


async def run(url: str, csv_path: Path, rows: int) -> dict[str, Any]:
    from clientele.accounts.principal import Actor
    from clientele.accounts.services import ensure_default_account
    from clientele.customers.imports import jobs

    database.configure(url)
    account = await ensure_default_account("CH")
    actor = Actor(account.id, "CH", None, "bench")
    phases: dict[str, float] = {}
    stalls: list[tuple[float, float]] = []
    watcher = asyncio.create_task(watch_loop(stalls))
    started = time.perf_counter()
    with csv_path.open("rb") as upload:
        job_id = await jobs.create(actor, "bench.csv", upload)
    phases["upload"] = time.perf_counter() - started
    mark = time.perf_counter()
    await jobs.run_pending()
    phases["analysis"] = time.perf_counter() - mark
    analysed_at = time.perf_counter()
    job = await jobs.get(account.id, job_id)
    assert job is not None and job["status"] == "READY", job
    mark = time.perf_counter()
    await jobs.commit(actor, job_id, jobs.Duplicates.FILL, jobs.ErrorPolicy.IMPORT_VALID)
    await jobs.run_pending()
    phases["commit + run"] = time.perf_counter() - mark
    phases["end to end"] = time.perf_counter() - started
    watcher.cancel()
    job = await jobs.get(account.id, job_id)
    assert job is not None and job["status"] == "SUCCEEDED", job
    return {"phases": phases, "counts": job["counts"],
            "stalls": {"analysis": sorted(s for t, s in stalls if t <= analysed_at),
                       "run": sorted(s for t, s in stalls if t > analysed_at)}}


async def copy_floor(url: str, csv_path: Path) -> tuple[float, int]:
    """Seconds to COPY the staged records of the file into the staging table (only the COPY
    is timed; the records are made as the import makes them)."""
    from clientele.customers import custom_fields
    from clientele.customers.imports import jobs, staging
    from clientele.customers.imports.mapping import suggest
    from clientele.customers.imports.reading import open_sheet
    from clientele.customers.imports.rows import RowRules

    database.configure(url)
    spent, count = 0.0, 0
    async with db.transaction():
        with csv_path.open("rb") as handle:
            sheet = open_sheet(handle)
            mapping = suggest(sheet.header, [])
            account = await db.fetch("SELECT id FROM account LIMIT 1")
            definitions = await custom_fields.definitions(account[0]["id"])
            rules = RowRules(mapping.targets(), "CH", definitions)
            await staging.create_staging()
            numbered = sheet.numbered_rows()
            while batch := jobs._stage_batch(jobs._take(numbered), rules):
                mark = time.perf_counter()
                await db.copy_records(staging.STAGED, batch,
                                      staging.STAGED_COLUMNS)  # type: ignore[attr-defined]
                spent += time.perf_counter() - mark
                count += len(batch)
        await staging.drop()
    return spent, count



def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL"),
                        help="a PostgreSQL server (a scratch database is created on it)")
    parser.add_argument("--keep", action="store_true", help="keep the scratch database")
    args = parser.parse_args()
    if not args.database_url:
        raise SystemExit("give --database-url (or DATABASE_URL)")
    name = f"clientele_bench_import_{os.getpid()}"
    with tempfile.TemporaryDirectory() as folder:
        csv_path = Path(folder) / "bench.csv"
        write_csv(csv_path, args.rows)
        memory = psutil.virtual_memory().total / 2**30
        print(f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC; {platform.machine()}, "
              f"{os.cpu_count()} cores, {memory:.0f} GiB; Python {platform.python_version()}; "
              f"{args.rows:,} rows, CSV {csv_path.stat().st_size / 1e6:.1f} MB", flush=True)
        url = asyncio.run(create_database(args.database_url, name))
        try:
            instrument()
            sampler = RssSampler()
            sampler.start()
            rss_before = psutil.Process().memory_info().rss
            result = asyncio.run(run(url, csv_path, args.rows))
            sampler.running = False
            sampler.join()
            maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
            floor, copied = asyncio.run(copy_floor(url, csv_path))
        finally:
            if not args.keep:
                asyncio.run(drop_database(args.database_url, name))
    rows = args.rows
    print(f"counts: {result['counts']}")
    for phase, seconds in result["phases"].items():
        print(f"  {phase:<14} {seconds:7.2f} s  {rows / seconds:>10,.0f} rows/s")
    print("  of which (analysis and run together):")
    for phase, seconds in TIMES.items():
        print(f"    {phase:<36} {seconds:7.2f} s")
    end_to_end = result["phases"]["end to end"]
    print(f"floor: COPY of the same {copied:,} staged rows into the staging table "
          f"{floor:.2f} s = {copied / floor:,.0f} rows/s; end to end is "
          f"{end_to_end / floor:.1f}x the floor")
    for phase, stalls in result["stalls"].items():
        print(f"event loop during the {phase}: longest stall {stalls[-1] * 1000:.0f} ms, "
              f"{sum(1 for s in stalls if s > 0.05)} of {len(stalls):,} 10 ms sleeps woke "
              f"over 50 ms late, p99 {stalls[int(len(stalls) * 0.99)] * 1000:.1f} ms")
    print(f"peak RSS: {maxrss / 2**20:.0f} MB (maxrss), {sampler.peak / 2**20:.0f} MB sampled "
          f"(before the import {rss_before / 2**20:.0f} MB); with the row workers "
          f"{sampler.peak_with_children / 2**20:.0f} MB (RSS summed, shared pages counted "
          f"in each)")


if __name__ == "__main__":
    main()
