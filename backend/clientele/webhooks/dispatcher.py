"""Sending recorded deliveries, on every instance at once, each attempt by one of them.

One loop per instance (the app's lifespan), as the message dispatcher does
(communications/dispatcher.py): put back what a dead instance left half-sent (its lease ran
out), claim a batch of due deliveries of enabled endpoints (`FOR UPDATE SKIP LOCKED`: no two
instances claim the same row), send them concurrently and write each outcome while the
claim is still ours.

An attempt POSTs the stored body through the outbound guard (core/fetch.py: public
addresses only unless FETCH_ALLOW_NETWORKS allows a network, checked when connecting),
signed for this attempt (`webhook-timestamp` is now, so a partner's 5-minute tolerance holds
on a retry a day later) with the standardwebhooks package. A 2xx answer delivers; anything
else (another status, a redirect, a timeout, a refused address) is retried after
RETRY_SECONDS[attempt - 1] with ±10 % jitter, about 31.6 hours in all, then FAILED. An
endpoint none of whose attempts succeeded for DISABLE_AFTER is disabled, and its pending
deliveries FAILED. Finished deliveries are kept for KEEP (the delivery log), then pruned
(docs/api.md)."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import http
import logging
import random
import time
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from typing import Any

from standardwebhooks.webhooks import Webhook

from clientele.core import background, db, metrics
from clientele.core import fetch as guard
from clientele.webhooks import outbox

log = logging.getLogger(__name__)

# after attempt 1, 2, …: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h (8 attempts, ~31.6 h)
RETRY_SECONDS: tuple[float, ...] = (5, 300, 1800, 7200, 18000, 36000, 50400)
JITTER = 0.1
DISABLE_AFTER = dt.timedelta(days=5)
TIMEOUT_SECONDS = 10.0
MAX_ANSWER_BYTES = 64 * 1024  # of a 2xx answer's body, read and dropped
MAX_ERROR = 500
IDLE_SECONDS = 1.0
SCAN_DUE = 10_000  # due deliveries a claim ranks per endpoint at most
KEEP = dt.timedelta(days=30)  # finished deliveries (and their log) are kept this long
PRUNE_EVERY_SECONDS = 3600.0
PRUNE_BATCH = 5000
USER_AGENT = "Clientele-Webhooks/1"


@dataclass(frozen=True)
class Options:
    lease_seconds: float = 60.0  # longer than an attempt can take (TIMEOUT_SECONDS)
    concurrency: int = 8
    retry_seconds: Sequence[float] = RETRY_SECONDS
    timeout: float = TIMEOUT_SECONDS
    disable_after: dt.timedelta = DISABLE_AFTER


@dataclass(frozen=True)
class Outcome:
    status_code: int | None
    error: str | None  # None: delivered
    duration_ms: int


async def recover() -> int:
    """Deliveries a dead instance claimed and never finished: due again (none lost)."""
    rows = await db.fetch(
        """UPDATE webhook_delivery SET status = 'PENDING', claimed_until = NULL
           WHERE status = 'SENDING' AND claimed_until < now() RETURNING id""")
    return len(rows)


async def claim(limit: int, lease_seconds: float,
                per_endpoint: int | None = None) -> list[dict[str, Any]]:
    """Due deliveries of enabled endpoints, oldest first, claimed under a lease, with the
    endpoint's URL and secret; at most `per_endpoint` of one endpoint (so a slow or dead
    endpoint takes a share of the batch, never all of it). The ranking looks at the
    SCAN_DUE oldest due deliveries only, so a large backlog costs a bounded scan."""
    return await db.fetch(
        """UPDATE webhook_delivery d SET status = 'SENDING', attempts = d.attempts + 1,
                  claimed_until = now() + make_interval(secs => $2)
           FROM webhook_endpoint e
           WHERE e.id = d.endpoint
             AND d.id IN (
                 SELECT q.id FROM webhook_delivery q
                 WHERE q.status = 'PENDING' AND q.id IN (
                     SELECT id FROM (
                         SELECT due.id, row_number() OVER (
                                    PARTITION BY due.endpoint ORDER BY due.next_attempt_at
                                ) AS rank
                         FROM (SELECT w.id, w.endpoint, w.next_attempt_at
                               FROM webhook_delivery w
                               JOIN webhook_endpoint we ON we.id = w.endpoint AND we.enabled
                               WHERE w.status = 'PENDING' AND w.next_attempt_at <= now()
                               ORDER BY w.next_attempt_at LIMIT $4) due) ranked
                     WHERE rank <= $3)
                 ORDER BY q.next_attempt_at
                 LIMIT $1 FOR UPDATE OF q SKIP LOCKED)
           RETURNING d.*, e.url, e.secret""",
        limit, lease_seconds, per_endpoint or limit, SCAN_DUE)


def sign(secret: str, message_id: str, body: str, at: dt.datetime) -> dict[str, str]:
    """The Standard Webhooks headers of one attempt."""
    return {"webhook-id": message_id,
            "webhook-timestamp": str(int(at.timestamp())),
            "webhook-signature": Webhook(secret).sign(message_id, at, body),
            "content-type": "application/json", "user-agent": USER_AGENT}


async def attempt(row: dict[str, Any], timeout: float,
                  session: guard.Session | None = None) -> Outcome:
    """POST the delivery once; never raises for the endpoint's faults."""
    headers = sign(row["secret"], row["message_id"], row["payload"], dt.datetime.now(dt.UTC))
    started = time.monotonic()

    def took() -> int:
        return int((time.monotonic() - started) * 1000)

    try:
        answer = await guard.post(row["url"], row["payload"].encode(), what="webhook URL",
                                  headers=headers, max_bytes=MAX_ANSWER_BYTES,
                                  timeout=timeout, session=session)
    except guard.FetchError as exc:
        if exc.code is guard.FetchFailure.TOO_LARGE:  # a 2xx with a long body: delivered
            return Outcome(200, None, took())
        return Outcome(None, f"{exc} ({exc.code.value})"[:MAX_ERROR], took())
    if 200 <= answer.status_code < 300:
        return Outcome(answer.status_code, None, took())
    return Outcome(answer.status_code, _status_text(answer.status_code), took())


def _status_text(code: int) -> str:
    """"HTTP 500 Internal Server Error": the standard phrase, never the partner's own text."""
    try:
        return f"HTTP {code} {http.HTTPStatus(code).phrase}"
    except ValueError:
        return f"HTTP {code}"


def retry_in(attempts: int, schedule: Sequence[float]) -> float | None:
    """Seconds until the next attempt after `attempts` failed ones (jittered), or None: no
    attempt is left."""
    if attempts > len(schedule):
        return None
    return schedule[attempts - 1] * random.uniform(1 - JITTER, 1 + JITTER)


async def finish(row: dict[str, Any], outcome: Outcome, options: Options) -> str | None:
    """Write the attempt's outcome while the claim is ours (a lease that ran out belongs to
    whoever claimed next); the delivery's new status, or None when the claim was lost."""
    delivered = outcome.error is None
    wait = None if delivered or row["manual"] else retry_in(row["attempts"],
                                                            options.retry_seconds)
    status = "DELIVERED" if delivered else ("PENDING" if wait is not None else "FAILED")
    # one statement: the delivery (while the claim is ours), its log, the endpoint's streak
    [written] = await db.fetch(
        """WITH done AS (
               UPDATE webhook_delivery SET status = $3::text, claimed_until = NULL,
                      manual = false,
                      next_attempt_at = CASE WHEN $4::float8 IS NULL THEN NULL
                                        ELSE now() + make_interval(secs => $4::float8) END,
                      last_status_code = $5, last_error = $6::text, last_duration_ms = $7,
                      last_attempt_at = now(),
                      delivered_at = CASE WHEN $3::text = 'DELIVERED'
                                          THEN coalesce(delivered_at, now()) END
               WHERE id = $1 AND status = 'SENDING' AND claimed_until = $2
               RETURNING id, endpoint),
           logged AS (
               INSERT INTO webhook_attempt (delivery, status_code, error, duration_ms, manual)
               SELECT id, $5, $6::text, $7, $8 FROM done),
           streak AS (
               UPDATE webhook_endpoint e SET
                   failure_streak = CASE WHEN $6::text IS NULL THEN 0
                                         ELSE e.failure_streak + 1 END,
                   failing_since = CASE WHEN $6::text IS NULL THEN NULL
                                        ELSE coalesce(e.failing_since, now()) END
               FROM done WHERE e.id = done.endpoint
               RETURNING e.enabled, e.failing_since)
           SELECT (SELECT count(*) FROM done) AS done, streak.enabled, streak.failing_since
           FROM (SELECT 1) AS one LEFT JOIN streak ON true""",
        row["id"], row["claimed_until"], status, wait, outcome.status_code, outcome.error,
        outcome.duration_ms, row["manual"])
    if not written["done"]:
        metrics.WEBHOOK_DELIVERIES.labels("claim_lost").inc()
        return None
    if written["enabled"] and not delivered and written["failing_since"] \
            <= dt.datetime.now(dt.UTC) - options.disable_after:
        await disable(row["endpoint"], options.disable_after)
        status = "FAILED" if status == "PENDING" else status
    metrics.WEBHOOK_DELIVERIES.labels({"DELIVERED": "delivered", "PENDING": "retry",
                                       "FAILED": "failed"}[status]).inc()
    return status


async def disable(endpoint_id: Any, after: dt.timedelta) -> None:
    """No attempt to the endpoint succeeded for `after`: disabled, and what waits for it
    FAILED (each can be redelivered once it is enabled again)."""
    days = after.total_seconds() / 86400
    reason = (f"No delivery succeeded for {days:g} days; disabled automatically. Fix the "
              "endpoint, then enable it (webhookEnable).")
    await db.fetch(
        """WITH off AS (
               UPDATE webhook_endpoint SET enabled = false, disabled_reason = $2,
                      disabled_at = now(), updated_at = now()
               WHERE id = $1 AND enabled RETURNING id)
           UPDATE webhook_delivery SET status = 'FAILED', next_attempt_at = NULL,
                  last_error = coalesce(last_error, 'The endpoint was disabled.')
           WHERE endpoint IN (SELECT id FROM off) AND status = 'PENDING'""",
        endpoint_id, reason)
    log.warning("webhook endpoint %s disabled: %s", endpoint_id, reason)


async def deliver(row: dict[str, Any], options: Options,
                  session: guard.Session | None = None) -> str | None:
    return await finish(row, await attempt(row, options.timeout, session), options)


async def run_once(options: Options) -> int:
    """Recover, claim and send one batch; returns how many were claimed."""
    await recover()
    rows = await claim(options.concurrency * 2, options.lease_seconds,
                       max(1, options.concurrency // 2))
    if not rows:
        return 0
    gate = asyncio.Semaphore(options.concurrency)

    async def one(row: dict[str, Any], session: guard.Session) -> None:
        async with gate:
            try:
                await deliver(row, options, session)
            except Exception:  # one broken delivery must not stop the others; its lease
                log.exception("webhook delivery %s failed", row["id"])  # brings it back

    # one client for the batch: deliveries to the same partner reuse its connections
    async with guard.session(options.timeout, options.concurrency) as session:
        await asyncio.gather(*(one(row, session) for row in rows))
    return len(rows)


async def prune(keep: dt.timedelta = KEEP, batch: int = PRUNE_BATCH) -> int:
    """Finished deliveries older than `keep` go with their log, `batch` at a time (one short
    statement each, so a large backlog never holds locks long); returns how many went."""
    gone = 0
    while True:
        rows = await db.fetch(
            """DELETE FROM webhook_delivery WHERE id IN (
                   SELECT id FROM webhook_delivery
                   WHERE status IN ('DELIVERED', 'FAILED')
                     AND created_at < now() - make_interval(secs => $1)
                   LIMIT $2 FOR UPDATE SKIP LOCKED)
               RETURNING id""", keep.total_seconds(), batch)
        gone += len(rows)
        if len(rows) < batch:
            return gone


def options_from(settings: Any) -> Options:
    return Options(concurrency=settings.webhook_concurrency)


@contextlib.asynccontextmanager
async def dispatcher(settings: Any = None, options: Options | None = None
                     ) -> AsyncIterator[None]:
    """Runs in the app's lifespan: sends due deliveries until the app stops."""
    options = options or (options_from(settings) if settings is not None else Options())

    async def loop() -> None:
        pruned_at = 0.0
        clock = asyncio.get_running_loop().time
        while True:
            try:
                if clock() - pruned_at >= PRUNE_EVERY_SECONDS:
                    pruned_at = clock()
                    await prune()
                if await run_once(options):
                    continue
            except Exception:
                log.exception("webhook dispatch round failed")
            await outbox.woken(IDLE_SECONDS)

    async with background.running(loop()):
        yield
