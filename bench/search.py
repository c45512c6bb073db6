"""Search benchmark: build the in-process index from a database's customers, then time typo,
truncation, phone and email-prefix queries aimed at known customers, and compare with
brute-force rapidfuzz over every name (recall@10 of the index relative to brute force).

    .venv/bin/python bench/search.py --database-url URL [--queries 300] [--brute 20]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import resource
import sys
import time
from pathlib import Path

from rapidfuzz import fuzz, process

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "backend"))

from clientele.core import db
from clientele.customers.search.service import SearchService
from clientele.customers.search.text import words


def typo(word: str, rng: random.Random) -> str:
    if len(word) < 5:
        return word
    i = rng.randrange(1, len(word) - 1)
    return word[:i] + word[i + 1] + word[i] + word[i + 2:]


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL"))
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--brute", type=int, default=20, help="queries also run brute-force")
    args = parser.parse_args()
    db.configure(args.database_url)
    await db.start_pool()
    service = SearchService()
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    await service.build()
    build = time.perf_counter() - started
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    index = max(service.indexes.values(), key=len)
    print(f"index: {len(index):,} customers in {build:.1f} s; process peak RSS "
          f"{rss_before:.0f} → {rss_after:.0f} MB")
    rng = random.Random(7)
    docs = [d for d in rng.sample([d for d in index.docs if d is not None], args.queries)]
    queries = []
    for n, doc in enumerate(docs):
        name_words = doc.display.split()
        kind = n % 4
        if kind == 0 and name_words:
            query = " ".join([*name_words[:-1], typo(name_words[-1], rng)])
        elif kind == 1 and name_words:
            query = f"{name_words[-1]} {name_words[0][:3]}"
        elif kind == 2 and doc.phones:
            phone = doc.phones[-1][-7:]  # the last seven digits, spaced as read aloud
            query = f"{phone[:3]} {phone[3:5]} {phone[5:]}"
        else:
            query = doc.email.split("@")[0]  # the whole local part, as typed
        queries.append((["name-typo", "name-swap", "phone", "email"][kind], query, doc.id))
    timings: list[float] = []
    found: dict[str, list[int]] = {}
    for kind, query, target in queries:
        t = time.perf_counter()
        hits = index.search(query, 10)
        timings.append((time.perf_counter() - t) * 1000)
        hit_ids = [h.id for h in hits]
        found.setdefault(kind, []).append(int(target in hit_ids))
    n = len(queries)
    print(f"index: {n} queries  p50 {pct(timings, .5):.1f} ms  p95 {pct(timings, .95):.1f} ms")
    for kind, hits_of_kind in found.items():
        print(f"  {kind:<10} target in top 10: {sum(hits_of_kind) / len(hits_of_kind):.1%}"
              " (names repeat in this data set, so name queries are ambiguous)"
              if kind.startswith("name") else
              f"  {kind:<10} target in top 10: {sum(hits_of_kind) / len(hits_of_kind):.1%}")
    names = [d.name for d in index.docs if d is not None]
    ids = [d.id for d in index.docs if d is not None]
    brute_times, agree = [], 0
    for _kind, query, target in queries[:args.brute:4]:  # name queries only
        t = time.perf_counter()
        best = process.extract(" ".join(words(query)), names, scorer=fuzz.token_sort_ratio,
                               limit=10)
        brute_times.append(time.perf_counter() - t)
        brute_ids = {ids[i] for _name, _score, i in best}
        agree += target in brute_ids and target in [h.id for h in index.search(query, 10)]
    if brute_times:
        print(f"brute force over {len(names):,} names: {sum(brute_times) / len(brute_times):.2f}"
              f" s per query ({len(brute_times)} queries); index found the brute-force target "
              f"in {agree}/{len(brute_times)}")
    await db.close_pool()


if __name__ == "__main__":
    asyncio.run(main())
