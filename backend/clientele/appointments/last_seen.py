"""customer.last_appointment_at as time passes.

PostgreSQL triggers on `appointment` keep the column right whenever appointments are written
(migration 2026-11-23T17:00). What no write announces is an upcoming appointment's start
passing; every minute one instance (a row lock serialises them) moves the customers of the
appointments that began since the last run forward."""

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


async def roll_forward(until: dt.datetime | None = None) -> int:
    """Customers whose appointments began since the last run (up to `until`, default now);
    returns how many customers changed."""
    async with db.transaction():
        rows = await db.fetch_records(
            """SELECT last_run, coalesce($1::timestamptz, now()) AS until
               FROM appointment_rollover WHERE id = 1 FOR UPDATE""", until)
        if not rows:
            return 0
        since, until = rows[0]["last_run"], rows[0]["until"]
        changed = await db.fetch_records(
            """UPDATE customer c SET last_appointment_at = a.last
               FROM (SELECT customer, max(starts_at) AS last FROM appointment
                      WHERE customer IS NOT NULL AND status <> 'CANCELLED'
                        AND starts_at > $1 AND starts_at <= $2
                      GROUP BY customer) a
               WHERE c.id = a.customer
                 AND (c.last_appointment_at IS NULL OR c.last_appointment_at < a.last)
               RETURNING c.id""", since, until)
        await db.fetch_records("UPDATE appointment_rollover SET last_run = $1 WHERE id = 1",
                               max(since, until))
    return len(changed)


async def _every_minute() -> None:
    while True:
        await asyncio.sleep(EVERY_SECONDS)
        try:
            await roll_forward()
        except Exception:  # a database hiccup: next minute
            log.exception("rolling last appointments forward failed")


def running() -> contextlib.AbstractAsyncContextManager[None]:
    return background.running(_every_minute())
