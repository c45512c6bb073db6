"""Search benchmark at scale: index build time and memory, search-service latency and recall
for realistic queries (bench/people.py), brute-force rapidfuzz over the same strings for
comparison, and the GraphQL search queries through a running server (wrk, c=1 and c=8).

    # data: 1M customers with unique international names, customers only (~25 s)
    .venv/bin/python bench/generate.py --customers 1000000 --international --database-url URL
    # service, brute force, and GraphQL against a server started on the same database
    .venv/bin/python bench/search.py --database-url URL [--queries 300] [--brute 30] \\
        [--graphql http://127.0.0.1:8000/graphql] [--seconds 15]

Recall@10 relative to brute force: over the queries run both ways, the share of queries whose
target brute force has in its top 10 that the index also has in its top 10.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from rapidfuzz import fuzz, process

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "backend"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.load import bench_token, wrk_run
from bench.people import people, queries

from clientele import database
from clientele.core import db
from clientele.customers.search.index import Doc, SearchIndex, score
from clientele.customers.search.service import SearchService
from clientele.customers.search.text import words

SEARCH_HITS = """query($q: String!) { searchCustomers(query: $q, first: 10) {
  customer { id displayName email } field value highlight { start end } } }"""
SEARCH_LIST = """query($q: String!) { customers(search: $q, first: 10) { totalCount
  edges { node { id displayName email } match { field value highlight { start end } } } } }"""


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def brute_string(doc: Doc) -> str:
    """Everything the index searches in identity mode, as one string per customer."""
    return " ".join([doc.name, doc.email, *doc.phones, doc.company])


async def build(database_url: str) -> tuple[SearchIndex, float, float]:
    database.configure(database_url)
    await db.start_pool()
    service = SearchService()
    before = rss_mb()
    started = time.perf_counter()
    await service.build()
    seconds = time.perf_counter() - started
    grown = rss_mb() - before
    await db.close_pool()
    return max(service.indexes.values(), key=len), seconds, grown


def run_service(index: SearchIndex, asked: list[tuple[str, str, object]]
                ) -> tuple[list[list], list[float]]:
    """Each query's ranked ids, and its time in ms."""
    for _kind, query, _target in asked[:20]:  # warm up
        index.search(query, 10)
    timings, per_kind, results = [], {}, []
    for kind, query, target in asked:
        started = time.perf_counter()
        hits = index.search(query, 10)
        timings.append((time.perf_counter() - started) * 1000)
        ranked = [h.id for h in hits]
        results.append(ranked)
        stats = per_kind.setdefault(kind, [0, 0, 0])
        stats[0] += 1
        stats[1] += target in ranked
        stats[2] += bool(ranked) and ranked[0] == target
    n = len(asked)
    top10 = sum(s[1] for s in per_kind.values()) / n
    first = sum(s[2] for s in per_kind.values()) / n
    print(f"service: {n} queries  p50 {pct(timings, .5):.1f} ms  p95 {pct(timings, .95):.1f} ms"
          f"  p99 {pct(timings, .99):.1f} ms  max {max(timings):.1f} ms")
    print(f"service: target in top 10 {top10:.1%}, first {first:.1%}")
    for kind, (count, in10, at1) in sorted(per_kind.items()):
        print(f"  {kind:<10} n={count:<4} top 10 {in10 / count:6.1%}  first {at1 / count:6.1%}")
    return results, timings


def run_brute(index: SearchIndex, asked: list[tuple[str, str, object]], ranked: list[list],
              count: int, service_p50_ms: float) -> None:
    """Two references on the same queries: rapidfuzz's WRatio over one string per customer
    (process.extract, in C), and the index's own scoring applied to every customer (no
    candidate pruning: what the index would answer if it looked at everyone)."""
    docs = [d for d in index.docs if d is not None]
    choices = [brute_string(d) for d in docs]
    step = max(1, len(asked) // count)
    picked = list(range(0, len(asked), step))[:count]
    for name in ("WRatio", "exhaustive"):
        times, found, both = [], 0, 0
        for i in picked:
            _kind, query, target = asked[i]
            folded = " ".join(words(query))
            started = time.perf_counter()
            if name == "WRatio":
                best = process.extract(folded or query, choices, scorer=fuzz.WRatio, limit=10)
                top = {docs[j].id for _s, _score, j in best}
            else:
                hits = score(docs, query, folded, False)
                hits.sort(key=lambda h: (-h.score, h.id))
                top = {h.id for h in hits[:10]}
            times.append(time.perf_counter() - started)
            found += target in top
            both += target in top and target in ranked[i]
        mean = statistics.fmean(times)
        index_found = sum(asked[i][2] in ranked[i] for i in picked) / len(picked)
        print(f"brute force {name} over {len(docs):,} customers, {len(picked)} queries: "
              f"{mean:.2f} s per query; target in top 10 {found / len(picked):.1%} "
              f"(index {index_found:.1%}); recall@10 relative to it "
              f"{both / found if found else float('nan'):.1%}; index "
              f"{mean * 1000 / service_p50_ms:.0f}× faster (its mean / index p50)")


PG_TRGM_EXPRESSION = ("lower(coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' || "
                      "coalesce(email, '') || ' ' || coalesce(mobile_phone, ''))")


async def run_pg_trgm(database_url: str, asked: list[tuple[str, str, object]]) -> None:
    """The usual alternative: PostgreSQL's pg_trgm (a contrib extension, so not available on
    the embedded database) with a GIN index over name, email and phone, ranked by similarity.
    Creates the extension and the index in the benchmark database if they are missing."""
    import asyncpg

    conn = await asyncpg.connect(database_url)
    try:
        await conn.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        started = time.perf_counter()
        await conn.execute(f"CREATE INDEX IF NOT EXISTS bench_customer_trgm ON customer "
                           f"USING gin (({PG_TRGM_EXPRESSION}) gin_trgm_ops)")
        print(f"pg_trgm: GIN index ready in {time.perf_counter() - started:.1f} s")
        sql = (f"SELECT id FROM customer WHERE {PG_TRGM_EXPRESSION} % $1 "
               f"ORDER BY similarity({PG_TRGM_EXPRESSION}, $1) DESC LIMIT 10")
        for _kind, query, _target in asked[:10]:  # warm up
            await conn.fetch(sql, query.lower())
        timings, found = [], 0
        for _kind, query, target in asked:
            started = time.perf_counter()
            rows = await conn.fetch(sql, query.lower())
            timings.append((time.perf_counter() - started) * 1000)
            found += target in [r["id"] for r in rows]
        print(f"pg_trgm: {len(asked)} queries  p50 {pct(timings, .5):.1f} ms  p95 "
              f"{pct(timings, .95):.1f} ms  target in top 10 {found / len(asked):.1%}")
    finally:
        await conn.close()


async def run_graphql(url: str, database_url: str, asked: list[tuple[str, str, object]],
                      seconds: int) -> None:
    token = await bench_token(database_url)
    for name, document in (("searchCustomers", SEARCH_HITS), ("customers(search)", SEARCH_LIST)):
        bodies = tempfile.mktemp(suffix=".bodies")
        Path(bodies).write_text("\n".join(json.dumps(
            {"query": document, "variables": {"q": query}}) for _k, query, _t in asked))
        for concurrency in (1, 8):
            wrk_run(url, token, bodies, concurrency, seconds, name=name)


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL"))
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--brute", type=int, default=30, help="queries also run brute-force")
    parser.add_argument("--seed", type=int, default=1, help="bench/generate.py's --seed")
    parser.add_argument("--graphql", help="URL of a running server's /graphql on the same data")
    parser.add_argument("--seconds", type=int, default=15, help="duration of each wrk run")
    parser.add_argument("--pg-trgm", action="store_true",
                        help="also time PostgreSQL's pg_trgm on the same queries (needs the "
                             "extension: the machine's PostgreSQL, not the embedded one)")
    parser.add_argument("--graphql-only", action="store_true",
                        help="skip the in-process index (the server has its own)")
    args = parser.parse_args()
    print(f"{platform.node()} · {os.cpu_count()} cores · {time.strftime('%Y-%m-%d %H:%M')}")
    if args.graphql_only:
        database.configure(args.database_url)
        await db.start_pool()
        count = (await db.fetch_records("SELECT count(*) AS n FROM customer"))[0]["n"]
        await db.close_pool()
        rng = random.Random(7)
        asked = queries(rng.sample(list(people(count, args.seed)), args.queries), rng)
        await run_graphql(args.graphql, args.database_url, asked, args.seconds)
        return

    index, seconds, grown = await build(args.database_url)
    postings = sum(len(p) for p in index.postings.values())
    text_postings = sum(len(p) for p in index.text_postings.values())
    print(f"index: {len(index):,} customers built in {seconds:.1f} s; RSS +{grown:.0f} MB "
          f"({grown * 1024 * 1024 / max(1, len(index)):.0f} B per customer); "
          f"{len(index.postings):,} trigrams, {postings:,} identity postings, "
          f"{text_postings:,} full-text postings")

    everyone = list(people(len(index), args.seed))
    known = [p for p in everyone if p.id in index.by_id]
    if len(known) < len(everyone) // 2:
        sys.exit("the database was not made by bench/generate.py --international with this "
                 "--seed and customer count")
    rng = random.Random(7)
    asked = queries(rng.sample(known, args.queries), rng)
    ranked, timings = run_service(index, asked)
    if args.brute:
        run_brute(index, asked, ranked, args.brute, pct(timings, 0.5))
    if args.pg_trgm:
        await run_pg_trgm(args.database_url, asked)
    if args.graphql:
        del index, everyone, known  # the server holds its own index
        await run_graphql(args.graphql, args.database_url, asked, args.seconds)


if __name__ == "__main__":
    asyncio.run(main())
