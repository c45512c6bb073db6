"""Duplicate candidates over a large account: time, peak memory, precision and recall.

    .venv/bin/python bench/duplicates.py --database-url URL [--customers 1000000] [--keep]

Loads `--customers` customers into a scratch database (COPY; not timed): international people
with unique names (bench/people.py), unique phones and emails, a birthday for most, a company
for some; about 2.5 % of them again for each reason, as the duplicate a person's second record
would be:

    SAME_PHONE              same phone (mobile → landline), last name with a typo, other email
    SAME_EMAIL_NORMALISED   gmail address with dots removed and a +tag, typo'd last name
    SAME_NAME_AND_BIRTHDAY  name transliterated (ü → ue, ø → oe, å → aa, ß → ss, accents
                            dropped or upper-case), same birthday, other phone and email
    SAME_NAME_AND_COMPANY   name transliterated, same company, other phone and email
    SAME_NAME_AND_PHONE     name transliterated, same phone, other email

Then runs customers.duplicates.refresh (the background refresher's work) once, timed, with
the peak RSS of this process and of the PostgreSQL backend that does the work (the pool has
one connection; RSS includes the shared buffers it touched), and the temporary files
PostgreSQL wrote (work_mem spills). Precision and recall are over pairs: every pair inside a
group found against the planted (original, duplicate) pairs. Also times the first page of
duplicateCandidates' query. No asserts: figures.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import random
import sys
import time
import unicodedata
import uuid
from itertools import combinations
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "backend"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.people import people, typo
from bench.scratch import RssSampler, create_database, drop_database

from clientele.core import db
from clientele.customers import duplicates

SHARE = 0.025  # of the originals, duplicated for each reason
COLUMNS = ["id", "account", "first_name", "last_name", "sort_name", "email", "mobile_phone",
           "landline_phone", "date_of_birth", "company", "source"]
SPELLINGS = {"ü": "ue", "ö": "oe", "ä": "ae", "Ü": "Ue", "Ö": "Oe", "Ä": "Ae", "ø": "oe",
             "Ø": "Oe", "å": "aa", "Å": "Aa", "ß": "ss", "æ": "ae", "ł": "l", "ı": "i"}


def transliterated(name: str, rng: random.Random) -> str:
    """The name as another person or system would write it: umlauts spelt out, accents
    dropped, or in capitals."""
    spelt = "".join(SPELLINGS.get(ch, ch) for ch in name)
    if spelt != name:
        return spelt
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", name)
                    if not unicodedata.combining(ch))
    return plain if plain != name else rng.choice([name.upper(), name.lower()])


def other_last(name: str, rng: random.Random) -> str:
    for _ in range(5):
        changed = typo(name, rng)
        if changed != name:
            return changed
    return name + "i"


def generate(account: uuid.UUID, n: int, seed: int) -> tuple[list[tuple], dict[str, set]]:
    """Customer rows (originals, then duplicates) and the planted pairs per reason."""
    rng = random.Random(seed)
    per_reason = int(n * SHARE / (1 + 5 * SHARE))
    originals = n - 5 * per_reason
    rows: list[tuple] = []
    base: list[tuple] = []
    for i, p in enumerate(people(originals, seed)):
        gmail = rng.random() < 0.3
        email = (f"{p.email.split('@')[0]}@gmail.com" if gmail else p.email).lower()
        born = dt.date(1940, 1, 1) + dt.timedelta(days=rng.randrange(25_000)) \
            if rng.random() < 0.7 else None
        row = (p.id, account, p.first, p.last, f"{p.last} {p.first}".lower(), email,
               f"+4176{i:07d}", None, born, p.company, "IMPORT")
        rows.append(row)
        base.append(row)
    planted: dict[str, set] = {r.value: set() for r in duplicates.Reason}
    picks = rng.sample(range(originals), 5 * per_reason)
    serial = 0

    def dup(original: tuple, reason: str, first: str, last: str, email: str | None,
            mobile: str | None, landline: str | None, born: dt.date | None,
            company: str | None) -> None:
        nonlocal serial
        serial += 1
        pk = uuid.UUID(int=(seed + 1 << 64) | serial, version=4)
        rows.append((pk, account, first, last, f"{last} {first}".lower(), email, mobile,
                     landline, born, company, "IMPORT"))
        planted[reason].add(tuple(sorted((original[0], pk))))

    for k, index in enumerate(picks):
        o = base[index]
        _, _, first, last, _, email, phone, _, born, company, _ = o
        fresh_phone = f"+4177{serial:07d}"
        fresh_email = f"second.{serial}@example.net"
        reason = list(duplicates.Reason)[k // per_reason].value
        if reason == "SAME_PHONE":
            dup(o, reason, first, other_last(last, rng), fresh_email, None, phone, None, None)
        elif reason == "SAME_EMAIL_NORMALISED":
            if not email.endswith("@gmail.com"):  # the original's address is a Gmail one
                email = email.split("@")[0] + "@gmail.com"
                rows[index] = (*o[:5], email, *o[6:])
            local = email.split("@")[0].replace(".", "") + "+booking"
            dup(o, reason, first, other_last(last, rng), f"{local}@googlemail.com",
                fresh_phone, None, None, None)
        elif reason == "SAME_NAME_AND_BIRTHDAY":
            dup(o, reason, transliterated(first, rng), transliterated(last, rng), fresh_email,
                fresh_phone, None, born or dt.date(1980, 1, 1 + k % 28), None)
            if born is None:  # the original gets the birthday too (originals come first)
                rows[index] = (*o[:8], dt.date(1980, 1, 1 + k % 28), *o[9:])
        elif reason == "SAME_NAME_AND_COMPANY":
            company = company or f"{last} AG"
            dup(o, reason, transliterated(first, rng), transliterated(last, rng), fresh_email,
                fresh_phone, None, None, company)
            if o[9] is None:
                rows[index] = (*o[:9], company, *o[10:])
        else:
            dup(o, reason, transliterated(first, rng), transliterated(last, rng), fresh_email,
                None, phone, None, None)
    return rows, planted


async def load(rows: list[tuple]) -> float:
    started = time.perf_counter()
    async with db.transaction():
        for start in range(0, len(rows), 50_000):
            await db.copy_records("customer", rows[start:start + 50_000], COLUMNS)
    await db.fetch_records("ANALYZE customer")
    return time.perf_counter() - started


async def run(args: argparse.Namespace) -> None:
    name = "clientele_bench_duplicates"
    await create_database(args.database_url, name)
    await db.start_pool(min_size=1, max_size=1)  # one backend: the one whose memory we watch
    try:
        account = (await db.fetch_records(
            """INSERT INTO account (id, name, slug, default_phone_region, default_language,
                                    created_at)
               VALUES (gen_random_uuid(), 'Bench', 'bench', 'CH', 'en', now())
               RETURNING id"""))[0]["id"]
        t0 = time.perf_counter()
        rows, planted = generate(account, args.customers, args.seed)
        print(f"generated {len(rows):,} customers in {time.perf_counter() - t0:.1f} s; planted "
              + ", ".join(f"{r} {len(p):,}" for r, p in planted.items()))
        print(f"loaded in {await load(rows):.1f} s")
        del rows
        backend = (await db.fetch_records("SELECT pg_backend_pid() AS pid"))[0]["pid"]
        before = (await db.fetch_records(
            "SELECT temp_files, temp_bytes FROM pg_stat_database WHERE datname = $1",
            name))[0]
        own, server = RssSampler(), RssSampler(backend)
        baseline = own.process.memory_info().rss  # the generated rows, freed but not returned
        own.start()
        server.start()
        started = time.perf_counter()
        result = await duplicates.refresh(account)
        elapsed = time.perf_counter() - started
        own.running = server.running = False
        own.join()
        server.join()
        after = (await db.fetch_records(
            "SELECT temp_files, temp_bytes FROM pg_stat_database WHERE datname = $1",
            name))[0]
        assert result is not None
        mib = 1024 * 1024
        print(f"refresh: {elapsed:.1f} s for {args.customers:,} customers, {result.groups:,} "
              f"groups")
        print(f"peak RSS: this process {own.peak / mib:.0f} MiB ({baseline / mib:.0f} MiB "
              f"before the refresh), PostgreSQL backend "
              f"{server.peak / mib:.0f} MiB (work_mem 64MB per sort/hash); temporary files "
              f"{after['temp_files'] - before['temp_files']} "
              f"({(after['temp_bytes'] - before['temp_bytes']) / mib:.0f} MiB)")
        started = time.perf_counter()
        page = await duplicates.page(account, 20, None)
        first_page = time.perf_counter() - started
        started = time.perf_counter()
        total = await page.total()
        print(f"first page of 20: {first_page * 1000:.1f} ms; totalCount {total:,} in "
              f"{(time.perf_counter() - started) * 1000:.0f} ms")

        groups = await db.fetch_records(
            "SELECT customers, reasons FROM duplicate_candidate WHERE account = $1", account)
        found: set[tuple] = set()
        for g in groups:
            found.update(combinations(sorted(g["customers"]), 2))
        every = set().union(*planted.values())
        hit = found & every
        print(f"pairs found {len(found):,}, planted {len(every):,}: precision "
              f"{len(hit) / max(1, len(found)):.4f}, recall {len(hit) / len(every):.4f}")
        for reason, pairs in planted.items():
            print(f"  recall {reason:<24} {len(pairs & found) / max(1, len(pairs)):.4f}")
        print(f"largest group: {max((len(g['customers']) for g in groups), default=0)} "
              f"customers; machine: {psutil.cpu_count()} CPUs")
    finally:
        if args.keep:
            await db.close_pool()
        else:
            await drop_database(args.database_url, name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--keep", action="store_true", help="keep the scratch database")
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL"),
                        required=not os.environ.get("DATABASE_URL"))
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
