"""Customer lifecycle rules (issue 16): an account archives customers inactive for
`archive_after_months` and erases those inactive for `erase_after_months` (both off when null).

Inactive for N months: created more than N months ago, no appointment begun in the last N
months (customer.last_appointment_at, not cancelled ones) and none upcoming
(customer.next_appointment_at), the figures appointments/last_seen.py keeps. In one expression:
greatest(created_at, last_appointment_at, next_appointment_at) < now - N months (greatest skips
nulls; an upcoming appointment is after now). Messages the business sent do not count: they are
its own act, not the customer's; an unsent message of an erased customer is skipped by erasure.

- Archive: set-wise, in batches of BATCH rows, each batch one statement (rows locked by another
  write are skipped, and found next run), each archived customer with an UPDATED history entry
  (archived_at, actor "archive rule") and an `updated` event after the commit (every instance's
  search index drops them; the default lists leave archived customers out).
- Erase: one by one through customers.erasure.erase(force=False), each in its own transaction;
  those it refuses (blocked customers; upcoming appointments booked meanwhile) are skipped and
  counted. Archived customers are erased too.

Every run writes a lifecycle_run row per rule (what it did, or the error). `run_rules` holds a
per-account advisory lock (pg_try_advisory_xact_lock, in a transaction on its own connection)
for the whole run while the work commits as it goes on other connections: with several
instances one runs an account's rules, the others skip it. The background loop (`running`)
visits each account with a rule once an hour (the first time an hour after
the start); a run within the last RUN_INTERVAL is not
repeated.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import uuid
from dataclasses import dataclass
from enum import Enum
from typing import Any

from clientele.accounts import audit
from clientele.accounts.audit import AuditAction
from clientele.accounts.principal import Actor
from clientele.core import background, db
from clientele.core.cursors import decode_cursor, encode_cursor
from clientele.core.errors import DomainError, NotFound
from clientele.customers import erasure, events

log = logging.getLogger(__name__)

EVERY_SECONDS = 3600.0
RUN_INTERVAL = dt.timedelta(minutes=55)  # the hourly loop skips an account run this recently
BATCH = 1000
ERASE_BATCH = 200
ARCHIVE_LABEL = "archive rule"
ERASE_LABEL = "retention rule"


class RunKind(str, Enum):
    ARCHIVE = "ARCHIVE"
    ERASE = "ERASE"


@dataclass(frozen=True)
class Run:
    id: uuid.UUID
    kind: RunKind
    months: int
    started_at: dt.datetime
    finished_at: dt.datetime | None
    done: int  # archived or erased
    skipped: int
    error: str | None

    @property
    def cursor(self) -> str:
        return encode_cursor(self.started_at, self.id)

    @classmethod
    def of(cls, row: Any) -> Run:
        return cls(id=row["id"], kind=RunKind(row["kind"]), months=row["months"],
                   started_at=row["started_at"], finished_at=row["finished_at"],
                   done=row["done_count"], skipped=row["skipped_count"], error=row["error"])


# customers of account $1 inactive since the cutoff $2
_INACTIVE = """account = $1 AND greatest(created_at, last_appointment_at, next_appointment_at)
               < $2::timestamptz"""

_ARCHIVE_SQL = f"""
WITH picked AS (
    SELECT id FROM customer WHERE {_INACTIVE} AND archived_at IS NULL
    ORDER BY id LIMIT {BATCH} FOR NO KEY UPDATE SKIP LOCKED)
UPDATE customer c SET archived_at = clock_timestamp(), updated_at = now()
FROM picked WHERE c.id = picked.id
RETURNING c.id, c.archived_at"""


async def _cutoff_at(now: dt.datetime, months: int) -> dt.datetime:
    """`months` calendar months before `now` (PostgreSQL's month arithmetic)."""
    rows = await db.fetch_records(
        "SELECT $1::timestamptz - make_interval(months => $2) AS cutoff", now, months)
    cutoff: dt.datetime = rows[0]["cutoff"]
    return cutoff


async def archive_inactive(actor: Actor, months: int, now: dt.datetime) -> int:
    """Archive the account's customers inactive for `months` as of `now`; how many."""
    cutoff = await _cutoff_at(now, months)
    total = 0
    while True:
        async with db.transaction():
            rows = await db.fetch_records(_ARCHIVE_SQL, actor.account_id, cutoff)
            for row in rows:
                await audit.record(actor, row["id"], AuditAction.UPDATED, [
                    {"field": "archived_at", "from": None,
                     "to": audit.plain(row["archived_at"])}])
                await events.publish(actor.account_id, row["id"], "updated")
        total += len(rows)
        if len(rows) < BATCH:
            return total


async def erase_inactive(actor: Actor, months: int, now: dt.datetime) -> tuple[int, int]:
    """Erase the account's customers inactive for `months` as of `now`, one by one;
    (erased, skipped: refused by erasure)."""
    cutoff = await _cutoff_at(now, months)
    erased = skipped = 0
    last = uuid.UUID(int=0)
    while True:
        rows = await db.fetch_records(
            f"""SELECT id FROM customer WHERE {_INACTIVE} AND id > $3
                ORDER BY id LIMIT {ERASE_BATCH}""", actor.account_id, cutoff, last)
        for row in rows:
            try:
                await erasure.erase(actor, row["id"], force=False)
                erased += 1
            except NotFound:  # erased or merged away meanwhile
                pass
            except DomainError:  # blocked, or booked meanwhile: left alone
                skipped += 1
        if len(rows) < ERASE_BATCH:
            return erased, skipped
        last = rows[-1]["id"]


async def _start(account_id: uuid.UUID, kind: RunKind, months: int) -> uuid.UUID:
    run_id = uuid.uuid4()
    await db.fetch_records(
        """INSERT INTO lifecycle_run (id, account, kind, months, started_at)
           VALUES ($1, $2, $3, $4, clock_timestamp())""", run_id, account_id, kind.value, months)
    return run_id


async def _finish(run_id: uuid.UUID, done: int, skipped: int, error: str | None) -> None:
    await db.fetch_records(
        """UPDATE lifecycle_run SET finished_at = clock_timestamp(), done_count = $2,
                  skipped_count = $3, error = $4 WHERE id = $1""", run_id, done, skipped, error)


async def _recently_run(account_id: uuid.UUID, within: dt.timedelta) -> bool:
    rows = await db.fetch_records(
        """SELECT 1 FROM lifecycle_run WHERE account = $1
               AND started_at > clock_timestamp() - $2::interval LIMIT 1""", account_id, within)
    return bool(rows)


async def run_rules(account_id: uuid.UUID, now: dt.datetime | None = None,
                    skip_if_run_within: dt.timedelta | None = None) -> list[Run] | None:
    """Run the account's lifecycle rules as of `now` (default: the clock): erasure first, then
    archiving. The runs written (none when both rules are off), or None when another instance
    runs the account's rules now (or, with `skip_if_run_within`, ran them that recently)."""
    async with db.transaction():  # holds the account's lock until the run ends
        locked = await db.fetch_records(
            "SELECT pg_try_advisory_xact_lock($1) AS ok",
            db.advisory_key("lifecycle", str(account_id)))
        if not locked[0]["ok"]:
            return None
        async with db.apart():  # the work commits as it goes, on other connections
            if skip_if_run_within is not None and await _recently_run(account_id,
                                                                      skip_if_run_within):
                return None
            return await _run_locked(account_id, now)


async def _run_locked(account_id: uuid.UUID, now: dt.datetime | None) -> list[Run]:
    rows = await db.fetch_records(
        """SELECT default_phone_region, archive_after_months, erase_after_months,
                  coalesce($2::timestamptz, now()) AS now FROM account WHERE id = $1""",
        account_id, now)
    if not rows:
        return []
    account = rows[0]
    at: dt.datetime = account["now"]
    run_ids = []
    for kind, months in ((RunKind.ERASE, account["erase_after_months"]),
                         (RunKind.ARCHIVE, account["archive_after_months"])):
        if months is None:
            continue
        run_id = await _start(account_id, kind, months)
        run_ids.append(run_id)
        done = skipped = 0
        error = None
        try:
            if kind is RunKind.ERASE:
                actor = Actor(account_id, account["default_phone_region"], None, ERASE_LABEL)
                done, skipped = await erase_inactive(actor, months, at)
            else:
                actor = Actor(account_id, account["default_phone_region"], None, ARCHIVE_LABEL)
                done = await archive_inactive(actor, months, at)
        except Exception as exc:  # recorded: the report shows it, the next run tries again
            log.exception("lifecycle rule %s of account %s failed", kind.value, account_id)
            error = f"{type(exc).__name__}: {exc}"[:1000]
        await _finish(run_id, done, skipped, error)
    found = await db.fetch_records("SELECT * FROM lifecycle_run WHERE id = ANY($1::uuid[])",
                                   run_ids)
    by_id = {row["id"]: Run.of(row) for row in found}
    return [by_id[i] for i in run_ids]


@dataclass(frozen=True)
class RunPage:
    runs: list[Run]
    has_next_page: bool


async def runs(account_id: uuid.UUID, first: int, after: str | None) -> RunPage:
    """The account's runs, newest first (InvalidCursor for a bad `after`)."""
    condition, args = "", [account_id, first + 1]
    if after is not None:
        started_at, last_id = decode_cursor(after, (dt.datetime, uuid.UUID))
        condition = "AND (started_at, id) < ($3::timestamptz, $4::uuid)"
        args += [started_at, last_id]
    rows = await db.fetch_records(
        f"""SELECT * FROM lifecycle_run WHERE account = $1 {condition}
            ORDER BY started_at DESC, id DESC LIMIT $2""", *args)
    return RunPage(runs=[Run.of(row) for row in rows[:first]], has_next_page=len(rows) > first)


async def _every_hour() -> None:
    while True:
        await asyncio.sleep(EVERY_SECONDS)
        try:
            accounts = await db.fetch_records(
                """SELECT id FROM account WHERE archive_after_months IS NOT NULL
                       OR erase_after_months IS NOT NULL""")
            for account in accounts:
                await run_rules(account["id"], skip_if_run_within=RUN_INTERVAL)
        except Exception:  # a database hiccup: next hour
            log.exception("customer lifecycle rules failed")


def running() -> contextlib.AbstractAsyncContextManager[None]:
    return background.running(_every_hour())
