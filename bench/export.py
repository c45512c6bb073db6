"""Customer export benchmark: rows/s and the server's memory while it streams
GET /export/customers.csv and .xlsx of N customers over HTTP.

    .venv/bin/python bench/export.py --customers 100000 --database-url URL_OF_A_SERVER

A database `clientele_bench_export_<N>` is created on that server and filled once with
bench/generate.py's international customers (names, email, phone, company, city, notes for one
in five), plus two custom fields with values; a later run with the same N reuses it. A server
(`clientele serve`, no demo data, no calendar polling) is started on it; the client streams
each file, counting bytes and CRLF line ends, while a thread samples the server's RSS every
20 ms (psutil). "growth" is the peak minus the RSS just before the export started.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import asyncpg
import httpx
import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "backend"))
sys.path.insert(0, str(ROOT))

from bench.generate import load  # noqa: E402
from bench.scratch import RssSampler, with_database  # noqa: E402

from clientele import database  # noqa: E402


async def prepare(server_url: str, customers: int) -> str:
    name = f"clientele_bench_export_{customers}"
    admin = await asyncpg.connect(server_url)
    exists = await admin.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name)
    if not exists:
        await admin.execute(f'CREATE DATABASE "{name}"')
    await admin.close()
    url = with_database(server_url, name)
    await database.migrated_at(url)
    conn = await asyncpg.connect(url)
    count = await conn.fetchval("SELECT count(*) FROM customer")
    await conn.close()
    if count == 0:
        await load(url, customers, 1, international=True)
        conn = await asyncpg.connect(url)
        account = await conn.fetchval("SELECT id FROM account WHERE slug = 'default'")
        await conn.execute(
            """INSERT INTO custom_field_definition (id, account, key, label, field_type,
                   options, required, in_booking_form, created_at)
               VALUES (gen_random_uuid(), $1, 'level', 'Level', 'DROPDOWN',
                       '["gold", "silver"]', false, false, now()),
                      (gen_random_uuid(), $1, 'visits', 'Visits', 'NUMBER', '[]', false,
                       false, now())""", account)
        await conn.execute(
            """UPDATE customer SET custom = jsonb_build_object(
                   'level', CASE WHEN random() < 0.5 THEN 'gold' ELSE 'silver' END,
                   'visits', (random() * 40)::int)""")
        await conn.execute("VACUUM ANALYZE customer")
        await conn.close()
    return url


async def export_token(url: str) -> str:
    from clientele.accounts import sessions
    from clientele.accounts.bootstrap import create_user_with_role
    from clientele.accounts.permissions import ALL, Permission
    from clientele.accounts.principal import Principal
    from clientele.accounts.services import ensure_default_account

    database.configure(url)
    account = await ensure_default_account("CH")
    email = f"bench-export-{time.time_ns()}@example.com"
    user = await create_user_with_role(account, email, "Bench", "bench-password-1", "admin")
    principal = Principal(account=account, permissions=ALL, user_id=user["id"],
                          name="Bench", via="session")
    token, _ = await sessions.create_api_token(principal, "bench",
                                               frozenset({Permission.EXPORT_CUSTOMERS}))
    return token



def download(base: str, token: str, fmt: str, pid: int) -> dict:
    process = psutil.Process(pid)
    before = process.memory_info().rss
    sampler = RssSampler(pid)
    sampler.start()
    size = lines = 0
    tail = b""
    started = time.perf_counter()
    first_byte = None
    with httpx.stream("GET", f"{base}/export/customers.{fmt}",
                      headers={"authorization": f"Bearer {token}"}, timeout=600) as response:
        response.raise_for_status()
        for chunk in response.iter_raw(1 << 16):
            if first_byte is None:
                first_byte = time.perf_counter() - started
            size += len(chunk)
            if fmt == "csv":  # a CRLF may straddle two chunks
                lines += (tail + chunk[:1]).count(b"\r\n") + chunk.count(b"\r\n")
                tail = chunk[-1:]
    elapsed = time.perf_counter() - started
    sampler.running = False
    sampler.join()
    return {"format": fmt, "seconds": elapsed, "first_byte": first_byte or 0.0,
            "bytes": size, "lines": lines, "rss_before": before, "rss_peak": sampler.peak}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL"),
                        help="a PostgreSQL server (its bench database is created)")
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--formats", default="csv,xlsx")
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    if not args.database_url:
        raise SystemExit("give --database-url (or DATABASE_URL)")
    url = asyncio.run(prepare(args.database_url, args.customers))
    token = asyncio.run(export_token(url))
    env = {**os.environ, "DATABASE_URL": url, "PORT": str(args.port), "HOST": "127.0.0.1",
           "CLIENTELE_SEED": "0", "CALENDAR_POLLING": "0", "ACCESS_LOG": "0"}
    log = tempfile.NamedTemporaryFile("w", prefix="bench-export-", suffix=".log",  # noqa: SIM115
                                      delete=False)
    server = subprocess.Popen([sys.executable, "-m", "clientele", "serve"], env=env,
                              stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)
    base = f"http://127.0.0.1:{args.port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                health = httpx.get(f"{base}/healthz", timeout=1,
                                   headers={"authorization": f"Bearer {token}"}).json()
                if health.get("search", {}).get("ready"):
                    break
            except httpx.HTTPError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"server did not start; see {log.name}")
            time.sleep(0.5)
        print(f"{args.customers:,} customers; {platform.processor() or platform.machine()}, "
              f"{os.cpu_count()} cores, Python {platform.python_version()}; server log "
              f"{log.name}")
        for fmt in args.formats.split(","):
            for run in range(1, args.runs + 1):
                r = download(base, token, fmt, server.pid)
                rows = args.customers
                if fmt == "csv":
                    print(f"  csv lines (header + rows, notes may add): {r['lines']:,}")
                print(f"{fmt} run {run}: {r['seconds']:.2f} s, {rows / r['seconds']:,.0f} "
                      f"rows/s, {r['bytes'] / 1e6:.1f} MB, first byte {r['first_byte']:.2f} s; "
                      f"server RSS {r['rss_before'] / 2**20:.0f} MB before, peak "
                      f"{r['rss_peak'] / 2**20:.0f} MB (growth "
                      f"{(r['rss_peak'] - r['rss_before']) / 2**20:.1f} MB)", flush=True)
    finally:
        server.terminate()
        try:
            server.wait(15)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


if __name__ == "__main__":
    main()
