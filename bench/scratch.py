"""What the benchmarks share: a database of their own on a server, and the peak memory of a
process sampled while it works."""

from __future__ import annotations

import contextlib
import threading
import time
from urllib.parse import urlparse, urlunparse

import asyncpg
import psutil


async def create_database(server_url: str, name: str) -> str:
    """A fresh, migrated database `name` on the server; returns its URL (the engine is
    configured for it)."""
    from clientele import database

    admin = await asyncpg.connect(server_url)
    await admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
    await admin.execute(f'CREATE DATABASE "{name}"')
    await admin.close()
    url = with_database(server_url, name)
    await database.migrated_at(url)
    return url


async def drop_database(server_url: str, name: str) -> None:
    from clientele.core import db

    await db.close_pool()
    admin = await asyncpg.connect(server_url)
    await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    await admin.close()


def with_database(url: str, name: str) -> str:
    """`url` with its database name replaced by `name`."""
    return urlunparse(urlparse(url)._replace(path=f"/{name}"))


class RssSampler(threading.Thread):
    """Peak RSS of process `pid` (default: this one), and of it with its children, every 20 ms
    until `running` is set to False."""

    def __init__(self, pid: int | None = None) -> None:
        super().__init__(daemon=True)
        self.process = psutil.Process(pid)
        self.peak = 0
        self.peak_with_children = 0
        self.running = True

    def run(self) -> None:
        while self.running:
            try:
                own = self.process.memory_info().rss
                children = 0
                for child in self.process.children(recursive=True):
                    with contextlib.suppress(psutil.Error):
                        children += child.memory_info().rss
            except psutil.NoSuchProcess:
                return  # the process sampled has exited
            self.peak = max(self.peak, own)
            self.peak_with_children = max(self.peak_with_children, own + children)
            time.sleep(0.02)
