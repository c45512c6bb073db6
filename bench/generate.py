"""Load N customers (~10 appointments each, ~3 messages per appointment) with COPY.

    .venv/bin/python bench/generate.py --customers 1000000 [--database-url URL]
    .venv/bin/python bench/generate.py --customers 1000000 --international  # search bench

--international loads customers only, with unique international names, phones, companies,
cities and some notes (bench/people.py), for bench/search.py.

--accounts N spreads the customers over N accounts (customer i in account i mod N: the default
account and N - 1 more, slugs bench-00001 …), for bench/search_memory.py; default 1.

Without --database-url (or DATABASE_URL) the embedded database under .data/ is used. The
data goes into the default account (the one the server shows), which must be empty; rows
are written as COPY text streams with deterministic IDs, so a run is repeatable.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import random
import sys
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import asyncpg

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "backend"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from clientele import database
from clientele.appointments.last_seen import FIGURES_BACKFILL_SQL
from clientele.core import db
from clientele.demo_data import (
    FIRST_NAMES,
    LAST_NAMES,
    SERVICES,
    email_for,
    message_body,
)
from clientele.settings import Settings

BATCH = 20_000
NOW = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)


def customer_id(i: int) -> str:
    return f"00000000-0000-4000-8000-{i:012x}"


def appointment_id(i: int) -> str:
    return f"00000000-0000-4000-9000-{i:012x}"


def communication_id(i: int) -> str:
    return f"00000000-0000-4000-a000-{i:012x}"


def esc(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def rows(accounts: list[str], customers: int, seed: int) -> Iterator[tuple[str, str, str]]:
    """Yield (customer line, appointment lines, communication lines) per customer."""
    rng = random.Random(seed)
    a_seq = c_seq = 0
    services_sql = ["{" + ",".join(f'"{s}"' for s in group) + "}" for group in SERVICES]
    for i in range(customers):
        account = accounts[i % len(accounts)]
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        email = email_for(first, last, i)
        mobile = f"+4178{i:07d}" if i < 10_000_000 else "\\N"
        created = NOW - dt.timedelta(days=rng.randrange(1, 1500))
        sort = esc(f"{last} {first}".lower())
        cust = (f"{customer_id(i)}\t{account}\t{esc(first)}\t{esc(last)}\t{sort}\t{email}\t"
                f"{mobile}\tALLOWED\tt\tt\tIMPORT\t{{}}\t{created.isoformat()}\t"
                f"{created.isoformat()}\n")
        a_lines: list[str] = []
        c_lines: list[str] = []
        for _ in range(rng.randrange(5, 16)):
            start = NOW + dt.timedelta(hours=rng.randrange(-24 * 700, 24 * 180))
            end = start + dt.timedelta(minutes=60)
            k = rng.randrange(len(SERVICES))
            status = "SCHEDULED" if start > NOW else "COMPLETED"
            aid = appointment_id(a_seq)
            a_seq += 1
            title = esc(f"{SERVICES[k][0]} – {first} {last}")
            a_lines.append(f"{aid}\t{account}\t{customer_id(i)}\t{title}\t{services_sql[k]}\t"
                           f"{start.isoformat()}\t{end.isoformat()}\tf\tRoom 1\t{status}\t\t"
                           f"{created.isoformat()}\t{created.isoformat()}\n")
            body = esc(message_body(first, SERVICES[k][0], start.strftime("%d.%m.%Y %H:%M"),
                                    "Room 1"))
            for n in range(rng.randrange(1, 6)):
                medium, recipient, subject = (("EMAIL", email, "Reminder") if n % 2 == 0
                                              else ("SMS", mobile, "\\N"))
                sent = (start - dt.timedelta(days=2, minutes=n)).isoformat()
                c_lines.append(f"{communication_id(c_seq)}\t{account}\t{aid}\t{customer_id(i)}\t"
                               f"{medium}\t{recipient}\t{subject}\t{body}\tSENT\t1\t{sent}\t"
                               f"{sent}\n")
                c_seq += 1
        yield cust, "".join(a_lines), "".join(c_lines)


def international_rows(accounts: list[str], customers: int,
                       seed: int) -> Iterator[tuple[str, str, str]]:
    """Customers only (no appointments), with unique names: the search benchmark's data."""
    from bench.people import people

    rng = random.Random(seed)
    for i, p in enumerate(people(customers, seed)):
        account = accounts[i % len(accounts)]
        created = (NOW - dt.timedelta(days=rng.randrange(1, 1500))).isoformat()
        sort = esc(f"{p.last} {p.first}".lower())
        null = "\\N"
        yield (f"{p.id}\t{account}\t{esc(p.first)}\t{esc(p.last)}\t{sort}\t{p.email}\t"
               f"{p.phone}\tALLOWED\tt\tt\tIMPORT\t{{}}\t{created}\t{created}\t"
               f"{esc(p.company) if p.company else null}\t{esc(p.city)}\t"
               f"{esc(p.notes) if p.notes else null}\n", "", "")


CUSTOMER_COLUMNS = ["id", "account", "first_name", "last_name", "sort_name", "email",
                    "mobile_phone", "communication_status", "email_enabled", "sms_enabled",
                    "source", "custom", "created_at", "updated_at"]
APPOINTMENT_COLUMNS = ["id", "account", "customer", "title", "services", "starts_at", "ends_at",
                       "all_day", "location", "status", "recurrence_id", "created_at",
                       "updated_at"]
COMMUNICATION_COLUMNS = ["id", "account", "appointment", "customer", "medium", "recipient",
                         "subject", "body", "status", "attempts", "sent_at", "created_at"]


async def drop_secondary_indexes(conn: asyncpg.Connection) -> list[tuple[str, str]]:
    """Drop the non-primary-key indexes of the three big tables (rebuilt after the load, which
    is several times faster than maintaining them row by row); returns their definitions."""
    found = await conn.fetch(
        """SELECT indexname, indexdef FROM pg_indexes
           WHERE tablename IN ('customer', 'appointment', 'communication')
             AND indexname NOT LIKE '%_pkey'""")
    for row in found:
        await conn.execute(f'DROP INDEX "{row["indexname"]}"')
    return [(row["indexname"], row["indexdef"]) for row in found]


async def restore_indexes(conn: asyncpg.Connection, dropped: list[tuple[str, str]]) -> None:
    started = time.perf_counter()
    await conn.execute("SET maintenance_work_mem = '1GB'")
    for _name, definition in dropped:
        await conn.execute(definition)
    print(f"rebuilt {len(dropped)} indexes in {time.perf_counter() - started:.1f} s")


async def more_accounts(conn: asyncpg.Connection, count: int) -> list[str]:
    """`count` accounts besides the default one (bench-00001 …), made if missing."""
    if count <= 0:
        return []
    await conn.execute(
        """INSERT INTO account (id, name, slug, default_phone_region, default_language,
                                created_at)
           SELECT gen_random_uuid(), 'Bench Practice ' || n, 'bench-' || lpad(n::text, 5, '0'),
                  'CH', 'en', now()
           FROM generate_series(1, $1) AS n ON CONFLICT (slug) DO NOTHING""", count)
    found = await conn.fetch(
        "SELECT id FROM account WHERE slug = ANY($1::text[]) ORDER BY slug",
        [f"bench-{n:05d}" for n in range(1, count + 1)])
    return [str(row["id"]) for row in found]


async def load(url: str, customers: int, seed: int, international: bool = False,
               accounts: int = 1) -> None:
    conn = await asyncpg.connect(url)
    account = await conn.fetchval(
        """INSERT INTO account (id, name, slug, default_phone_region, default_language,
                                created_at)
           VALUES (gen_random_uuid(), 'Demo Practice', 'default', 'CH', 'en', now())
           ON CONFLICT (slug) DO UPDATE SET slug = 'default' RETURNING id""")
    existing = await conn.fetchval("SELECT count(*) FROM customer WHERE account = $1", account)
    if existing:
        print(f"the account already holds {existing} customers; use an empty database")
        await conn.close()
        return
    spread = [str(account), *await more_accounts(conn, accounts - 1)]
    # Bulk-load settings for this session only: no per-row foreign-key triggers (the generator
    # writes consistent IDs) and no wait for WAL flush on each COPY.
    await conn.execute("SET session_replication_role = replica")
    await conn.execute("SET synchronous_commit = off")
    started = time.perf_counter()
    dropped = await drop_secondary_indexes(conn)
    customers_buf: list[str] = []
    appointments_buf: list[str] = []
    communications_buf: list[str] = []
    counts = [0, 0, 0]

    async def flush() -> None:
        for table, columns, buf, slot in (
            ("customer", CUSTOMER_COLUMNS + (["company", "city", "notes"] if international
                                             else []), customers_buf, 0),
            ("appointment", APPOINTMENT_COLUMNS, appointments_buf, 1),
            ("communication", COMMUNICATION_COLUMNS, communications_buf, 2),
        ):
            data = "".join(buf).encode()
            counts[slot] += data.count(b"\n")

            async def source(payload: bytes = data) -> AsyncIterator[bytes]:
                yield payload

            await conn.copy_to_table(table, source=source(), columns=columns, format="text")
            buf.clear()

    generate = international_rows if international else rows
    for i, (c, a, m) in enumerate(generate(spread, customers, seed), start=1):
        customers_buf.append(c)
        appointments_buf.append(a)
        communications_buf.append(m)
        if i % BATCH == 0:
            await flush()
            elapsed = time.perf_counter() - started
            print(f"  {i:>9,} customers  {counts[1]:>11,} appointments  "
                  f"{counts[2]:>11,} communications  {elapsed:7.1f} s", flush=True)
    await flush()
    await restore_indexes(conn, dropped)
    if not international:
        started_backfill = time.perf_counter()
        await conn.execute(FIGURES_BACKFILL_SQL)  # COPY bypassed the triggers that keep them
        print(f"customers' last appointment set in {time.perf_counter() - started_backfill:.1f} s")
    await conn.execute("ANALYZE customer; ANALYZE appointment; ANALYZE communication")
    elapsed = time.perf_counter() - started
    print(f"loaded {counts[0]:,} customers, {counts[1]:,} appointments, "
          f"{counts[2]:,} communications in {elapsed:.1f} s")
    await conn.close()


async def _migrate() -> None:
    async with db.startup_lock():
        await db.migrate()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL"))
    parser.add_argument("--international", action="store_true",
                        help="customers only, unique international names (search bench)")
    parser.add_argument("--accounts", type=int, default=1,
                        help="spread the customers over this many accounts (default 1)")
    args = parser.parse_args()
    settings = Settings.from_env()
    url = args.database_url or db.resolve_url(settings)
    database.configure(url)
    asyncio.run(_migrate())
    asyncio.run(load(url, args.customers, args.seed, args.international, args.accounts))


if __name__ == "__main__":
    main()
