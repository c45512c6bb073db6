"""Sync one calendar source: appointments keyed by the event's UID and recurrence instance per
account (whichever source carries the event), customers through the identity service, a
SyncRun row with the figures.

One event is one appointment. Each source's copy of an event is recorded (calendar_event_copy)
with its SEQUENCE and stamp (LAST-MODIFIED, else DTSTAMP); the newest copy decides the
appointment: a stale copy never overwrites a newer one (the upsert's own condition decides, so
two sources syncing at once cannot undo each other), a newer copy that moves the event moves
the appointment, a cancelled one cancels it. Of two equally new copies the one already stored
stays.

An unchanged event writes nothing (a digest of its content is stored). "Removed from the feed"
is per source: when a source lists every event (a URL feed, or an upload staff did not mark
as partial) and no longer lists one whose date it covers, its copy goes, and the appointment
is cancelled (kept) once no source carries the event any more. A file that is an iTIP message
(METHOD:REQUEST, CANCEL…) carries some events only and never removes others; METHOD:CANCEL
cancels the events it lists.

Staff are never customers: the organiser, the calendar's owner (X-OWNER, X-WR-CALNAME), staff
users, the organiser's colleagues, the account's and the source's own domains, rooms and
resources (calendar_sync/details.py). Events that name no customer and whose title contains
an ignore rule's text are not appointments at all (counted as ignored). A malformed feed fails
the run before anything is written."""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import json
import logging
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from clientele.accounts.principal import Actor
from clientele.appointments import events as appointment_events
from clientele.appointments import writes as appointments
from clientele.calendar_sync import details as contact
from clientele.calendar_sync import events as run_events
from clientele.calendar_sync.ics import EventInstance, Feed, FeedError
from clientele.calendar_sync.parsing import parse_off_loop
from clientele.communications import queue as messages
from clientele.communications.queue import Change
from clientele.core import db, turns
from clientele.customers import services as customers
from clientele.customers.enums import ConflictPolicy, CustomerSource
from clientele.customers.errors import CustomerErrorCode

INTERRUPTED = "The server stopped during this run; nothing from it was kept."
SYNC_LOCK_NAMESPACE = 0x53594E43  # "SYNC"
log = logging.getLogger(__name__)
UPSERT_CHUNK = 500
NO_NAME = "Calendar contact"  # the last name of a customer the calendar gave a phone only
NEVER = dt.datetime.min.replace(tzinfo=dt.UTC)


class SyncBusy(RuntimeError):
    """Another instance is syncing this source right now."""


@dataclass
class SyncOutcome:
    events_seen: int = 0
    events_outside: int = 0
    events_ignored: int = 0
    appointments_created: int = 0
    appointments_updated: int = 0
    appointments_cancelled: int = 0
    customers_created: int = 0
    customers_matched: int = 0
    changed_appointments: list[tuple[uuid.UUID, uuid.UUID | None]] = field(default_factory=list)
    business_domains: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Window:
    """The dates synced; `start` None: from the file's first event on (all its dates)."""

    start: dt.datetime | None
    end: dt.datetime

    @classmethod
    def around(cls, now: dt.datetime, past_days: int, future_days: int) -> Window:
        return cls(now - dt.timedelta(days=past_days), now + dt.timedelta(days=future_days))

    def covers(self, moment: dt.datetime) -> bool:
        return (self.start is None or self.start <= moment) and moment < self.end


@dataclass(frozen=True)
class SyncSettings:
    """What besides the feed decides a run's result (part of its content digest)."""

    own_domains: frozenset[str] = frozenset()
    ignore: tuple[str, ...] = ()  # ignore rules: title texts, folded to lower case
    cancel_missing: bool = True  # the source lists every event of the dates it covers
    notify: bool = True  # customers hear of changes (not on a source's first run)
    time_zone: str = "UTC"  # the account's: floating times of a file without a zone of its own


def _digest(event: EventInstance, found: contact.ContactDetails) -> str:
    content = [event.summary, event.description, event.location, event.starts_at.isoformat(),
               event.ends_at.isoformat(), event.all_day, event.cancelled, found.email,
               found.phone, found.first_name, found.last_name]
    if found.salutation:  # only then: digests of events without one stay as they were
        content.append(found.salutation)
    if found.name_from_email:
        content.append("name from email")
    return hashlib.sha256(json.dumps(content, default=str).encode()).hexdigest()


def _version(sequence: int, stamp: dt.datetime | None) -> tuple[int, dt.datetime]:
    return sequence, stamp or NEVER


async def _staff_emails(account_id: uuid.UUID) -> set[str]:
    rows = await db.fetch("SELECT email FROM staff_user WHERE account = $1", account_id)
    return {r["email"].lower() for r in rows}


def _ignored(title: str, rules: Sequence[str]) -> bool:
    folded = title.lower()  # as SQL lower() does for the rules
    return any(rule in folded for rule in rules)


async def sync_events(actor: Actor, source_id: uuid.UUID, feed: Feed, window: Window,
                      settings: SyncSettings | set[str] = SyncSettings()) -> SyncOutcome:
    if not isinstance(settings, SyncSettings):  # a set of own domains
        settings = SyncSettings(own_domains=frozenset(settings))
    outcome = SyncOutcome(events_seen=len(feed.events), events_outside=feed.outside)
    latest: dict[tuple[str, str], EventInstance] = {}
    for event in feed.events:  # the same instance twice in one file: the newest copy wins
        key = (appointments.stored_uid(event.uid), event.recurrence_id)
        known = latest.get(key)
        if known is None or _version(event.sequence, event.last_modified) >= _version(
                known.sequence, known.last_modified):
            latest[key] = event
    stored = await _stored(actor.account_id, list(latest))
    copies = {(r["event_uid"], r["recurrence_id"]): r for r in await db.fetch(
        """SELECT event_uid, recurrence_id, sequence, stamp, starts_at
           FROM calendar_event_copy WHERE source = $1""", source_id)}
    own_emails = await _staff_emails(actor.account_id) | set(feed.owners)
    own_domains = set(settings.own_domains)
    policy = await _conflict_policy(actor.account_id)
    changed: list[tuple[EventInstance, str, contact.ContactDetails, Any]] = []
    extracted: dict[tuple[Any, ...], contact.ContactDetails] = {}
    for done, (key, event) in enumerate(latest.items()):
        await turns.let_others_run(done)
        if event.organizer:
            domain = event.organizer.lower().rpartition("@")[2]
            if domain and domain not in contact.GENERIC_DOMAINS:
                outcome.business_domains.add(domain)
        row = stored.get(key)
        if row is not None and not _takes_over(event, row, source_id):
            continue  # an older copy, or one as new as the stored copy of another source
        details_key = (event.description, tuple(event.attendees), event.organizer)
        found = extracted.get(details_key)
        if found is None:  # instances of a recurring event share their description
            found = extracted[details_key] = contact.extract(
                event.description, event.attendees, event.organizer, own_emails, own_domains,
                actor.phone_region)
        if not found.identifiable and _ignored(event.summary, settings.ignore):
            outcome.events_ignored += 1
            continue
        digest = _digest(event, found)
        if row is not None and row["sync_hash"] == digest \
                and row["removed_from_source_at"] is None:
            continue  # unchanged: write nothing
        changed.append((event, digest, found, row))
    erased: set[tuple[str | None, str | None]] = set()
    people = await _customers(actor, [found for _e, _d, found, _s in changed], outcome, policy,
                              erased)
    pending = [(event, digest, people.get((found.email, found.phone)), row)
               for event, digest, found, row in changed]
    for chunk_start in range(0, len(pending), UPSERT_CHUNK):
        await _upsert(actor, source_id, pending[chunk_start:chunk_start + UPSERT_CHUNK],
                      outcome, settings.notify)
    if erased:  # events of an erased person: kept unlinked, blanked and marked
        await appointments.erase_for_customer(actor.account_id, None, [
            (event.uid, event.recurrence_id) for event, _d, found, _s in changed
            if (found.email, found.phone) in erased])
    await _record_copies(actor.account_id, source_id, latest, copies)
    if settings.cancel_missing and not feed.partial:
        gone = [key for key, copy in copies.items()
                if key not in latest and window.covers(copy["starts_at"])]
        removed = await _drop_copies(actor.account_id, source_id, gone)
        await appointments.cancel_removed(actor.account_id, [r["id"] for r in removed])
        if settings.notify:
            await messages.appointments_changed(actor.account_id, [
                Change(r, {**r, "status": "CANCELLED"}) for r in removed])
        outcome.appointments_cancelled += len(removed)
        outcome.changed_appointments += [(r["id"], r["customer"]) for r in removed]
    return outcome


def _takes_over(event: EventInstance, row: Any, source_id: uuid.UUID) -> bool:
    """Whether this copy of the event may write the stored appointment (the upsert's SQL
    condition says the same, and decides when two runs race)."""
    ours = _version(event.sequence, event.last_modified)
    theirs = _version(row["sequence"], row["source_stamp"])
    if ours != theirs:
        return ours > theirs
    return row["calendar_source_id"] in (None, source_id) \
        or row["removed_from_source_at"] is not None


async def _stored(account_id: uuid.UUID, keys: list[tuple[str, str]]) -> dict[Any, Any]:
    """The account's appointments of these events, whichever source wrote them."""
    rows = []
    for start in range(0, len(keys), 5000):
        chunk = keys[start:start + 5000]
        rows += await db.fetch(
            """SELECT a.id, a.event_uid, a.recurrence_id, a.sequence, a.source_stamp,
                      a.sync_hash, a.customer, a.status, a.removed_from_source_at,
                      a.calendar_source_id, a.starts_at, a.ends_at
               FROM unnest($2::text[], $3::text[]) AS k(uid, rid)
               JOIN appointment a ON a.account = $1 AND a.event_uid = k.uid
                                 AND a.recurrence_id = k.rid""",
            account_id, [k[0] for k in chunk], [k[1] for k in chunk])
    return {(r["event_uid"], r["recurrence_id"]): r for r in rows}


async def _record_copies(account_id: uuid.UUID, source_id: uuid.UUID,
                         latest: dict[tuple[str, str], EventInstance],
                         copies: dict[Any, Any]) -> None:
    """This source's copy of each event it lists (new or changed ones only)."""
    fresh = [(key, e) for key, e in latest.items() if (known := copies.get(key)) is None
             or (known["sequence"], known["stamp"], known["starts_at"])
             != (e.sequence, e.last_modified, e.starts_at)]
    for start in range(0, len(fresh), UPSERT_CHUNK):
        chunk = fresh[start:start + UPSERT_CHUNK]
        await db.fetch(
            """INSERT INTO calendar_event_copy (source, account, event_uid, recurrence_id,
                   sequence, stamp, starts_at)
               SELECT $1, $2, * FROM unnest($3::text[], $4::text[], $5::int[],
                                            $6::timestamptz[], $7::timestamptz[])
               ON CONFLICT (source, event_uid, recurrence_id) DO UPDATE
               SET sequence = EXCLUDED.sequence, stamp = EXCLUDED.stamp,
                   starts_at = EXCLUDED.starts_at""",
            source_id, account_id, [k[0] for k, _ in chunk], [k[1] for k, _ in chunk],
            [e.sequence for _, e in chunk], [e.last_modified for _, e in chunk],
            [e.starts_at for _, e in chunk])


async def _drop_copies(account_id: uuid.UUID, source_id: uuid.UUID,
                       keys: list[tuple[str, str]]) -> list[Any]:
    """This source no longer lists these events: its copies go; returns the appointments no
    other source carries any more (still standing: not yet removed)."""
    if not keys:
        return []
    return list(await db.fetch(
        """WITH gone AS (
               DELETE FROM calendar_event_copy c
               USING unnest($3::text[], $4::text[]) AS k(uid, rid)
               WHERE c.source = $2 AND c.event_uid = k.uid AND c.recurrence_id = k.rid
               RETURNING c.event_uid, c.recurrence_id)
           SELECT a.id, a.customer, a.status, a.starts_at, a.ends_at FROM gone
           JOIN appointment a ON a.account = $1 AND a.event_uid = gone.event_uid
                             AND a.recurrence_id = gone.recurrence_id
           WHERE a.removed_from_source_at IS NULL
             AND NOT EXISTS (SELECT 1 FROM calendar_event_copy o
                             WHERE o.account = $1 AND o.event_uid = gone.event_uid
                               AND o.recurrence_id = gone.recurrence_id AND o.source <> $2)""",
        account_id, source_id, [k[0] for k in keys], [k[1] for k in keys]))


async def _conflict_policy(account_id: uuid.UUID) -> ConflictPolicy:
    rows = await db.fetch("SELECT calendar_conflict_policy FROM account WHERE id = $1",
                          account_id)
    return ConflictPolicy(rows[0]["calendar_conflict_policy"])


async def _customers(actor: Actor, found: list[contact.ContactDetails], outcome: SyncOutcome,
                     policy: ConflictPolicy, erased: set[tuple[str | None, str | None]]
                     ) -> dict[tuple[str | None, str | None], uuid.UUID]:
    """The customer of each distinct (email, phone) among the events' details, resolved in
    one `match_or_create_many` (in order of first appearance; the first event's names count);
    details that cannot be used (e.g. a phone taken by someone else) get none, those of an
    erased person (ERASED: customers/suppression.py) go to `erased`."""
    distinct: dict[tuple[str | None, str | None], contact.ContactDetails] = {}
    for details in found:
        if details.identifiable:
            distinct.setdefault((details.email, details.phone), details)
    results = await customers.match_or_create_many(actor, [
        customers.Person({"salutation": d.salutation, "first_name": d.first_name,
                          # a phone alone, no name at all: the one case with a stand-in
                          "last_name": d.last_name or (None if d.first_name
                                                       else NO_NAME),
                          "email": d.email, "mobile_phone": d.phone},
                         new_only={"name_from_email": True}
                         if d.name_from_email else None)
        for d in distinct.values()], CustomerSource.CALENDAR, policy)
    people: dict[tuple[str | None, str | None], uuid.UUID] = {}
    for key, result in zip(distinct, results, strict=True):
        if result.error is not None:
            if any(e.code is CustomerErrorCode.ERASED for e in result.error.errors):
                erased.add(key)
            continue
        if result.created:
            outcome.customers_created += 1
        else:
            outcome.customers_matched += 1
        people[key] = result.row["id"]
    return people


async def _upsert(actor: Actor, source_id: uuid.UUID,
                  batch: list[tuple[EventInstance, str, uuid.UUID | None, Any]],
                  outcome: SyncOutcome, notify: bool) -> None:
    """Insert or update a batch of appointments in one statement (appointments.writes), and
    queue the messages the changes mean (`notify`)."""
    rows = await appointments.upsert_many(actor.account_id, source_id, [
        appointments.Upsert(customer=customer_id, uid=event.uid,
                            recurrence_id=event.recurrence_id, title=event.summary,
                            starts_at=event.starts_at, ends_at=event.ends_at,
                            all_day=event.all_day, location=event.location,
                            cancelled=event.cancelled, sequence=event.sequence, digest=digest,
                            stamp=event.last_modified)
        for event, digest, customer_id, _stored in batch])
    was_cancelled = {(appointments.stored_uid(e.uid), e.recurrence_id):
                     (s is not None and s["status"] == "CANCELLED") for e, _d, _c, s in batch}
    cancelling = {(appointments.stored_uid(e.uid), e.recurrence_id)
                  for e, _d, _c, _s in batch if e.cancelled}
    if notify:
        before = {(appointments.stored_uid(e.uid), e.recurrence_id): s
                  for e, _d, _c, s in batch}
        await messages.appointments_changed(actor.account_id, [
            Change(None if row["inserted"] else before[(row["event_uid"], row["recurrence_id"])],
                   row) for row in rows])
    for row in rows:
        key = (row["event_uid"], row["recurrence_id"])
        if row["inserted"]:
            outcome.appointments_created += 1
        elif key in cancelling and not was_cancelled[key]:
            outcome.appointments_cancelled += 1
        else:
            outcome.appointments_updated += 1
        outcome.changed_appointments.append((row["id"], row["customer"]))


def _content_hash(data: str | bytes, window: Window, settings: SyncSettings) -> str:
    """The same bytes, window and settings always sync to the same result."""
    raw = data.encode() if isinstance(data, str) else data
    digest = hashlib.sha256(raw)
    digest.update(json.dumps([window.start.isoformat() if window.start else None,
                              window.end.isoformat(), sorted(settings.own_domains),
                              sorted(settings.ignore), settings.cancel_missing,
                              settings.time_zone]).encode())
    # (`notify` is left out: a first run and the next of the same bytes give the same rows)
    return digest.hexdigest()


async def _same_as_last_time(source_id: uuid.UUID, content: str | None) -> bool:
    rows = await db.fetch("SELECT content_hash FROM calendar_source WHERE id = $1", source_id)
    return bool(rows) and content is not None and rows[0]["content_hash"] == content


async def _as_last_time(source_id: uuid.UUID) -> SyncOutcome:
    """An unchanged feed's figures: its events as the last run counted them, nothing done."""
    rows = await db.fetch(
        """SELECT events_seen, events_outside, events_ignored FROM sync_run
           WHERE source = $1 AND error IS NULL AND finished_at IS NOT NULL
           ORDER BY started_at DESC LIMIT 1""", source_id)
    return SyncOutcome(**dict(rows[0])) if rows else SyncOutcome()


async def settings_for(account_id: uuid.UUID, source_id: uuid.UUID,
                       source_own_domains: Sequence[str] = (),
                       cancel_missing: bool = True) -> SyncSettings:
    """The account's own domains with the source's, its ignore rules, and whether customers
    hear of the changes (not on the source's first run: connecting a calendar must not send
    every customer a confirmation)."""
    rows = await db.fetch(
        """SELECT a.own_domains, a.time_zone,
                  array(SELECT lower(r.title_contains) FROM calendar_ignore_rule r
                        WHERE r.account = a.id ORDER BY 1) AS ignore,
                  (SELECT s.last_synced_at IS NOT NULL FROM calendar_source s
                   WHERE s.id = $2) AS synced_before
           FROM account a WHERE a.id = $1""", account_id, source_id)
    domains = {*source_own_domains, *(rows[0]["own_domains"] if rows else ())}
    return SyncSettings(frozenset(d.lower() for d in domains),
                        tuple(rows[0]["ignore"]) if rows else (), cancel_missing,
                        bool(rows and rows[0]["synced_before"]),
                        rows[0]["time_zone"] if rows else "UTC")


async def record_failed_run(actor: Actor, source_id: uuid.UUID, error: str,
                            detail: str | None = None) -> Any:
    """A run that failed before parsing (fetch errors): recorded with its reason in words
    and the technical detail behind it."""
    rows = await db.fetch_records(
        """INSERT INTO sync_run (id, account, source, started_at, finished_at, events_seen,
               appointments_created, appointments_updated, appointments_cancelled,
               customers_created, customers_matched, error, error_detail)
           VALUES (gen_random_uuid(), $1, $2, now(), now(), 0, 0, 0, 0, 0, 0, $3, $4)
           RETURNING *""",
        actor.account_id, source_id, error, detail)
    await run_events.publish(actor.account_id, rows[0]["id"], source_id)
    return rows[0]


@dataclass(frozen=True)
class Validators:
    """A fetched feed's ETag and Last-Modified: stored only with the data they describe."""

    etag: str | None
    last_modified: str | None


async def run_sync(actor: Actor, source_id: uuid.UUID, data: str | bytes | None,
                   window: Window, own_domains: set[str] | None = None,
                   validators: Validators | None = None, cancel_missing: bool = True) -> Any:
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
               customers_created, customers_matched, window_start, window_end)
           VALUES (gen_random_uuid(), $1, $2, now(), 0, 0, 0, 0, 0, 0, $3, $4) RETURNING id""",
        actor.account_id, source_id, window.start, window.end)
    run_id = rows[0]["id"]
    outcome = SyncOutcome()
    error: str | None = None
    settings = await settings_for(actor.account_id, source_id, sorted(own_domains or ()),
                                  cancel_missing)
    content = _content_hash(data, window, settings) if data is not None else None
    try:
        async with db.transaction():
            locked = await db.fetch("SELECT pg_try_advisory_xact_lock($1, hashtext($2)) AS ok",
                                    SYNC_LOCK_NAMESPACE, str(source_id))
            if not locked[0]["ok"]:
                raise SyncBusy("This calendar is being synced by another instance right now.")
            if data is not None and not await _same_as_last_time(source_id, content):
                feed = await parse_off_loop(data, window.start, window.end,
                                            settings.time_zone)
                outcome = await sync_events(actor, source_id, feed, window, settings)
            else:  # nothing changed: the run still says what the calendar holds
                outcome = await _as_last_time(source_id)
            await db.fetch(
                """UPDATE calendar_source SET last_synced_at = now(),
                          content_hash = coalesce($2, content_hash),
                          etag = CASE WHEN $3 THEN $4 ELSE etag END,
                          last_modified = CASE WHEN $3 THEN $5 ELSE last_modified END,
                          seen_domains = CASE WHEN $6::text[] <@ seen_domains::text[]
                              THEN seen_domains
                              ELSE array(SELECT DISTINCT unnest(seen_domains || $6::varchar[])
                                         ORDER BY 1) END
                   WHERE id = $1""",
                source_id, content, validators is not None,
                validators.etag if validators else None,
                validators.last_modified if validators else None,
                sorted(outcome.business_domains))
            finished = await _finish(run_id, outcome, None)
            # raised in the transaction: the partners' webhooks are recorded with the writes
            # (webhooks/outbox.py, one statement for all), the live events leave once it
            # commits (a rollback drops both)
            for done, (appointment_id, customer_id) in enumerate(outcome.changed_appointments):
                await turns.let_others_run(done)
                await appointment_events.publish(actor.account_id, appointment_id,
                                                 customer_id, "synced")
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
    await run_events.publish(actor.account_id, run_id, source_id)
    return finished


async def _finish(run_id: uuid.UUID, outcome: SyncOutcome, error: str | None) -> Any:
    rows = await db.fetch_records(
        """UPDATE sync_run SET finished_at = now(), events_seen = $2, appointments_created = $3,
               appointments_updated = $4, appointments_cancelled = $5, customers_created = $6,
               customers_matched = $7, error = $8, events_outside = $9, events_ignored = $10
           WHERE id = $1 RETURNING *""",
        run_id, outcome.events_seen, outcome.appointments_created,
        outcome.appointments_updated, outcome.appointments_cancelled,
        outcome.customers_created, outcome.customers_matched, error, outcome.events_outside,
        outcome.events_ignored)
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
