"""Does the event loop stall? `/healthz` latency while 40 sign-ins run at once, and while a
large (~2.4 MB) calendar feed syncs, against a real server process.

    .venv/bin/python bench/stall.py [--database-url URL] [--logins 40] [--waves 3]
                                    [--feed-events 8300] [--syncs 2]

The server is `python -m clientele serve` with this interpreter and environment, so the code
measured is the one on PYTHONPATH: for the figures before a change, check the old commit out
with `git worktree add /tmp/before <commit>` and run this script with
PYTHONPATH=/tmp/before/backend (the first line printed names the code the server runs).
A fresh database is created on the PostgreSQL server (default: the machine's) and dropped at
the end. `/healthz` is probed one request after another, every 20 ms, by its own connection;
its latency includes one `SELECT 1`, so an idle server shows the floor.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import random
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Awaitable, Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlparse, urlunparse

import asyncpg
import httpx

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "bench-password-123"
LOGIN = ("mutation($e: String!, $p: String!) { login(email: $e, password: $p) "
         "{ me { name } userErrors { code message } } }")
CREATE = ("mutation($url: String!) { calendarSourceCreate(input: {name: $url, url: $url}) "
          "{ calendarSource { id } userErrors { code message } } }")
SYNC = ("mutation($id: ID!) { calendarSourceSync(id: $id) { syncRun { eventsSeen "
        "appointmentsCreated customersCreated customersMatched error } } }")
SETUP = """
import asyncio, sys
from clientele.accounts import sessions
from clientele.accounts.bootstrap import create_user_with_role
from clientele.accounts.permissions import ALL
from clientele.accounts.principal import Principal
from clientele.accounts.services import ensure_default_account
from clientele.core import db

async def main():
    try:  # the code before and after clientele.database (the script runs on both)
        from clientele import database
        database.configure(sys.argv[1])
    except ImportError:
        db.configure(sys.argv[1])
    await db.start_pool()
    account = await ensure_default_account("CH")
    user = await create_user_with_role(account, "bench-admin@example.com", "Bench", sys.argv[2],
                                       "admin")
    for n in range(int(sys.argv[3])):
        await create_user_with_role(account, f"bench-{n}@example.com", f"Bench {n}",
                                    sys.argv[2], "staff")
    principal = Principal(account=account, permissions=ALL, user_id=user["id"], name="Bench",
                          via="session")
    token, _ = await sessions.create_api_token(principal, "bench", ALL)
    import clientele
    print(clientele.__file__)
    print(token)
    await db.close_pool()

asyncio.run(main())
"""
FIRST_NAMES = ["Anna", "Luca", "Sofia", "Noah", "Mia", "Elias", "Lea", "Jan", "Nina", "Tim",
               "Lara", "Marco", "Sara", "David", "Julia", "Nico", "Laura", "Leon", "Elena", "Ben"]
LAST_NAMES = ["Müller", "Meier", "Schmid", "Keller", "Weber", "Huber", "Schneider", "Meyer",
              "Steiner", "Fischer", "Gerber", "Brunner", "Baumann", "Frei", "Zimmermann",
              "Moser", "Widmer", "Wyss", "Graf", "Roth"]


def feed(events: int, people: int, seed: int) -> bytes:
    """Single events in the coming 300 days with the customer's details in the description,
    and a share of weekly series (what a practice's calendar looks like)."""
    rng = random.Random(seed)
    start = dt.datetime.now(dt.UTC).replace(hour=8, minute=0, second=0, microsecond=0)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Clientele stall bench//EN",
             "X-WR-TIMEZONE:Europe/Zurich"]
    for n in range(events):
        person = rng.randrange(people)
        first = FIRST_NAMES[person % len(FIRST_NAMES)]
        last = LAST_NAMES[(person // len(FIRST_NAMES)) % len(LAST_NAMES)]
        begin = start + dt.timedelta(days=1 + rng.randrange(300), hours=rng.randrange(9))
        lines += ["BEGIN:VEVENT", f"UID:stall-{seed}-{n}@clientele",
                  f"DTSTAMP:{start:%Y%m%dT%H%M%SZ}", f"DTSTART:{begin:%Y%m%dT%H%M%SZ}",
                  f"DTEND:{begin + dt.timedelta(minutes=45):%Y%m%dT%H%M%SZ}",
                  f"SUMMARY:Treatment {rng.randrange(1, 40)}",
                  f"DESCRIPTION:Name: {first} {last}\\nEmail: {first.lower()}.{person}@example"
                  f".com\\nPhone: +4179{person:07d}\\nNotes: follow-up {n % 13}",
                  "LOCATION:Praxis am See, Zimmer 2", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode()


class FeedServer:
    """Serves the generated feeds on 127.0.0.1 (the server fetches them as calendar URLs)."""

    def __init__(self) -> None:
        self.feeds: dict[str, bytes] = {}
        feeds = self.feeds

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                body = feeds.get(self.path)
                self.send_response(200 if body else 404)
                self.send_header("content-type", "text/calendar")
                self.send_header("content-length", str(len(body or b"")))
                self.end_headers()
                self.wfile.write(body or b"")

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"


class Probe:
    """GET /healthz one after another (every `every` s) from a thread of its own with its own
    connection, so that the bench's own work (40 clients) does not delay the probe."""

    def __init__(self, base: str, every: float = 0.02) -> None:
        self.base, self.every = base, every
        self.samples: list[float] = []
        self.errors = 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)

    def run(self) -> None:
        with httpx.Client(base_url=self.base, timeout=60) as client:
            while not self.stop.is_set():
                began = time.perf_counter()
                try:
                    if client.get("/healthz").status_code != 200:
                        self.errors += 1
                except httpx.HTTPError:
                    self.errors += 1
                self.samples.append((time.perf_counter() - began) * 1000)
                self.stop.wait(self.every)


async def measured(base: str, label: str, work: Callable[[], Awaitable[str]]) -> None:
    probe = Probe(base)
    probe.thread.start()
    began = time.perf_counter()
    try:
        detail = await work()
    finally:
        probe.stop.set()
        await asyncio.to_thread(probe.thread.join)
    elapsed = time.perf_counter() - began
    s = sorted(probe.samples)
    p99 = s[min(len(s) - 1, int(len(s) * 0.99))] if s else float("nan")
    print(f"{label:<34} {elapsed:6.1f} s  healthz n={len(s):<4} p50 {statistics.median(s):6.1f}"
          f"  p99 {p99:7.1f}  max {max(s):7.1f} ms  errors {probe.errors}  {detail}",
          flush=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=os.environ.get(
        "DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres"))
    parser.add_argument("--logins", type=int, default=40)
    parser.add_argument("--waves", type=int, default=3)
    parser.add_argument("--feed-events", type=int, default=8_300)
    parser.add_argument("--people", type=int, default=3_000)
    parser.add_argument("--syncs", type=int, default=2)
    args = parser.parse_args()

    name = f"clientele_stall_{secrets.token_hex(4)}"
    admin = await asyncpg.connect(args.database_url)
    await admin.execute(f'CREATE DATABASE "{name}"')
    database = urlunparse(urlparse(args.database_url)._replace(path=f"/{name}"))
    feeds = FeedServer()
    port = free_port()
    env = {**os.environ, "DATABASE_URL": database, "PORT": str(port), "HOST": "127.0.0.1",
           "CLIENTELE_SEED": "0", "ACCESS_LOG": "0", "CALENDAR_POLLING": "0",
           "RATE_LIMIT_LOGIN_PER_MINUTE": "100000", "FETCH_ALLOW_NETWORKS": "127.0.0.0/8"}
    log = tempfile.NamedTemporaryFile(  # noqa: SIM115 (open for the whole run)
        "w", prefix="stall-server-", suffix=".log", delete=False)
    server = subprocess.Popen([sys.executable, "-m", "clientele", "serve"], env=env, cwd=ROOT,
                              stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        async with httpx.AsyncClient(base_url=base, timeout=600) as client:
            deadline = time.monotonic() + 120
            while True:
                try:
                    if (await client.get("/healthz")).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if server.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit(f"the server did not start; see {log.name}")
                await asyncio.sleep(0.2)
            setup = subprocess.run([sys.executable, "-c", SETUP, database, PASSWORD,
                                    str(args.logins)], env=env, cwd=ROOT, capture_output=True,
                                   text=True, check=True)
            code, token = setup.stdout.strip().splitlines()[-2:]  # the code the server runs
            print(f"code: {code}; {os.cpu_count()} CPUs; {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M}"
                  f" UTC", flush=True)

            async def idle() -> str:
                await asyncio.sleep(3)
                return ""

            await measured(base, "idle", idle)

            # one client per user, made before measuring (each builds an SSL context, which
            # costs CPU in this process); cookies cleared so each login starts signed out
            # (a fresh connection each: an idle one may be closed by the server between waves)
            clients = [httpx.AsyncClient(base_url=base, timeout=600,
                                         headers={"connection": "close"})
                       for _ in range(args.logins)]

            async def login(n: int) -> bool:
                clients[n].cookies.clear()
                response = await clients[n].post("/graphql", json={
                    "query": LOGIN, "variables": {"e": f"bench-{n}@example.com", "p": PASSWORD}})
                return bool(response.json()["data"]["login"]["me"])

            for wave in range(args.waves):
                async def logins() -> str:
                    began = time.perf_counter()
                    ok = await asyncio.gather(*(login(n) for n in range(args.logins)))
                    return (f"{sum(ok)}/{len(ok)} signed in, wave took "
                            f"{time.perf_counter() - began:.2f} s")

                await measured(base, f"{args.logins} concurrent logins (wave {wave + 1})",
                               logins)
            for own in clients:
                await own.aclose()

            bearer = {"authorization": f"Bearer {token}"}
            for n in range(args.syncs):
                data = feed(args.feed_events, args.people, seed=n)
                feeds.feeds[f"/feed-{n}.ics"] = data
                created = (await client.post("/graphql", headers=bearer, json={
                    "query": CREATE, "variables": {"url": f"{feeds.base}/feed-{n}.ics"}})).json()
                source = created["data"]["calendarSourceCreate"]["calendarSource"]
                assert source, created

                async def sync(source_id: str = source["id"]) -> str:
                    result = (await client.post("/graphql", headers=bearer, json={
                        "query": SYNC, "variables": {"id": source_id}})).json()
                    run = result["data"]["calendarSourceSync"]["syncRun"]
                    return (f"events {run['eventsSeen']}, created {run['appointmentsCreated']},"
                            f" customers +{run['customersCreated']}/={run['customersMatched']}"
                            f"{', error ' + run['error'] if run['error'] else ''}")

                await measured(base, f"sync {len(data) / 1e6:.1f} MB feed ({n + 1})", sync)
    finally:
        server.terminate()
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()
        feeds.server.shutdown()
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()
        log.close()


if __name__ == "__main__":
    asyncio.run(main())
