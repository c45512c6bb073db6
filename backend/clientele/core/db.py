"""The database engine: one piccolo PostgresEngine per process, counting the statements it runs.

`configure(url)` must be called once at start (the app's lifespan, the CLI, the tests); piccolo's
`piccolo_conf.DB` and every table then use the same engine. Without DATABASE_URL the URL comes
from the embedded PostgreSQL (`core.embedded`).
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import AsyncIterator
from typing import Any

import asyncpg
from piccolo.engine.postgres import PostgresEngine
from piccolo.querystring import QueryString

from clientele.settings import Settings

log = logging.getLogger(__name__)

_engine: CountingPostgresEngine | None = None
_url: str | None = None

MIGRATION_LOCK_KEY = 0x636C69656E74  # "client": one advisory lock for migrations


class CountingPostgresEngine(PostgresEngine):
    """A PostgresEngine that counts every statement sent, so tests can prove batching."""

    statements: int = 0

    async def run_querystring(self, querystring: QueryString, in_pool: bool = True) -> Any:
        self.statements += 1
        return await super().run_querystring(querystring, in_pool=in_pool)

    async def run_ddl(self, ddl: str, in_pool: bool = True) -> Any:
        self.statements += 1
        return await super().run_ddl(ddl, in_pool=in_pool)


def resolve_url(settings: Settings) -> str:
    """The PostgreSQL URL to use: DATABASE_URL, or the embedded server's."""
    if settings.database_url:
        return settings.database_url
    from clientele.core.embedded import embedded_database_url

    return embedded_database_url(settings.data_dir)


def configure(url: str) -> CountingPostgresEngine:
    """Create the process's engine for `url` (idempotent for the same URL)."""
    global _engine, _url
    if _engine is not None and _url == url:
        return _engine
    os.environ["PICCOLO_CONF"] = "clientele.piccolo_conf"
    _engine = CountingPostgresEngine(config={"dsn": url})
    _url = url
    from clientele.tables import all_tables

    for table in all_tables():
        table._meta.db = _engine
    return _engine


def engine() -> CountingPostgresEngine:
    if _engine is None:
        return configure(resolve_url(Settings.from_env()))
    return _engine


def current_url() -> str:
    engine()
    assert _url is not None
    return _url


async def start_pool(min_size: int = 2, max_size: int = 10) -> None:
    await engine().start_connection_pool(min_size=min_size, max_size=max_size)


async def close_pool() -> None:
    if _engine is not None and _engine.pool is not None:
        await _engine.close_connection_pool()


async def fetch_records(sql: str, *args: Any) -> list[asyncpg.Record]:
    """Run one raw SQL statement ($1-style parameters) through the engine: counted, and on the
    current transaction's connection when inside `transaction()`."""
    eng = engine()
    eng.statements += 1
    current = eng.current_transaction.get()
    if current is not None:
        return await current.connection.fetch(sql, *args)
    if eng.pool is not None:
        async with eng.pool.acquire() as conn:
            return await conn.fetch(sql, *args)
    conn = await asyncpg.connect(current_url())
    try:
        return await conn.fetch(sql, *args)
    finally:
        await conn.close()


async def fetch(sql: str, *args: Any) -> list[dict[str, Any]]:
    return [dict(r) for r in await fetch_records(sql, *args)]


@contextlib.asynccontextmanager
async def transaction() -> AsyncIterator[None]:
    async with engine().transaction():
        yield


@contextlib.asynccontextmanager
async def startup_lock() -> AsyncIterator[None]:
    """One instance at a time runs start-up work (migrations, first-run seeding)."""
    conn = await asyncpg.connect(current_url())
    try:
        await conn.execute("SELECT pg_advisory_lock($1)", MIGRATION_LOCK_KEY)
        yield
    finally:
        await conn.execute("SELECT pg_advisory_unlock($1)", MIGRATION_LOCK_KEY)
        await conn.close()


async def migrate() -> None:
    """Run every piccolo migration forwards (callers hold `startup_lock`)."""
    from piccolo.apps.migrations.commands.forwards import run_forwards

    with contextlib.redirect_stdout(_LogWriter()):
        result = await run_forwards(app_name="all")
    if not result.success:
        raise RuntimeError(f"migrations failed: {result.message}")


class _LogWriter:
    """Sends piccolo's migration chatter to the log instead of stdout."""

    def write(self, text: str) -> int:
        if text.strip():
            log.info("migrate: %s", text.strip())
        return len(text)

    def flush(self) -> None:
        pass
