"""The database engine: one piccolo PostgresEngine per process, counting the statements it runs.

`configure(url)` must be called once at start (the app's lifespan, the CLI, the tests); piccolo's
`piccolo_conf.DB` and every table then use the same engine. Without DATABASE_URL the URL comes
from the embedded PostgreSQL (`core.embedded`).

Transactions carry on-commit callbacks (`after_commit`): work that must only happen once the
writes are visible to everyone (publishing events) waits for the outermost transaction to
commit and is dropped when it rolls back. piccolo joins a nested transaction to the outer one
(no savepoint), so callbacks registered anywhere inside belong to the outermost.
`before_commit` is the other end: writes gathered while the transaction ran (a transactional
outbox's rows) made once, in it, right before the outermost commits.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import time
from collections.abc import AsyncIterable, AsyncIterator, Awaitable, Callable, Iterable, Sequence
from typing import Any

import asyncpg
from piccolo.engine.postgres import PostgresEngine, PostgresTransaction
from piccolo.querystring import QueryString
from piccolo.table import Table

from clientele.core import metrics, tracing, turns
from clientele.settings import Settings

log = logging.getLogger(__name__)

_engine: CountingPostgresEngine | None = None
_url: str | None = None

MIGRATION_LOCK_KEY = 0x636C69656E74  # "client": one advisory lock for migrations


Callback = Callable[[], Awaitable[None]]


class CallbackTransaction(PostgresTransaction):
    """piccolo's transaction with a list of callbacks run after the outermost one commits.

    Every transaction of the app is one of these (the engine creates them), so code that opens
    one through piccolo directly gets the same guarantee as `transaction()`."""

    __slots__ = ("before", "callbacks", "state")

    def __init__(self, engine: PostgresEngine, allow_nested: bool = True) -> None:
        super().__init__(engine, allow_nested)
        self.callbacks: list[Callback] = []
        self.before: list[Callback] = []  # run inside, right before the outermost commits
        self.state: dict[str, Any] = {}  # what the transaction holds (e.g. advisory locks)

    async def __aexit__(self, exception_type: Any, exception: Any, traceback: Any) -> bool:
        outermost = self._parent is None
        if outermost and exception is None and not self._rolled_back:
            try:
                while self.before:  # a callback may register another
                    await self.before.pop(0)()
            except BaseException as failed:  # nothing commits: rolled back like any error
                await super().__aexit__(type(failed), failed, failed.__traceback__)
                raise
        ok = await super().__aexit__(exception_type, exception, traceback)
        if outermost and ok and self._committed:
            callbacks, self.callbacks = self.callbacks, []
            for done, callback in enumerate(callbacks):
                await _run(callback)
                await turns.let_others_run(done)  # a sync's thousands of events
        return ok


async def _run(callback: Callback) -> None:
    """The write has committed: a failing callback is logged, never turned into an error for
    the caller (who would otherwise think the write failed)."""
    try:
        await callback()
    except Exception:
        log.exception("after-commit callback %r failed", callback)


class CountingPostgresEngine(PostgresEngine):
    """A PostgresEngine that counts every statement sent, so tests can prove batching, and
    whose transactions run on-commit callbacks."""

    statements: int = 0

    def transaction(self, allow_nested: bool = True) -> CallbackTransaction:
        return CallbackTransaction(engine=self, allow_nested=allow_nested)

    async def run_querystring(self, querystring: QueryString, in_pool: bool = True) -> Any:
        self.statements += 1
        return await observed("query", querystring,
                              super().run_querystring(querystring, in_pool=in_pool))

    async def run_ddl(self, ddl: str, in_pool: bool = True) -> Any:
        self.statements += 1
        return await observed("ddl", ddl, super().run_ddl(ddl, in_pool=in_pool))


MAX_TRACED_STATEMENT = 4096  # characters of SQL text kept on a span


async def observed(kind: str, statement: str | QueryString, work: Awaitable[Any]) -> Any:
    """Every statement passes here: its time goes to the `clientele_sql_seconds` histogram and,
    when tracing is on, it runs in a span with its text ($n placeholders; never the values)."""
    started = time.perf_counter()
    try:
        if not tracing.enabled():
            return await work
        text = statement.compile_string()[0] if isinstance(statement, QueryString) \
            else statement
        verb = text.lstrip().split(None, 1)[0].upper() if text.strip() else "SQL"
        with tracing.span(verb[:16], **{"db.system": "postgresql",
                                        "db.statement": text[:MAX_TRACED_STATEMENT]}):
            return await work
    finally:
        metrics.SQL_KINDS[kind].observe(time.perf_counter() - started)


def resolve_url(settings: Settings) -> str:
    """The PostgreSQL URL to use: DATABASE_URL, or the embedded server's."""
    if settings.database_url:
        return settings.database_url
    from clientele.core.embedded import embedded_database_url

    return embedded_database_url(settings.data_dir)


def configure(url: str, tables: Iterable[type[Table]] = (),
              piccolo_conf: str | None = None) -> CountingPostgresEngine:
    """Create the process's engine for `url` and bind `tables` to it (idempotent for the same
    URL). The app hands over its table registry (`clientele.database`); core knows no domain."""
    global _engine, _url
    if _engine is None or _url != url:
        _engine = CountingPostgresEngine(config={"dsn": url})
        _url = url
    if piccolo_conf:
        os.environ["PICCOLO_CONF"] = piccolo_conf
    for table in tables:
        table._meta.db = _engine
    return _engine


def engine() -> CountingPostgresEngine:
    if _engine is None:
        raise RuntimeError("the database is not configured: call clientele.database.configure "
                           "at start")
    return _engine


def current_url() -> str:
    engine()
    assert _url is not None
    return _url


async def _no_session_state(connection: asyncpg.Connection) -> None:
    """What a pooled connection needs on its way back beyond the rollback of an open
    transaction that asyncpg always does: nothing. No code sets session state on a pooled
    connection (settings are SET LOCAL, advisory locks are transaction locks, LISTEN and
    session locks use connections of their own; tests/test_layers.py holds the code to it), so
    asyncpg's default reset (advisory unlock, CLOSE ALL, UNLISTEN, RESET ALL: one more round trip
    for every statement outside a transaction) would only cost time."""


async def start_pool(min_size: int = 2, max_size: int = 10) -> None:
    await engine().start_connection_pool(min_size=min_size, max_size=max_size,
                                         reset=_no_session_state)


async def close_pool() -> None:
    if _engine is not None and _engine.pool is not None:
        await _engine.close_connection_pool()


async def fetch_records(sql: str, *args: Any) -> list[asyncpg.Record]:
    """Run one raw SQL statement ($1-style parameters) through the engine: counted, and on the
    current transaction's connection when inside `transaction()`."""
    eng = engine()
    eng.statements += 1
    return await observed("query", sql, _fetch_records(eng, sql, args))


async def _fetch_records(eng: CountingPostgresEngine, sql: str, args: tuple[Any, ...]
                         ) -> list[asyncpg.Record]:
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
    """A transaction; inside another one it joins it (piccolo: no savepoint), so an error
    anywhere rolls back the whole outermost transaction."""
    async with engine().transaction():
        yield


@contextlib.asynccontextmanager
async def apart() -> AsyncIterator[None]:
    """Statements (and after-commit callbacks) inside run outside the current transaction, on
    their own pooled connection, committed at once: for what a long transaction reports while
    it runs (an import's progress), which must not wait for its commit or vanish with it."""
    token = engine().current_transaction.set(None)
    try:
        yield
    finally:
        engine().current_transaction.reset(token)


async def copy_records(table: str,
                       records: Iterable[Sequence[Any]] | AsyncIterable[Sequence[Any]],
                       columns: Sequence[str]) -> None:
    """COPY `records` into `table` on the current transaction's connection (binary COPY:
    the fastest way rows reach PostgreSQL)."""
    current = _current()
    if current is None:
        raise RuntimeError("copy_records runs inside a transaction")
    eng = engine()
    eng.statements += 1
    await observed("copy", f"COPY {table}", current.connection.copy_records_to_table(
        table, records=records, columns=columns))


def json_value(value: Any) -> Any:
    """A json/jsonb column's value: asyncpg hands it over as text (no codec is registered),
    piccolo's queries as the decoded value."""
    return json.loads(value) if isinstance(value, str) else value


def in_transaction() -> bool:
    return _engine is not None and _engine.current_transaction.get() is not None


def _current() -> CallbackTransaction | None:
    current = _engine.current_transaction.get() if _engine is not None else None
    if current is not None and not isinstance(current, CallbackTransaction):
        raise TypeError("transaction not opened through clientele.core.db's engine")
    return current


def transaction_state() -> dict[str, Any]:
    """A dict that lives as long as the outermost transaction (for what it has locked)."""
    current = _current()
    if current is None:
        raise RuntimeError("not inside a transaction")
    return current.state


def advisory_key(*parts: str) -> int:
    """A 64-bit key for pg_advisory_xact_lock(bigint) naming `parts` (e.g. "identity",
    account, email). blake2b rather than hashtext: 64 bits make a collision between two
    unrelated keys (which would only serialise them) practically impossible, and Python can
    sort the keys to take several in one order everywhere."""
    digest = hashlib.blake2b("\x1f".join(parts).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


async def after_commit(callback: Callback) -> None:
    """Run `callback` once the current transaction has committed, or at once outside one.
    A rollback drops it. Callbacks run in the order they were registered."""
    current = _current()
    if current is None:
        await _run(callback)
        return
    current.callbacks.append(callback)


async def before_commit(callback: Callback) -> None:
    """Run `callback` inside the current transaction right before the outermost commits (its
    writes commit with the rest; an error in it rolls everything back), or at once outside a
    transaction. A rollback drops it."""
    current = _current()
    if current is None:
        await callback()
        return
    current.before.append(callback)


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
