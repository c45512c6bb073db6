"""Search memory per tenant: per-process RSS of the search service at N customers spread over 1,
100 and 10,000 accounts, with SEARCH_MEMORY_MB unset and set, and what searches cost meanwhile.

    .venv/bin/python bench/search_memory.py \\
        --database-url postgresql://postgres@127.0.0.1:5432/postgres \\
        [--customers 1000000] [--layouts 1,100,10000] [--budgets none,256] [--queries 2000]

For each layout: a scratch database on that server, `bench/generate.py --international
--accounts N` loaded into it (COPY), and a query mix drawn from its customers (bench/people.py's
realistic query kinds): a warm-up that searches every account once (1 and 100 accounts) or a
Zipf-like draw (s = 1, ranks shuffled) over the 10,000, then a measured draw of the same kind.
For each budget, a fresh process imports the whole app, starts the app's search service
(`search.service.running`, as the lifespan does) and runs the mix through
`customers.listing.quick_search` (searchCustomers' path: the index, or the database while an
index is not loaded), one query after another. The parent samples that process's RSS (psutil,
every 20 ms; bench/scratch.RssSampler). Printed per run: RSS at start, peak, and after the
measured mix; what the service's estimate (SearchIndex.footprint) says it holds against the
RSS growth; latency p50/p95 of all searches, of those the index answered and of those the
database answered; loads and evictions; RSS after dropping every index, and after glibc's
malloc_trim(0). The scratch database is dropped afterwards.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import asyncpg

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "backend"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.scratch import RssSampler, create_database, drop_database

MB = 1024 * 1024


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


# the parent ----------------------------------------------------------------------------------
async def query_mix(url: str, accounts: int, queries: int, seed: int) -> dict[str, list]:
    """(account, query) pairs: warm-up and measured draws; up to 20 customers per account
    are the targets (random), each asked in one of bench/people.py's query kinds."""
    from bench.people import KINDS, Person, query_for

    conn = await asyncpg.connect(url)
    rows = await conn.fetch(
        """SELECT * FROM (SELECT account, id, first_name, last_name, email, mobile_phone,
                                 row_number() OVER (PARTITION BY account ORDER BY random()) AS r
                          FROM customer) AS s WHERE r <= 20""")
    await conn.close()
    by_account: dict[str, list[Person]] = {}
    for row in rows:
        by_account.setdefault(str(row["account"]), []).append(Person(
            id=row["id"], first=row["first_name"], last=row["last_name"], email=row["email"],
            phone=row["mobile_phone"], company=None, city="", notes=None))
    rng = random.Random(seed)
    ranked = sorted(by_account)
    rng.shuffle(ranked)  # the busiest accounts are not the first created
    weights = [1 / rank for rank in range(1, len(ranked) + 1)]

    def ask(account: str) -> tuple[str, str]:
        return account, query_for(rng.choice(by_account[account]), rng.choice(KINDS), rng)

    if accounts <= 100:
        warm = [ask(a) for a in ranked]  # every account once
        measured = [ask(a) for a in ranked * max(1, queries // len(ranked))][:queries]
        rng.shuffle(measured)
        if accounts > 1:  # and a Zipf-like draw on top
            measured = [ask(a) for a in rng.choices(ranked, weights, k=queries)]
    else:
        warm = [ask(a) for a in rng.choices(ranked, weights, k=queries)]
        measured = [ask(a) for a in rng.choices(ranked, weights, k=queries)]
    return {"warm": warm, "measured": measured}


def run_child(url: str, mix_path: str, budget: str) -> dict:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    child = subprocess.Popen([sys.executable, __file__, "--child", url, mix_path, budget],
                             stdout=subprocess.PIPE, text=True, env=env)
    sampler = RssSampler(child.pid)
    sampler.start()
    out, _ = child.communicate()
    sampler.running = False
    sampler.join()
    if child.returncode:
        raise SystemExit(f"the search process failed ({child.returncode})")
    result = json.loads(out.strip().splitlines()[-1])
    result["peak_mb"] = sampler.peak / MB
    return result


def report(layout: int, budget: str, r: dict) -> None:
    grown = r["rss_after_mb"] - r["rss_start_mb"]
    held = r["held_mb"]
    print(f"{layout:>6} accounts  SEARCH_MEMORY_MB={budget:<5} RSS start {r['rss_start_mb']:.0f} MB"
          f"  peak {r['peak_mb']:.0f} MB  after the mix {r['rss_after_mb']:.0f} MB"
          f"  (indexes: {r['indexes']} loaded, {r['customers']:,} customers, estimate "
          f"{held:.0f} MB vs RSS growth {grown:.0f} MB: {held / grown if grown > 0 else 0:.2f})",
          flush=True)
    print(f"        searches: {r['n']}  p50 {r['p50']:.1f} ms  p95 {r['p95']:.1f} ms;  index "
          f"{r['index_share']:.1%} (p50 {r['index_p50']:.1f} ms), database "
          f"(p50 {r['db_p50']:.1f} ms);  loads {r['loads']}, evictions {r['evictions']}, "
          f"too large {r['too_large']};  warm-up {r['warm_seconds']:.0f} s", flush=True)
    print(f"        every index dropped: RSS {r['rss_dropped_mb']:.0f} MB, after malloc_trim "
          f"{r['rss_trimmed_mb']:.0f} MB", flush=True)


async def parent(args: argparse.Namespace) -> None:
    from bench.generate import load

    layouts = [int(x) for x in args.layouts.split(",")]
    if len(layouts) > 1:  # one process per layout: the engine is configured once per process
        for layout in layouts:
            subprocess.run([sys.executable, __file__, *sys.argv[1:], "--layouts", str(layout)],
                           check=True)
        return
    print(f"{platform.node()} · {os.cpu_count()} cores · {time.strftime('%Y-%m-%d %H:%M %Z')}"
          f" · {args.customers:,} customers", flush=True)
    for layout in layouts:
        name = f"bench_search_memory_{layout}"
        url = await create_database(args.database_url, name)
        try:
            started = time.perf_counter()
            await load(url, args.customers, 1, international=True, accounts=layout)
            print(f"{layout} accounts: data loaded in {time.perf_counter() - started:.0f} s",
                  flush=True)
            mix = await query_mix(url, layout, args.queries if layout > 1 else args.single,
                                  seed=7)
            with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
                json.dump(mix, f)
            for budget in args.budgets.split(","):
                report(layout, budget, run_child(url, f.name, budget))
            os.unlink(f.name)
        finally:
            await drop_database(args.database_url, name)


# the search process -------------------------------------------------------------------------
def rss_mb() -> float:
    import psutil

    return psutil.Process().memory_info().rss / MB


async def child(url: str, mix_path: str, budget: str) -> None:
    import ctypes
    import gc
    import uuid

    from clientele import database
    from clientele.app import tune_garbage_collector
    from clientele.core import db, pubsub
    from clientele.customers.listing import quick_search
    from clientele.customers.search.service import running

    mix = json.loads(Path(mix_path).read_text())
    database.configure(url)
    await db.start_pool()
    await pubsub.connect("memory://")
    memory_mb = None if budget == "none" else float(budget)
    async with running(memory_mb) as service:
        tune_garbage_collector()
        rss_start = rss_mb()

        async def idle() -> None:
            while service.loading:
                await asyncio.gather(*service.loading.values(), return_exceptions=True)

        started = time.perf_counter()
        for account, query in mix["warm"]:
            await quick_search(uuid.UUID(account), query, 10)
            await asyncio.sleep(0)  # as between two requests: loads take their turns
        await idle()
        warm_seconds = time.perf_counter() - started
        timings: list[float] = []
        by_index: list[float] = []
        by_database: list[float] = []
        for account, query in mix["measured"]:
            t0 = time.perf_counter()
            answer = await quick_search(uuid.UUID(account), query, 10)
            ms = (time.perf_counter() - t0) * 1000
            timings.append(ms)
            (by_index if answer.ranked else by_database).append(ms)
            await asyncio.sleep(0)
        await idle()
        gc.collect()
        rss_after = rss_mb()
        result = {
            "rss_start_mb": rss_start, "rss_after_mb": rss_after,
            "held_mb": service.held_bytes() / MB, "indexes": len(service.indexes),
            "customers": sum(len(i) for i in service.indexes.values()),
            "n": len(timings), "p50": pct(timings, .5), "p95": pct(timings, .95),
            "index_share": len(by_index) / len(timings), "index_p50": pct(by_index, .5),
            "db_p50": pct(by_database, .5), "loads": service.loads,
            "evictions": service.evictions, "too_large": len(service.too_large),
            "warm_seconds": warm_seconds,
        }
        service.clear()  # every index dropped, as eviction drops one
        gc.collect()
        result["rss_dropped_mb"] = rss_mb()
        ctypes.CDLL("libc.so.6").malloc_trim(0)
        result["rss_trimmed_mb"] = rss_mb()
    await pubsub.disconnect()
    await db.close_pool()
    print(json.dumps(result))


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        asyncio.run(child(*sys.argv[2:5]))
        return
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL"),
                        help="a PostgreSQL server where scratch databases may be made")
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--layouts", default="1,100,10000", help="account counts")
    parser.add_argument("--budgets", default="none,256", help="SEARCH_MEMORY_MB values")
    parser.add_argument("--queries", type=int, default=2000, help="searches per mix")
    parser.add_argument("--single", type=int, default=100,
                        help="searches per mix with one account (the database may answer "
                             "them all, ~1 s each at 1M)")
    args = parser.parse_args()
    if not args.database_url:
        parser.error("--database-url (or DATABASE_URL) is needed")
    asyncio.run(parent(args))


if __name__ == "__main__":
    main()
