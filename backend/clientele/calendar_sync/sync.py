"""Sync one calendar source: upsert appointments keyed by source + UID + recurrence instance,
customers through the identity service, a SyncRun row with the figures.

An unchanged event writes nothing (a digest of its content is stored); an older SEQUENCE never
overwrites a newer one; STATUS:CANCELLED cancels; an event that disappears from the feed is
marked cancelled and kept. A malformed feed fails the run before anything is written."""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import json
import logging
import uuid
from dataclasses import dataclass, field
from typing import Any

from clientele.accounts.principal import Actor
from clientele.appointments import events as appointment_events
from clientele.appointments import writes as appointments
from clientele.calendar_sync import details as contact
from clientele.calendar_sync import events as run_events
from clientele.calendar_sync.ics import EventInstance, FeedError
from clientele.calendar_sync.parsing import parse_off_loop
from clientele.core import db, turns
from clientele.customers import services as customers
from clientele.customers.enums import ConflictPolicy, CustomerSource

INTERRUPTED = "The server stopped during this run; nothing from it was kept."
SYNC_LOCK_NAMESPACE = 0x53594E43  # "SYNC"
log = logging.getLogger(__name__)
UPSERT_CHUNK = 500


class SyncBusy(RuntimeError):
    """Another instance is syncing this source right now."""


@dataclass
class SyncOutcome:
    events_seen: int = 0
    appointments_created: int = 0
    appointments_updated: int = 0
    appointments_cancelled: int = 0
    customers_created: int = 0
    customers_matched: int = 0
    changed_appointments: list[tuple[uuid.UUID, uuid.UUID | None]] = field(default_factory=list)


@dataclass(frozen=True)
class Window:
    start: dt.datetime
    end: dt.datetime

    @classmethod
    def around(cls, now: dt.datetime, past_days: int, future_days: int) -> Window:
        return cls(now - dt.timedelta(days=past_days), now + dt.timedelta(days=future_days))


def _digest(event: EventInstance, found: contact.ContactDetails) -> str:
    content = [event.summary, event.description, event.location, event.starts_at.isoformat(),
               event.ends_at.isoformat(), event.all_day, event.cancelled, found.email,
               found.phone, found.first_name, found.last_name]
    if found.salutation:  # only then: digests of events without one stay as they were
        content.append(found.salutation)
    return hashlib.sha256(json.dumps(content, default=str).encode()).hexdigest()


async def _staff_emails(account_id: uuid.UUID) -> set[str]:
    rows = await db.fetch("SELECT email FROM staff_user WHERE account = $1", account_id)
    return {r["email"] for r in rows}


async def sync_events(actor: Actor, source_id: uuid.UUID, events: list[EventInstance],
                      window: Window, own_domains: set[str]) -> SyncOutcome:
    outcome = SyncOutcome(events_seen=len(events))
    existing = {(r["event_uid"], r["recurrence_id"]): r for r in await db.fetch(
        """SELECT id, event_uid, recurrence_id, sequence, sync_hash, customer, starts_at,
                  removed_from_source_at, status
           FROM appointment WHERE account = $1 AND calendar_source_id = $2""",
        actor.account_id, source_id)}
    latest: dict[tuple[str, str], EventInstance] = {}
    for event in events:  # the same instance twice: the higher SEQUENCE wins
        key = (event.uid, event.recurrence_id)
        if key not in latest or event.sequence >= latest[key].sequence:
            latest[key] = event
    own_emails = await _staff_emails(actor.account_id)
    policy = await _conflict_policy(actor.account_id)
    changed: list[tuple[EventInstance, str, contact.ContactDetails, Any]] = []
    extracted: dict[tuple[Any, ...], contact.ContactDetails] = {}
    for done, (key, event) in enumerate(latest.items()):
        await turns.let_others_run(done)
        stored = existing.get(key)
        if stored is not None and event.sequence < stored["sequence"]:
            continue  # an older version of an event we already have
        details_key = (event.description, tuple(event.attendees), event.organizer)
        found = extracted.get(details_key)
        if found is None:  # instances of a recurring event share their description
            found = extracted[details_key] = contact.extract(
                event.description, event.attendees, event.organizer, own_emails, own_domains,
                actor.phone_region)
        digest = _digest(event, found)
        if stored is not None and stored["sync_hash"] == digest \
                and stored["removed_from_source_at"] is None:
            continue  # unchanged: write nothing
        changed.append((event, digest, found, stored))
    people = await _customers(actor, [found for _e, _d, found, _s in changed], outcome, policy)
    pending = [(event, digest, people.get((found.email, found.phone)), stored)
               for event, digest, found, stored in changed]
    for chunk_start in range(0, len(pending), UPSERT_CHUNK):
        await _upsert(actor, source_id, pending[chunk_start:chunk_start + UPSERT_CHUNK],
                      outcome)
    seen = set(latest)
    removed = [stored for key, stored in existing.items()
               if key not in seen and stored["removed_from_source_at"] is None
               and window.start <= stored["starts_at"] < window.end]
    await appointments.cancel_removed(actor.account_id, [stored["id"] for stored in removed])
    outcome.appointments_cancelled += len(removed)
    outcome.changed_appointments += [(stored["id"], stored["customer"]) for stored in removed]
    return outcome


async def _conflict_policy(account_id: uuid.UUID) -> ConflictPolicy:
    rows = await db.fetch("SELECT calendar_conflict_policy FROM account WHERE id = $1",
                          account_id)
    return ConflictPolicy(rows[0]["calendar_conflict_policy"])


async def _customers(actor: Actor, found: list[contact.ContactDetails], outcome: SyncOutcome,
                     policy: ConflictPolicy) -> dict[tuple[str | None, str | None], uuid.UUID]:
    """The customer of each distinct (email, phone) among the events' details, resolved in
    one `match_or_create_many` (in order of first appearance; the first event's names count);
    details that cannot be used (e.g. a phone taken by someone else) get none."""
    distinct: dict[tuple[str | None, str | None], contact.ContactDetails] = {}
    for details in found:
        if details.identifiable:
            distinct.setdefault((details.email, details.phone), details)
    results = await customers.match_or_create_many(actor, [
        customers.Person({"salutation": d.salutation, "first_name": d.first_name,
                          "last_name": d.last_name or (None if d.first_name
                                                       else "Calendar contact"),
                          "email": d.email, "mobile_phone": d.phone})
        for d in distinct.values()], CustomerSource.CALENDAR, policy)
    people: dict[tuple[str | None, str | None], uuid.UUID] = {}
    for key, result in zip(distinct, results, strict=True):
        if result.error is not None:
            continue
        if result.created:
            outcome.customers_created += 1
        else:
            outcome.customers_matched += 1
        people[key] = result.row["id"]
    return people


async def _upsert(actor: Actor, source_id: uuid.UUID,
                  batch: list[tuple[EventInstance, str, uuid.UUID | None, Any]],
                  outcome: SyncOutcome) -> None:
    """Insert or update a batch of appointments in one statement (appointments.writes)."""
    rows = await appointments.upsert_many(actor.account_id, source_id, [
        appointments.Upsert(customer=customer_id, uid=event.uid,
                            recurrence_id=event.recurrence_id, title=event.summary,
                            starts_at=event.starts_at, ends_at=event.ends_at,
                            all_day=event.all_day, location=event.location,
                            cancelled=event.cancelled, sequence=event.sequence, digest=digest)
        for event, digest, customer_id, _stored in batch])
    was_cancelled = {(appointments.stored_uid(e.uid), e.recurrence_id):
                     (s is not None and s["status"] == "CANCELLED") for e, _d, _c, s in batch}
    cancelling = {(appointments.stored_uid(e.uid), e.recurrence_id)
                  for e, _d, _c, _s in batch if e.cancelled}
    for row in rows:
        key = (row["event_uid"], row["recurrence_id"])
        if row["inserted"]:
            outcome.appointments_created += 1
        elif key in cancelling and not was_cancelled[key]:
            outcome.appointments_cancelled += 1
        else:
            outcome.appointments_updated += 1
        outcome.changed_appointments.append((row["id"], row["customer"]))


def _content_hash(data: str | bytes, window: Window, own_domains: set[str] | None) -> str:
    """The same bytes, window and settings always sync to the same result."""
    raw = data.encode() if isinstance(data, str) else data
    digest = hashlib.sha256(raw)
    digest.update(f"|{window.start.isoformat()}|{window.end.isoformat()}|"
                  f"{sorted(own_domains or ())}".encode())
    return digest.hexdigest()


async def _same_as_last_time(source_id: uuid.UUID, content: str | None) -> bool:
    rows = await db.fetch("SELECT content_hash FROM calendar_source WHERE id = $1", source_id)
    return bool(rows) and content is not None and rows[0]["content_hash"] == content


async def record_failed_run(actor: Actor, source_id: uuid.UUID, error: str) -> Any:
    """A run that failed before parsing (fetch errors): recorded with its reason."""
    rows = await db.fetch_records(
        """INSERT INTO sync_run (id, account, source, started_at, finished_at, events_seen,
               appointments_created, appointments_updated, appointments_cancelled,
               customers_created, customers_matched, error)
           VALUES (gen_random_uuid(), $1, $2, now(), now(), 0, 0, 0, 0, 0, 0, $3) RETURNING *""",
        actor.account_id, source_id, error)
    await run_events.publish(actor.account_id, rows[0]["id"], source_id)
    return rows[0]


@dataclass(frozen=True)
class Validators:
    """A fetched feed's ETag and Last-Modified: stored only with the data they describe."""

    etag: str | None
    last_modified: str | None


async def run_sync(actor: Actor, source_id: uuid.UUID, data: str | bytes | None,
                   window: Window, own_domains: set[str] | None = None,
                   validators: Validators | None = None) -> Any:
    """Parse and sync a feed under a per-source lock, recording a SyncRun (also on failure).
    `data` None means "not modified since the last fetch": a run that changes nothing.

    The run row is written first (committed: staff see the run as running), then one
    transaction holds the source's lock and writes the appointments, the source's
    `validators`, content digest and sync time, and the run's figures together: a run killed
    anywhere in between leaves none of them, so the next fetch imports the feed again, and the
    run row still "running" is failed by `fail_interrupted_runs` when a server starts."""
    rows = await db.fetch(
        """INSERT INTO sync_run (id, account, source, started_at, events_seen,
               appointments_created, appointments_updated, appointments_cancelled,
               customers_created, customers_matched)
           VALUES (gen_random_uuid(), $1, $2, now(), 0, 0, 0, 0, 0, 0) RETURNING id""",
        actor.account_id, source_id)
    run_id = rows[0]["id"]
    outcome = SyncOutcome()
    error: str | None = None
    content = _content_hash(data, window, own_domains) if data is not None else None
    try:
        async with db.transaction():
            locked = await db.fetch("SELECT pg_try_advisory_xact_lock($1, hashtext($2)) AS ok",
                                    SYNC_LOCK_NAMESPACE, str(source_id))
            if not locked[0]["ok"]:
                raise SyncBusy("This calendar is being synced by another instance right now.")
            if data is not None and not await _same_as_last_time(source_id, content):
                events = await parse_off_loop(data, window.start, window.end)
                outcome = await sync_events(actor, source_id, events, window,
                                            own_domains or set())
            await db.fetch(
                """UPDATE calendar_source SET last_synced_at = now(),
                          content_hash = coalesce($2, content_hash),
                          etag = CASE WHEN $3 THEN $4 ELSE etag END,
                          last_modified = CASE WHEN $3 THEN $5 ELSE last_modified END
                   WHERE id = $1""",
                source_id, content, validators is not None,
                validators.etag if validators else None,
                validators.last_modified if validators else None)
            finished = await _finish(run_id, outcome, None)
    except (FeedError, SyncBusy) as exc:
        error = str(exc)
    except asyncio.CancelledError:  # the server is stopping: say so rather than "running"
        await asyncio.shield(_finish(run_id, SyncOutcome(), INTERRUPTED))
        raise
    except Exception:
        log.exception("calendar sync of source %s failed", source_id)
        error = "The sync failed unexpectedly; nothing from it was kept. Try again later."
    if error is not None:
        finished = await _finish(run_id, SyncOutcome(), error)
    else:
        for done, (appointment_id, customer_id) in enumerate(outcome.changed_appointments):
            await turns.let_others_run(done)
            await appointment_events.publish(actor.account_id, appointment_id, customer_id,
                                             "synced")
    await run_events.publish(actor.account_id, run_id, source_id)
    return finished


async def _finish(run_id: uuid.UUID, outcome: SyncOutcome, error: str | None) -> Any:
    rows = await db.fetch_records(
        """UPDATE sync_run SET finished_at = now(), events_seen = $2, appointments_created = $3,
               appointments_updated = $4, appointments_cancelled = $5, customers_created = $6,
               customers_matched = $7, error = $8 WHERE id = $1 RETURNING *""",
        run_id, outcome.events_seen, outcome.appointments_created,
        outcome.appointments_updated, outcome.appointments_cancelled,
        outcome.customers_created, outcome.customers_matched, error)
    return rows[0]


async def fail_interrupted_runs() -> list[Any]:
    """At start: runs still "running" whose process is gone are marked failed with a reason.

    A run's process holds the source's advisory lock for as long as it works (its transaction
    has it), so a lock we can take means nobody is running that source; runs whose lock is
    held belong to a live instance and are left alone. (A run row is written just before its
    lock is taken; should this mark such a run in that instant, the run's own final update
    overwrites it with its real figures.)"""
    async with db.transaction():
        rows = await db.fetch_records(
            """WITH running AS MATERIALIZED (
                   SELECT id, source FROM sync_run WHERE finished_at IS NULL)
               UPDATE sync_run r SET finished_at = now(), error = $2
               FROM running
               WHERE r.id = running.id
                 AND pg_try_advisory_xact_lock($1, hashtext(running.source::text))
               RETURNING r.id, r.account, r.source""",
            SYNC_LOCK_NAMESPACE, INTERRUPTED)
    for row in rows:
        log.warning("sync run %s of source %s was interrupted; marked failed", row["id"],
                    row["source"])
        await run_events.publish(row["account"], row["id"], row["source"])
    return list(rows)
