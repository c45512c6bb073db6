"""The embedded PostgreSQL (pgserver) used when no DATABASE_URL is given.

One server per data folder, shared by every clientele process using that folder (`make run`,
its uvicorn workers, CLI commands run meanwhile), and stopped when the last of them exits.
pgserver does the counting: each process that asks for the server adds its PID to
`pg/.handle_pids.json` (under pgserver's inter-process lock) and removes it at exit; the
process that removes the last PID stops the server (cleanup mode "stop"). What pgserver does
not do, done here: a process killed without running its exit handlers (SIGKILL, a crash, a
uvicorn worker that re-raises SIGTERM) leaves its PID behind, which would keep the server
running forever. So PIDs of processes that no longer exist are dropped when a process starts
using the server and again when one leaves: after a crash the server keeps running, the next
start reuses it (pgserver finds the running postmaster: no second server), and the last live
user stops it. Exit handlers run on a normal exit, on Ctrl-C and, because the CLI turns
SIGTERM into an exit (`cli.py`), on SIGTERM.
"""

from __future__ import annotations

import atexit
import logging
import os
import time
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

HANDLES = ".handle_pids.json"  # pgserver's list of the PIDs using a data folder's server


def embedded_database_url(data_dir: Path, database: str = "clientele") -> str:
    """Start (or reuse) the embedded server under `data_dir/pg` and return a URL for `database`.

    This process becomes one of the server's users; the last user to exit stops it. The data
    persists under `data_dir`.
    """
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "run").mkdir(mode=0o700, exist_ok=True)
    (data_dir / "run").chmod(0o700)  # a runtime directory is private (platformdirs checks)
    # pgserver's inter-process lock lives in the runtime directory, chosen when it is imported
    os.environ.setdefault("XDG_RUNTIME_DIR", str(data_dir / "run"))
    import pgserver  # imported lazily: it is only needed without DATABASE_URL

    logging.getLogger("pgserver").setLevel(logging.WARNING)  # every pg_ctl call, otherwise
    pgdata = (data_dir / "pg").resolve()
    known = pgdata in pgserver.PostgresServer._instances
    if not known:
        forget_departed(pgdata)
    server = _start(pgserver, pgdata)
    if not known:
        log.info("embedded PostgreSQL for %s (pid %s); users: %s", pgdata, server.get_pid(),
                 users(pgdata))
        # atexit runs handlers last-registered first: this one runs before pgserver's own
        # (registered while the server handle was made), so the count it reads is live.
        atexit.register(_leaving, pgdata)
    exists = server.psql(f"SELECT 1 FROM pg_database WHERE datname = '{database}';")
    if "(1 row)" not in exists:
        server.psql(f'CREATE DATABASE "{database}";')
        log.info("created embedded database %s", database)
    return str(server.get_uri(database))


def users(pgdata: Path) -> list[int]:
    """The PIDs recorded as using the server of `pgdata` (some may be gone)."""
    from pgserver.utils import DiskList

    return list(DiskList(pgdata / HANDLES).get())


def forget_departed(pgdata: Path) -> list[int]:
    """Drop the PIDs of processes that no longer run from the server's users; returns them."""
    import psutil
    from pgserver.postgres_server import PostgresServer
    from pgserver.utils import DiskList

    if not (pgdata / HANDLES).exists():
        return []
    handles = DiskList(pgdata / HANDLES)
    with PostgresServer._lock:
        pids = handles.get()
        gone = [pid for pid in pids if not _running(psutil, pid)]
        if gone:
            handles.put([pid for pid in pids if pid not in gone])
    if gone:
        log.info("embedded PostgreSQL: forgot users %s that exited without saying so", gone)
    return gone


def _leaving(pgdata: Path) -> None:
    forget_departed(pgdata)
    if users(pgdata) == [os.getpid()]:
        log.info("stopping the embedded PostgreSQL: this was its last user")


def _running(psutil: Any, pid: int) -> bool:
    try:
        return bool(psutil.Process(pid).status() != psutil.STATUS_ZOMBIE)
    except psutil.Error:
        return False


def _start(pgserver: Any, pgdata: Path, attempts: int = 5) -> Any:
    """pgserver refuses to start while a previous server on the same directory is still
    shutting down; wait for it instead of failing."""
    for attempt in range(attempts):
        try:
            return pgserver.get_server(pgdata, cleanup_mode="stop")
        except AssertionError:
            # the failed handle stays registered by its folder: drop it, or the next
            # get_server would hand it back instead of trying again
            pgserver.PostgresServer._instances.pop(pgdata, None)
            if attempt == attempts - 1:
                raise
            log.info("embedded PostgreSQL not ready yet; retrying")
            time.sleep(1 + attempt)
    raise AssertionError("unreachable")
