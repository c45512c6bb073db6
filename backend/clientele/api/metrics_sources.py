"""The gauges core/metrics.py cannot fill itself (core knows no domain): registered as
samplers, run before each scrape.

- subscriptions: open WebSockets and SSE streams (api/live.py's registry: every live
  connection registers there for revocations) and the subscribers of shared
  graphql-transport-ws executions (api/subscription_fanout.py): read-only looks at their
  in-memory state. (The executing subscriptions themselves are counted where every one
  subscribes to the broker, api/subscription.py.)
- search index (customers/search/service.py, being reworked to load accounts lazily): only
  attributes read defensively, so a change there cannot break a scrape.
- queues: messages PENDING/SENDING (and PENDING already due), import jobs ANALYSING/QUEUED and
  webhook deliveries PENDING/SENDING, counted in PostgreSQL over the partial indexes those
  statuses have; a webhook_delivery table that does not exist (not migrated yet) is skipped.
"""

from __future__ import annotations

from typing import Any

from clientele.api import live, subscription_fanout
from clientele.core import db, metrics

_QUEUED = ("PENDING", "SENDING")


def sample_subscriptions() -> None:
    metrics.LIVE_CONNECTIONS.set(len(live.registry.connections))
    groups = [g for g in list(subscription_fanout._groups.values()) if not g.ended]
    metrics.SHARED_SUBSCRIBERS.set(sum(len(g.members) for g in groups))


def sample_search() -> None:
    from clientele.customers.search.service import service

    indexes: Any = getattr(service, "indexes", None) or {}
    metrics.SEARCH_READY.set(1 if getattr(service, "ready", False) else 0)
    metrics.SEARCH_ACCOUNTS.set(len(indexes))
    metrics.SEARCH_CUSTOMERS.set(sum(len(index) for index in list(indexes.values())))
    held = getattr(service, "held_bytes", None)
    if callable(held):
        metrics.SEARCH_BYTES.set(held())
    loading = getattr(service, "loading", None)
    metrics.SEARCH_LOADING.set(len(loading) if loading is not None else 0)
    built = getattr(service, "build_seconds", None)
    if isinstance(built, int | float):
        metrics.SEARCH_BUILD_SECONDS.set(built)


async def sample_queues() -> None:
    rows = await db.fetch(
        """SELECT status, count(*) AS n,
                  count(*) FILTER (WHERE status = 'PENDING'
                                   AND coalesce(next_attempt_at, due_at) <= now()) AS due
           FROM communication WHERE status IN ('PENDING', 'SENDING') GROUP BY status""")
    counts = {row["status"]: row["n"] for row in rows}
    for status in _QUEUED:
        metrics.MESSAGES_QUEUED.labels(status).set(counts.get(status, 0))
    metrics.MESSAGES_QUEUED.labels("PENDING_DUE").set(sum(row["due"] for row in rows))
    rows = await db.fetch(
        """SELECT status, count(*) AS n FROM import_job
           WHERE status IN ('ANALYSING', 'QUEUED') GROUP BY status""")
    counts = {row["status"]: row["n"] for row in rows}
    for status in ("ANALYSING", "QUEUED"):
        metrics.IMPORT_JOBS_QUEUED.labels(status).set(counts.get(status, 0))
    exists = await db.fetch("SELECT to_regclass('webhook_delivery') IS NOT NULL AS present")
    if not exists[0]["present"]:
        return
    rows = await db.fetch(
        """SELECT status, count(*) AS n FROM webhook_delivery
           WHERE status IN ('PENDING', 'SENDING') GROUP BY status""")
    counts = {row["status"]: row["n"] for row in rows}
    for status in _QUEUED:
        metrics.WEBHOOK_DELIVERIES_QUEUED.labels(status).set(counts.get(status, 0))


def register() -> None:
    metrics.register_sampler("subscriptions", sample_subscriptions, local=True)
    metrics.register_sampler("search", sample_search, local=True)
    metrics.register_sampler("queues", sample_queues, local=False)
