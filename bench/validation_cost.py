"""What a hostile document costs the server: whole POST /graphql requests against a real server
process, each with a document it has not seen (leading spaces shift every location, so neither
the parser cache nor the validation cache, which compares documents by content and location,
helps), and `/healthz` probed meanwhile.

    .venv/bin/python bench/validation_cost.py [--database-url URL] [--requests 20]
                                              [--levels 25] [--only TEXT]

The server is `python -m clientele serve` with this interpreter and environment, so the code
measured is the one on PYTHONPATH: for the figures before a change, check the old commit out
with `git worktree add /tmp/old <commit>` and run this script with PYTHONPATH=/tmp/old/backend
(with a small --levels and --only doubling: the old code needs minutes from about 22 levels
on, and forever for the wide and inline documents). A fresh database is created on the
PostgreSQL server (default: the machine's) and dropped at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import secrets
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse, urlunparse

import asyncpg
import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.security.exploding import doubling  # noqa: E402
from tests.security.spa_documents import spa_documents  # noqa: E402


def chain(links: int) -> str:
    return "{ ...F0 }\n" + "\n".join(
        f"fragment F{i} on Query {{ ...F{i + 1} }}" for i in range(links)
    ) + f"\nfragment F{links} on Query {{ me {{ name }} }}"


def documents(levels: int) -> dict[str, str]:
    return {
        f"doubling spreads, {levels} levels": doubling(levels),
        "wide: 10 spreads of the next, 40 levels": doubling(40, spreads=10),
        "spreads in nested inline fragments, 30 levels": doubling(30, inline=True),
        "1,240 x `me { name }` side by side": "{ " + "me { name } " * 1240 + "}",
        "300 x `me { name }` side by side": "{ " + "me { name } " * 300 + "}",
        "a chain of 600 fragments": chain(600),
        "the SPA's CustomerProfile (for comparison)": spa_documents()["CustomerProfile"],
    }


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def probe_health(base: str, stop: asyncio.Event, latencies: list[float]) -> None:
    async with httpx.AsyncClient(timeout=120) as client:
        while not stop.is_set():
            started = time.perf_counter()
            await client.get(f"{base}/healthz")
            latencies.append(time.perf_counter() - started)
            await asyncio.sleep(0.02)


async def measure(base: str, label: str, document: str, requests: int) -> None:
    latencies: list[float] = []
    health: list[float] = []
    stop = asyncio.Event()
    prober = asyncio.create_task(probe_health(base, stop, health))
    answers: set[str] = set()
    async with httpx.AsyncClient(timeout=600) as client:
        for i in range(requests):
            started = time.perf_counter()
            response = await client.post(f"{base}/graphql",
                                         json={"query": " " * i + document,
                                               "variables": {"id": "x"}})
            latencies.append(time.perf_counter() - started)
            body = response.json()
            codes = [e.get("extensions", {}).get("code") for e in body.get("errors") or []]
            answers.add(f"{response.status_code} {codes or 'data'}")
            if i == 0 and latencies[0] > 30:
                break  # the old code on a large document: one figure is enough
    stop.set()
    await prober
    ms = sorted(x * 1000 for x in latencies)
    worst_health = max(health) * 1000 if health else float("nan")
    print(f"{label:45} median {statistics.median(ms):8.1f} ms  max {ms[-1]:8.1f} ms  "
          f"/healthz max {worst_health:7.1f} ms  {', '.join(sorted(answers))}")


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url",
                        default=os.environ.get("DATABASE_URL",
                                               "postgresql://postgres@127.0.0.1:5432/postgres"))
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--levels", type=int, default=25)
    parser.add_argument("--only", default="",
                        help="measure only the documents whose label contains this text")
    args = parser.parse_args()
    name = f"clientele_validation_{secrets.token_hex(4)}"
    admin = await asyncpg.connect(args.database_url)
    await admin.execute(f'CREATE DATABASE "{name}"')
    url = urlunparse(urlparse(args.database_url)._replace(path=f"/{name}"))
    port = free_port()
    env = {**os.environ, "DATABASE_URL": url, "PORT": str(port), "HOST": "127.0.0.1"}
    server = subprocess.Popen([sys.executable, "-m", "clientele", "serve"], env=env, cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("the server did not start")
            await asyncio.sleep(0.2)
        for label, document in documents(args.levels).items():
            if args.only not in label:
                continue
            await measure(base, label, document, args.requests)
    finally:
        server.terminate()
        server.wait(30)
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


if __name__ == "__main__":
    asyncio.run(main())
