"""What the text custom field filters cost: the WHERE clause filters.where() builds, timed over
one account's customers (a temporary `customer` table with only the columns that clause reads,
so no migrations are needed), for the exact comparison the list used before and the folded
equals / in / contains that ignore case and accents.

    .venv/bin/python bench/custom_field_filter.py [--database-url URL] [--customers 50000]
                                                  [--runs 7]

The temporary table lives in one session of the given database and is gone when it ends.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
import uuid
from pathlib import Path

import asyncpg

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "backend"))

from clientele.customers.filters import CustomerFilter, CustomFieldCondition, where

CITIES = ["Zürich", "ZÜRICH", "Genève", "Hauptstraße", "Bern", "Łódź", "Sankt Gallen",
          "Neuchâtel", "Basel", "Lausanne"]


def _cases(account: uuid.UUID) -> dict[str, tuple[str, list[object]]]:
    def sql(*conditions: CustomFieldCondition) -> tuple[str, list[object]]:
        w = where(account, CustomerFilter(custom_fields=conditions))
        return f"SELECT count(*) FROM customer WHERE {w.sql()}", w.args

    exact = where(account, CustomerFilter())
    key = exact.arg("city")
    value = exact.arg("Zürich 7")
    exact.add(f"(CASE WHEN jsonb_typeof(customer.custom -> {key}::text) = 'string' "
              f"THEN customer.custom ->> {key}::text END) = {value}")
    return {
        "no custom condition": sql(),
        "exact equals (before)": (f"SELECT count(*) FROM customer WHERE {exact.sql()}",
                                  exact.args),
        "folded equals": sql(CustomFieldCondition(key="city", equals="zurich 7")),
        "folded in (3 values)": sql(CustomFieldCondition(
            key="city", any_of=("zurich 7", "geneve 3", "bern 1"))),
        "contains": sql(CustomFieldCondition(key="city", contains="rich")),
    }


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=os.environ.get(
        "DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres"))
    parser.add_argument("--customers", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    conn = await asyncpg.connect(args.database_url)
    try:
        account = uuid.uuid4()
        await conn.execute("""CREATE TEMP TABLE customer (
            account uuid NOT NULL, archived_at timestamptz, custom jsonb NOT NULL)""")
        await conn.execute(
            """INSERT INTO customer (account, custom)
               SELECT $1, jsonb_build_object('city', ($2::text[])[1 + i % $3] || ' ' || i % 97)
               FROM generate_series(1, $4) AS i""",
            account, CITIES, len(CITIES), args.customers)
        await conn.execute("ANALYZE customer")
        print(f"{args.customers} customers of one account, {args.runs} runs each (median):")
        for name, (query, values) in _cases(account).items():
            times, count = [], 0
            for _ in range(args.runs):
                start = time.perf_counter()
                count = await conn.fetchval(query, *values)
                times.append(time.perf_counter() - start)
            median = statistics.median(times)
            print(f"  {name:24} {median * 1000:8.1f} ms  "
                  f"{median / args.customers * 1e9:6.0f} ns/customer  ({count} match)")
    finally:
        await conn.close()


if __name__ == "__main__":
    asyncio.run(main())
