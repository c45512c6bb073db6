"""Prometheus metrics: the one registry and every metric object; other modules import these and
count (`HTTP_REQUESTS.labels(...).inc()`), or register a *sampler* that sets gauges just
before a scrape (pool usage, open subscriptions, queue lengths).

Label values are bounded: HTTP routes are the app's route templates, GraphQL operation names
pass `operation_label` (absent: "anonymous"; not an identifier of at most 64 characters, or
beyond MAX_OPERATION_NAMES distinct names: "other"), outcomes and statuses are fixed words.

Several server processes (`WEB_CONCURRENCY` > 1): uvicorn's workers share one listening
socket, so a scrape reaches one of them at random and per-process scraping cannot work.
`clientele serve` then points `PROMETHEUS_MULTIPROC_DIR` at a fresh directory before the
workers start (an operator may set it, to an empty directory, themselves): counters and
histograms are summed over the workers (prometheus-client's multiprocess mode), each worker
refreshes its own gauges (pool, subscriptions, search index) every LOCAL_REFRESH_SECONDS and
they are summed (or, for the search index, the largest taken) over the live workers.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import re
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from prometheus_client import (
    CONTENT_TYPE_PLAIN_0_0_4,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)

log = logging.getLogger(__name__)

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
MULTIPROCESS = bool(os.environ.get(MULTIPROC_ENV))
# every name here is a classic one: the 0.0.4 text format, which any Prometheus reads
CONTENT_TYPE = CONTENT_TYPE_PLAIN_0_0_4
LOCAL_REFRESH_SECONDS = 10.0
SAMPLE_TIMEOUT_SECONDS = 2.0  # a sampler that takes longer is skipped for this scrape

REGISTRY = CollectorRegistry(auto_describe=True)
if not MULTIPROCESS:  # process_* and python_* (multiprocess mode cannot merge these)
    from prometheus_client import GC_COLLECTOR, PLATFORM_COLLECTOR, PROCESS_COLLECTOR

    for _collector in (PROCESS_COLLECTOR, PLATFORM_COLLECTOR, GC_COLLECTOR):
        REGISTRY.register(_collector)

LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
SQL_BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5,
               5.0, 10.0)

# --- HTTP and GraphQL (api/http_telemetry.py, api/telemetry.py, the compiled-plan path) -----
HTTP_REQUESTS = Counter(
    "clientele_http_requests", "HTTP requests answered, by route template, method and status.",
    ["route", "method", "status"], registry=REGISTRY)
HTTP_SECONDS = Histogram(
    "clientele_http_request_seconds", "Time from request to the end of the response body.",
    ["route", "method"], buckets=LATENCY_BUCKETS, registry=REGISTRY)
GRAPHQL_OPERATIONS = Counter(
    "clientele_graphql_operations",
    "GraphQL operations executed, by operation name, type, outcome (ok or error) and whether "
    "a compiled SQL plan answered it.",
    ["operation", "type", "outcome", "compiled"], registry=REGISTRY)
GRAPHQL_SECONDS = Histogram(
    "clientele_graphql_operation_seconds", "Time to execute a GraphQL operation.",
    ["operation", "compiled"], buckets=LATENCY_BUCKETS, registry=REGISTRY)

# --- SQL (core/db.py: every statement the engine, fetch_records and copy_records send) -------
SQL_SECONDS = Histogram(
    "clientele_sql_seconds", "Time PostgreSQL statements took, as the app waited for them.",
    ["kind"], buckets=SQL_BUCKETS, registry=REGISTRY)

# --- sampled before each scrape (per process) -----------------------------------------------
DB_POOL = Gauge(
    "clientele_db_pool_connections",
    "Database pool connections: size (open), idle, in_use, max.", ["state"],
    multiprocess_mode="livesum", registry=REGISTRY)
LIVE_CONNECTIONS = Gauge(
    "clientele_live_connections", "Open WebSockets and SSE/multipart event streams.",
    multiprocess_mode="livesum", registry=REGISTRY)
SUBSCRIPTIONS = Gauge(
    "clientele_subscriptions_open",
    "GraphQL subscriptions executing, holding the event broker, by channel (customer, "
    "appointment, import, sync_run; identical graphql-transport-ws subscriptions share one).",
    ["channel"], multiprocess_mode="livesum", registry=REGISTRY)
SHARED_SUBSCRIBERS = Gauge(
    "clientele_subscription_shared_subscribers",
    "graphql-transport-ws subscribers attached to a shared execution.",
    multiprocess_mode="livesum", registry=REGISTRY)
SEARCH_READY = Gauge(
    "clientele_search_index_ready", "1 once the in-memory search index is built.",
    multiprocess_mode="livemin", registry=REGISTRY)
SEARCH_ACCOUNTS = Gauge(
    "clientele_search_index_accounts", "Accounts whose search index is loaded in memory.",
    multiprocess_mode="livesum", registry=REGISTRY)
SEARCH_CUSTOMERS = Gauge(
    "clientele_search_index_customers", "Customers in the in-memory search indexes.",
    multiprocess_mode="livesum", registry=REGISTRY)
SEARCH_BYTES = Gauge(
    "clientele_search_index_bytes", "Estimated memory the in-memory search indexes hold.",
    multiprocess_mode="livesum", registry=REGISTRY)
SEARCH_LOADING = Gauge(
    "clientele_search_index_loading", "Accounts whose search index is being loaded.",
    multiprocess_mode="livesum", registry=REGISTRY)
SEARCH_BUILD_SECONDS = Gauge(
    "clientele_search_index_build_seconds", "How long the last full index build took.",
    multiprocess_mode="livemax", registry=REGISTRY)

# --- queues (sampled from the database at scrape time; the same for every process) ----------
MESSAGES_QUEUED = Gauge(
    "clientele_messages_queued",
    "Messages waiting: PENDING (due or waiting for a retry), SENDING (claimed), and "
    "PENDING_DUE (pending whose time has come).",
    ["status"], multiprocess_mode="mostrecent", registry=REGISTRY)
IMPORT_JOBS_QUEUED = Gauge(
    "clientele_import_jobs_queued",
    "Import jobs not finished: ANALYSING (reading the file) and QUEUED (waiting or running).",
    ["status"], multiprocess_mode="mostrecent", registry=REGISTRY)
WEBHOOK_DELIVERIES_QUEUED = Gauge(
    "clientele_webhook_deliveries_queued", "Webhook deliveries not yet finished, by status.",
    ["status"], multiprocess_mode="mostrecent", registry=REGISTRY)

# --- outcomes ------------------------------------------------------------------------------
MESSAGES = Counter(
    "clientele_messages",
    "Message delivery outcomes written by the dispatcher: sent, failed, skipped, retry.",
    ["outcome", "medium"], registry=REGISTRY)
WEBHOOK_DELIVERIES = Counter(
    "clientele_webhook_deliveries",
    "Webhook delivery attempts by outcome (e.g. delivered, failed, retry, gave_up).",
    ["outcome"], registry=REGISTRY)


# --- labelled children, looked up once ----------------------------------------------------
_children: dict[tuple[object, tuple[str, ...]], Any] = {}


def child(metric: Any, *labels: str) -> Any:
    """`metric.labels(*labels)`, remembered: `labels()` checks and locks on every call (µs on
    a busy machine), a dict lookup does not. Label values are bounded, so is this."""
    key = (metric, labels)
    found = _children.get(key)
    if found is None:
        found = _children[key] = metric.labels(*labels)
    return found


# --- operation names --------------------------------------------------------------------------
_OPERATION_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}")
MAX_OPERATION_NAMES = 200
_operation_names: set[str] = set()


def operation_label(name: str | None) -> str:
    """A bounded label for a client-chosen operation name."""
    if not name:
        return "anonymous"
    if name in _operation_names:
        return name
    if len(_operation_names) >= MAX_OPERATION_NAMES or not isinstance(name, str) \
            or not _OPERATION_NAME.fullmatch(name):
        return "other"
    _operation_names.add(name)
    return name


def observe_operation(name: str | None, seconds: float, compiled: bool, *,
                      operation_type: str = "query", error: bool = False) -> None:
    """Count one executed GraphQL operation and its duration (the Strawberry extension calls
    this; so does a compiled SQL plan that answers without resolvers)."""
    label = operation_label(name)
    flag = "true" if compiled else "false"
    child(GRAPHQL_OPERATIONS, label, operation_type, "error" if error else "ok", flag).inc()
    child(GRAPHQL_SECONDS, label, flag).observe(seconds)


# --- samplers -------------------------------------------------------------------------------
Sampler = Callable[[], Awaitable[None] | None]


@dataclass(frozen=True)
class _Registered:
    name: str
    sample: Sampler
    local: bool  # this process's state (refreshed by each worker in multiprocess mode)


_samplers: dict[str, _Registered] = {}


def register_sampler(name: str, sample: Sampler, *, local: bool) -> None:
    """`sample()` (sync or async) sets gauges; it runs before each scrape, and with several
    workers a `local` one also runs every LOCAL_REFRESH_SECONDS in each worker. Registering
    a name again replaces it."""
    _samplers[name] = _Registered(name, sample, local)


async def _run(registered: _Registered) -> None:
    try:
        async with asyncio.timeout(SAMPLE_TIMEOUT_SECONDS):
            result = registered.sample()
            if result is not None:
                await result
    except Exception as exc:  # a scrape shows what it can; the gauge keeps its last value
        log.warning("metrics sampler %s failed: %r", registered.name, exc)


async def sample(local_only: bool = False) -> None:
    for registered in list(_samplers.values()):
        if registered.local or not local_only:
            await _run(registered)


async def render() -> bytes:
    """The Prometheus text exposition of every metric, samplers run first."""
    await sample()
    if MULTIPROCESS:
        from prometheus_client import multiprocess

        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return generate_latest(registry)
    return generate_latest(REGISTRY)


@contextlib.asynccontextmanager
async def running() -> AsyncIterator[None]:
    """For the app's lifespan: with several workers, keep this worker's gauges fresh; on the
    way out, its live gauges leave the sums."""
    task = asyncio.create_task(_refresh_forever()) if MULTIPROCESS else None
    try:
        yield
    finally:
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
            from prometheus_client import multiprocess

            multiprocess.mark_process_dead(os.getpid())


async def _refresh_forever() -> None:
    while True:
        await sample(local_only=True)
        await asyncio.sleep(LOCAL_REFRESH_SECONDS)


# --- the database pool and SQL time (core, so here) -------------------------------------------
def sample_pool() -> None:
    from clientele.core import db

    engine = db._engine
    pool = engine.pool if engine is not None else None
    if pool is None:
        for state in ("size", "idle", "in_use", "max"):
            DB_POOL.labels(state).set(0)
        return
    size, idle = pool.get_size(), pool.get_idle_size()
    DB_POOL.labels("size").set(size)
    DB_POOL.labels("idle").set(idle)
    DB_POOL.labels("in_use").set(size - idle)
    DB_POOL.labels("max").set(pool.get_max_size())


register_sampler("db_pool", sample_pool, local=True)

SQL_KINDS = {kind: SQL_SECONDS.labels(kind) for kind in ("query", "ddl", "copy")}
"""Children resolved once: core/db.py observes every statement (no label lookup per call)."""
