"""Servers the HTTP benchmarks start and stop themselves: Clientele (one process or N uvicorn
workers) and the peer PostGraphile (bench/peers/postgraphile), each on a free port of
127.0.0.1, waited for until it answers and has gone quiet (a search index being built or a
schema being introspected would otherwise be measured), stopped afterwards."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import psutil

ROOT = Path(__file__).resolve().parents[1]
POSTGRAPHILE = ROOT / "bench" / "peers" / "postgraphile" / "start.sh"

# Production-like: APP_ENV=production (no GraphiQL, no introspection, errors masked, nothing
# seeded), no access log (as behind a proxy that logs), the per-token rate limit out of the
# load generator's way; no calendar polling and no message or webhook dispatch (the bench data
# has no feeds, and its messages must not be touched).
CLIENTELE_ENV = {
    "APP_ENV": "production", "CLIENTELE_SEED": "0", "ACCESS_LOG": "0",
    "CALENDAR_POLLING": "0", "MESSAGES": "0", "WEBHOOKS": "0",
    "RATE_LIMIT_TOKEN_PER_MINUTE": "100000000",
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _tree_cpu_seconds(process: psutil.Process) -> float:
    total = 0.0
    for p in [process, *process.children(recursive=True)]:
        with contextlib.suppress(psutil.Error):
            times = p.cpu_times()
            total += times.user + times.system
    return total


def wait_quiet(pid: int, *, window: float = 2.0, busy_below: float = 0.05,
               deadline_s: float = 600) -> None:
    """Until the process and its children together use under `busy_below` of one core over
    `window` seconds (start-up work done), at most `deadline_s`."""
    process = psutil.Process(pid)
    deadline = time.monotonic() + deadline_s
    while time.monotonic() < deadline:
        before = _tree_cpu_seconds(process)
        time.sleep(window)
        if _tree_cpu_seconds(process) - before < busy_below * window:
            return
    raise SystemExit(f"process {pid} stayed busy for {deadline_s:.0f} s")


@contextlib.contextmanager
def _running(command: list[str], env: dict[str, str], name: str,
             ready: Callable[[str], bool], base: str) -> Iterator[subprocess.Popen[bytes]]:
    log = tempfile.NamedTemporaryFile(  # noqa: SIM115 (open while the server runs)
        "w", prefix=f"bench-{name}-", suffix=".log", delete=False)
    server = subprocess.Popen(command, env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                              start_new_session=True)
    try:
        deadline = time.monotonic() + 600  # the first PostGraphile start runs npm ci
        while True:
            try:
                if ready(base):
                    break
            except httpx.HTTPError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"{name} did not start; see {log.name}")
            time.sleep(0.5)
        wait_quiet(server.pid)
        print(f"{name} up on {base} (pid {server.pid}, log {log.name})", flush=True)
        yield server
    finally:
        server.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            server.wait(30)
        # uvicorn's workers and start.sh's node are in the server's own session
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, signal.SIGKILL)
        log.close()


@contextlib.contextmanager
def clientele(database_url: str, workers: int, source: Path | None = None) -> Iterator[str]:
    """Clientele on `database_url` with `workers` processes (WEB_CONCURRENCY), from the working
    tree or from `source` (a tree with backend/, e.g. a `git archive` of a commit); yields its
    GraphQL URL once it answers and its processes are idle (start-up work done)."""
    port = free_port()
    env = {**os.environ, **CLIENTELE_ENV, "DATABASE_URL": database_url, "HOST": "127.0.0.1",
           "PORT": str(port), "WEB_CONCURRENCY": str(workers)}
    if source is not None:  # ahead of the editable install of the working tree
        env["PYTHONPATH"] = str(source / "backend")
        env["CLIENTELE_FRONTEND_DIST"] = str(ROOT / "frontend" / "dist")
    base = f"http://127.0.0.1:{port}"

    def ready(base: str) -> bool:
        return httpx.get(f"{base}/healthz", timeout=2).status_code == 200

    with _running([sys.executable, "-m", "clientele", "serve"], env,
                  f"clientele-{workers}", ready, base):
        yield f"{base}/graphql"


@contextlib.contextmanager
def postgraphile(database_url: str) -> Iterator[str]:
    """PostGraphile (bench/peers/postgraphile/start.sh) on `database_url`; yields its URL."""
    port = free_port()
    env = {**os.environ, "DATABASE_URL": database_url, "HOST": "127.0.0.1", "PORT": str(port)}
    base = f"http://127.0.0.1:{port}"

    def ready(base: str) -> bool:
        response = httpx.post(f"{base}/graphql", json={"query": "{__typename}"}, timeout=2)
        return response.status_code == 200

    with _running([str(POSTGRAPHILE)], env, "postgraphile", ready, base):
        yield f"{base}/graphql"
