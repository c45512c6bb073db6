"""Profile-query benchmark: p50/p95 latency and throughput over HTTP against a running server,
and the same profile read as one raw asyncpg statement (the floor), in the same run.

    .venv/bin/python bench/profile.py --url http://127.0.0.1:8000/graphql \\
        --database-url postgresql://…  [--requests 2000] [--concurrency 1 32]

The profile is one customer by ID, its latest 20 appointments, each with all its messages.
Customers are drawn at random (seeded) from the default account, so caches do not flatter.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import asyncpg
import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "backend"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.load import bench_token, wrk_run

from clientele.core import ids

PROFILE = """
query Profile($id: ID!) {
  customer(id: $id) {
    id salutation firstName lastName email mobilePhone landlinePhone communicationStatus
    preferredMedium preferredLanguage emailEnabled smsEnabled notes company dateOfBirth
    address { street postcode city country }
    appointments(first: 20, direction: DESC) {
      totalCount
      edges { node {
        id title startsAt endsAt allDay location status services
        communications(first: 100) {
          edges { node { id medium recipient subject status error body sentAt } }
        }
      } }
    }
  }
}
"""

RAW = """
SELECT json_build_object(
  'id', c.id, 'salutation', c.salutation, 'firstName', c.first_name, 'lastName', c.last_name,
  'email', c.email, 'mobilePhone', c.mobile_phone, 'landlinePhone', c.landline_phone,
  'communicationStatus', c.communication_status, 'preferredMedium', c.preferred_medium,
  'preferredLanguage', c.preferred_language, 'emailEnabled', c.email_enabled,
  'smsEnabled', c.sms_enabled, 'notes', c.notes, 'company', c.company,
  'dateOfBirth', c.date_of_birth,
  'address', json_build_object('street', c.street, 'postcode', c.postcode, 'city', c.city,
                               'country', c.country),
  'appointments', json_build_object(
    'totalCount', (SELECT count(*) FROM appointment WHERE customer = c.id),
    'edges', (SELECT coalesce(json_agg(json_build_object('node', json_build_object(
        'id', a.id, 'title', a.title, 'startsAt', a.starts_at, 'endsAt', a.ends_at,
        'allDay', a.all_day, 'location', a.location, 'status', a.status,
        'services', a.services,
        'communications', json_build_object('edges', (
          SELECT coalesce(json_agg(json_build_object('node', json_build_object(
              'id', m.id, 'medium', m.medium, 'recipient', m.recipient,
              'subject', m.subject, 'status', m.status, 'error', m.error, 'body', m.body,
              'sentAt', m.sent_at)) ORDER BY m.created_at, m.id), '[]')
          FROM communication m WHERE m.appointment = a.id))
      )) ORDER BY a.starts_at DESC, a.id DESC), '[]')
      FROM (SELECT * FROM appointment WHERE customer = c.id
            ORDER BY starts_at DESC, id DESC LIMIT 20) a)))
FROM customer c WHERE c.id = $1 AND c.account = $2
"""


async def timed_run(call: Callable[[int], Awaitable[int]], total: int,
                    concurrency: int) -> tuple[list[float], float, int]:
    latencies: list[float] = []
    sizes = 0
    counter = iter(range(total))

    async def worker() -> None:
        nonlocal sizes
        for i in counter:
            started = time.perf_counter()
            size = await call(i)
            sizes += size
            latencies.append(time.perf_counter() - started)

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return latencies, time.perf_counter() - started, sizes


def summary(name: str, latencies: list[float], elapsed: float, size: int) -> dict:
    ordered = sorted(latencies)
    p = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000  # noqa: E731
    row = {"name": name, "n": len(ordered), "p50_ms": p(0.50), "p95_ms": p(0.95),
           "p99_ms": p(0.99), "mean_ms": statistics.fmean(ordered) * 1000,
           "rps": len(ordered) / elapsed, "avg_kb": size / len(ordered) / 1024}
    print(f"{name:<28} n={row['n']:<6} p50={row['p50_ms']:7.2f} ms  p95={row['p95_ms']:7.2f} ms"
          f"  p99={row['p99_ms']:7.2f} ms  {row['rps']:8.1f} req/s  {row['avg_kb']:.1f} KB")
    return row


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default="http://127.0.0.1:8000/graphql")
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL"))
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 32])
    parser.add_argument("--sample", type=int, default=20_000, help="customers to draw from")
    parser.add_argument("--token", default=os.environ.get("CLIENTELE_TOKEN"),
                        help="API token (default: a read-only token made for this run)")
    parser.add_argument("--write-bodies", help="only write request bodies for bench/profile.lua")
    parser.add_argument("--client", choices=["wrk", "httpx"],
                        default="wrk" if shutil.which("wrk") else "httpx",
                        help="HTTP load generator (default: wrk when installed)")
    parser.add_argument("--seconds", type=int, default=20, help="duration of each wrk run")
    args = parser.parse_args()
    if not args.database_url:
        sys.exit("--database-url (or DATABASE_URL) is needed to pick customers")

    pool = await asyncpg.create_pool(args.database_url, min_size=4, max_size=32)
    account = await pool.fetchval("SELECT id FROM account WHERE slug = 'default'")
    total = await pool.fetchval("SELECT count(*) FROM customer WHERE account = $1", account)
    customers = [r["id"] for r in await pool.fetch(
        "SELECT id FROM customer WHERE account = $1 ORDER BY md5(id::text) LIMIT $2",
        account, args.sample)]
    rng = random.Random(42)
    picks = [rng.choice(customers) for _ in range(args.requests)]
    print(f"{platform.node()} · {os.cpu_count()} cores · {total:,} customers · "
          f"{args.requests} requests per run")

    token = args.token or await bench_token(args.database_url)
    bodies_file = args.write_bodies or tempfile.mktemp(suffix=".bodies")
    Path(bodies_file).write_text("\n".join(json.dumps(
        {"query": PROFILE, "variables": {"id": ids.encode("Customer", pick)}})
        for pick in picks))
    if args.write_bodies:
        print(f"wrote {len(picks)} request bodies to {args.write_bodies}")
        await pool.close()
        return
    headers = {"authorization": f"Bearer {token}"}
    async with httpx.AsyncClient(timeout=30, limits=httpx.Limits(max_connections=64),
                                 headers=headers) as http:
        async def graphql(i: int) -> int:
            response = await http.post(args.url, json={
                "query": PROFILE, "variables": {"id": ids.encode("Customer", picks[i])}})
            body = response.content
            if response.status_code != 200 or b'"errors"' in body:
                raise RuntimeError(body[:500])
            return len(body)

        async def raw(i: int) -> int:
            value = await pool.fetchval(RAW, picks[i], account)
            return len(value)

        # warm up: every picked profile once through SQL (so both sides read warm pages),
        # then the server's connections and caches
        await timed_run(raw, args.requests, 8)
        await timed_run(graphql, min(200, args.requests), 8)
        results = []
        print(f"HTTP client: {args.client}")
        for concurrency in args.concurrency:
            if args.client == "wrk":
                results.append(wrk_run(args.url, token, bodies_file, concurrency, args.seconds))
            else:
                results.append(summary(f"graphql  c={concurrency}",
                                       *await timed_run(graphql, args.requests, concurrency)))
            results.append(summary(f"raw-sql  c={concurrency}",
                                   *await timed_run(raw, args.requests, concurrency)))
        for concurrency in args.concurrency:
            g = next(r for r in results if r["name"] == f"graphql  c={concurrency}")
            s = next(r for r in results if r["name"] == f"raw-sql  c={concurrency}")
            print(f"c={concurrency}: graphql throughput = {100 * g['rps'] / s['rps']:.1f}% "
                  f"of the raw-SQL floor")
    await pool.close()


if __name__ == "__main__":
    asyncio.run(main())
