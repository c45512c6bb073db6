"""The embedded PostgreSQL (pgserver) used when no DATABASE_URL is given."""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


def embedded_database_url(data_dir: Path, database: str = "clientele") -> str:
    """Start (or reuse) the embedded server under `data_dir/pg` and return a URL for `database`.

    The server outlives this process (pgserver's cleanup mode None) so that a second start and
    the CLI reuse it; its data persists under `data_dir`.
    """
    os.environ.setdefault("XDG_RUNTIME_DIR", str(data_dir / "run"))
    import pgserver  # imported lazily: it is only needed without DATABASE_URL

    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "run").mkdir(exist_ok=True)
    server = _start(pgserver, data_dir / "pg")
    exists = server.psql(f"SELECT 1 FROM pg_database WHERE datname = '{database}';")
    if "(1 row)" not in exists:
        server.psql(f'CREATE DATABASE "{database}";')
        log.info("created embedded database %s", database)
    return server.get_uri(database)


def _start(pgserver: Any, pgdata: Path, attempts: int = 5) -> Any:
    """pgserver refuses to start while a previous server on the same directory is still
    shutting down; wait for it instead of failing."""
    for attempt in range(attempts):
        try:
            return pgserver.get_server(pgdata, cleanup_mode=None)
        except AssertionError:
            if attempt == attempts - 1:
                raise
            log.info("embedded PostgreSQL not ready yet; retrying")
            time.sleep(1 + attempt)
    raise AssertionError("unreachable")
