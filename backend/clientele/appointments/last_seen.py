"""A customer's appointment figures as time passes: last_appointment_at, last_visit_at,
next_appointment_at and the visit, no-show and cancellation counts.

PostgreSQL triggers on `appointment` keep them right whenever appointments are written
(migrations 2026-11-23T17:00 and 2026-11-30T05:00, one SQL function). What no write announces
is an appointment's start or end passing; every minute one instance (a row lock serialises
them) refreshes the customers of the appointments that began or ended since the last run."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging

from clientele.core import background, db

log = logging.getLogger(__name__)
EVERY_SECONDS = 60.0

# Every customer at once: the migration's backfill, and bench/generate.py's after its COPY
# (which bypasses triggers).
BACKFILL_SQL = """UPDATE customer c SET last_appointment_at = x.last
FROM (SELECT customer, max(starts_at) AS last FROM appointment
       WHERE customer IS NOT NULL AND status <> 'CANCELLED' AND starts_at <= now()
       GROUP BY customer) x
WHERE c.id = x.customer"""


# The figures of the customers in `ids` (uuid[]) from their appointments as of `at`: what the
# triggers (at now()) and the roll-forward run (the function refresh_customer_figures,
# migration 2026-11-30T05:00).
FIGURES_SQL = """
UPDATE customer c SET last_appointment_at = f.last_appointment, last_visit_at = f.last_visit,
       next_appointment_at = f.next_appointment, visit_count = f.visits,
       no_show_count = f.no_shows, cancellation_count = f.cancellations
FROM (SELECT i.id,
             max(a.starts_at) FILTER (WHERE a.status <> 'CANCELLED'
                                        AND a.starts_at <= at) AS last_appointment,
             max(a.starts_at) FILTER (WHERE a.status IN ('SCHEDULED', 'COMPLETED')
                                        AND a.starts_at <= at) AS last_visit,
             min(a.starts_at) FILTER (WHERE a.status <> 'CANCELLED'
                                        AND a.ends_at > at) AS next_appointment,
             count(a.id) FILTER (WHERE a.status IN ('SCHEDULED', 'COMPLETED')
                                   AND a.starts_at <= at) AS visits,
             count(a.id) FILTER (WHERE a.status = 'NO_SHOW') AS no_shows,
             count(a.id) FILTER (WHERE a.status = 'CANCELLED') AS cancellations
        FROM unnest(ids) AS i(id) LEFT JOIN appointment a ON a.customer = i.id
       GROUP BY i.id) f
WHERE c.id = f.id
  AND (c.last_appointment_at, c.last_visit_at, c.next_appointment_at, c.visit_count,
       c.no_show_count, c.cancellation_count)
      IS DISTINCT FROM (f.last_appointment, f.last_visit, f.next_appointment, f.visits,
                        f.no_shows, f.cancellations)"""


# Every customer with appointments at once (bench/generate.py's COPY bypasses the triggers).
FIGURES_BACKFILL_SQL = """SELECT refresh_customer_figures(ARRAY(
    SELECT DISTINCT customer FROM appointment WHERE customer IS NOT NULL))"""


async def roll_forward(until: dt.datetime | None = None) -> int:
    """The figures of customers whose appointments began or ended since the last run (up to
    `until`, default now); returns how many customers' appointments moved into the past."""
    async with db.transaction():
        rows = await db.fetch_records(
            """SELECT last_run, coalesce($1::timestamptz, now()) AS until
               FROM appointment_rollover WHERE id = 1 FOR UPDATE""", until)
        if not rows:
            return 0
        since, until = rows[0]["last_run"], rows[0]["until"]
        moved = await db.fetch_records(
            """SELECT DISTINCT customer FROM appointment
               WHERE customer IS NOT NULL AND ((starts_at > $1 AND starts_at <= $2)
                                               OR (ends_at > $1 AND ends_at <= $2))""",
            since, until)
        ids = [row["customer"] for row in moved]
        if ids:
            await db.fetch_records("SELECT refresh_customer_figures($1::uuid[], $2)", ids, until)
        await db.fetch_records("UPDATE appointment_rollover SET last_run = $1 WHERE id = 1",
                               max(since, until))
    return len(ids)


async def _every_minute() -> None:
    while True:
        await asyncio.sleep(EVERY_SECONDS)
        try:
            await roll_forward()
        except Exception:  # a database hiccup: next minute
            log.exception("rolling last appointments forward failed")


def running() -> contextlib.AbstractAsyncContextManager[None]:
    return background.running(_every_minute())
