"""Shared by the HTTP benchmarks: a read-only API token, and wrk driving the server with
bench/profile.lua (request bodies round-robin from a file)."""

from __future__ import annotations

import os
import random
from pathlib import Path


async def bench_token(database_url: str) -> str:
    """A read-only API token of a benchmark user of the default account."""
    from clientele import database
    from clientele.accounts import sessions
    from clientele.accounts.bootstrap import create_user_with_role
    from clientele.accounts.permissions import Permission
    from clientele.accounts.principal import Principal
    from clientele.accounts.services import ensure_default_account

    database.configure(database_url)
    account = await ensure_default_account("CH")
    email = f"bench-{random.randrange(10**9)}@example.com"
    user = await create_user_with_role(account, email, "Benchmark", "bench-password-1", "read-only")
    principal = Principal(account=account, permissions=frozenset({Permission.READ_CUSTOMERS}),
                          user_id=user["id"], name="Benchmark", via="session")
    token, _ = await sessions.create_api_token(principal, "benchmark",
                                               frozenset({Permission.READ_CUSTOMERS}))
    print(f"token for wrk: {token}")
    return token


def wrk_run(url: str, token: str | None, bodies: str, concurrency: int, seconds: int,
            name: str = "graphql") -> dict:
    """Drive the server with wrk (a C load generator: on 2 cores a Python client would take
    the CPU the server needs) and parse bench/profile.lua's summary line. No token: requests
    carry no Authorization header (a peer server that checks none)."""
    import re
    import subprocess

    env = {**os.environ, "TOKEN": token or "", "BODIES": bodies}
    done = subprocess.run(
        # --timeout: wrk's default (2 s) would drop the slowest answers from the latencies
        ["wrk", f"-t{min(2, concurrency)}", f"-c{concurrency}", f"-d{seconds}s",
         "--timeout", "60s", "-s", str(Path(__file__).with_name("profile.lua")), url],
        env=env, capture_output=True, text=True, check=True)
    line = done.stdout.strip().splitlines()[-1]
    numbers = dict(re.findall(r"(p50|p95|p99)=([\d.]+)", line))
    rps = float(re.search(r"([\d.]+) req/s", line).group(1))  # type: ignore[union-attr]
    errors = int(re.search(r"non-2xx=(\d+)", line).group(1))  # type: ignore[union-attr]
    socket = re.search(r"socket-errors=(\d+)", line)
    if errors or (socket and int(socket.group(1))):
        raise RuntimeError(f"wrk saw errors (non-2xx, or connect/read/write/timeout): {line}")
    row = {"name": f"{name}  c={concurrency}", "p50_ms": float(numbers["p50"]),
           "p95_ms": float(numbers["p95"]), "p99_ms": float(numbers["p99"]), "rps": rps}
    print(f"{row['name']:<28} wrk {seconds}s   p50={row['p50_ms']:7.2f} ms  "
          f"p95={row['p95_ms']:7.2f} ms  p99={row['p99_ms']:7.2f} ms  {rps:8.1f} req/s")
    return row
