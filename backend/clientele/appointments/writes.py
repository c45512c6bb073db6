"""Every statement that writes appointment rows (insert, update, cancel, unlink, erase).

Callers decide *what* changes (a booking's times, calendar sync's SEQUENCE, digest and
cancellation rules, an erasure); the SQL lives here, in two forms:

- single rows for staff actions and bookings (`insert_one`, `link_customer` in
  appointments/services.py is the staff update of one row);
- set-wise for calendar sync and the coming import: `upsert_many` writes a batch in one
  statement (`INSERT … SELECT FROM unnest(arrays) ON CONFLICT`, keyed by account, UID and
  recurrence instance), `cancel_removed` cancels many by id in one statement.

Text is cut to the columns' length here (MAX_TEXT), so no caller meets a length error after
it wrote something else. Appointment events: appointments/events.py.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from clientele.appointments import events
from clientele.appointments.enums import AppointmentStatus
from clientele.core import db

MAX_TEXT = 500  # title, location and event_uid columns
DEFAULT_TITLE = "Appointment"


def stored_uid(uid: str) -> str:
    """The event UID as the appointment row keeps it (the key upserts match on)."""
    return uid[:MAX_TEXT]


def _cut(text: str | None) -> str | None:
    return text[:MAX_TEXT] if text else None


async def insert_one(account_id: uuid.UUID, customer_id: uuid.UUID | None, *, title: str,
                     services: Sequence[str], starts_at: dt.datetime, ends_at: dt.datetime,
                     location: str | None, all_day: bool = False, notes: str | None = None,
                     status: AppointmentStatus = AppointmentStatus.SCHEDULED) -> Any:
    """One appointment that no calendar owns (a booking, a staff action); publishes
    `created` (after the caller's commit when inside a transaction)."""
    rows = await db.fetch_records(
        """INSERT INTO appointment (id, account, customer, title, services, starts_at, ends_at,
                                    all_day, location, status, recurrence_id, notes,
                                    created_at, updated_at)
           VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $8, $7, $9, '', $10,
                   now(), now()) RETURNING *""",
        account_id, customer_id, title[:MAX_TEXT], list(services),
        starts_at, ends_at, _cut(location), all_day, status.value, notes)
    appointment = rows[0]
    await events.publish(account_id, appointment["id"], customer_id, "created", appointment)
    return appointment


async def locked(account_id: uuid.UUID, appointment_id: uuid.UUID) -> Any | None:
    """The appointment, locked against other writes until the transaction ends."""
    rows = await db.fetch_records(
        """SELECT a.*, s.name AS source_name FROM appointment a
           LEFT JOIN calendar_source s ON s.id = a.calendar_source_id
           WHERE a.account = $1 AND a.id = $2 FOR NO KEY UPDATE OF a""",
        account_id, appointment_id)
    return rows[0] if rows else None


async def update_one(account_id: uuid.UUID, appointment_id: uuid.UUID, *,
                     status: AppointmentStatus | None = None,
                     starts_at: dt.datetime | None = None, ends_at: dt.datetime | None = None,
                     cancellation_reason: str | None = None) -> Any:
    """A staff action on one appointment (status, times, the reason of a cancellation);
    publishes `updated` after the commit."""
    rows = await db.fetch_records(
        """UPDATE appointment SET status = coalesce($3, status),
                  starts_at = coalesce($4, starts_at), ends_at = coalesce($5, ends_at),
                  cancellation_reason = CASE WHEN $3 = 'CANCELLED' THEN $6
                                             WHEN $3 IS NULL THEN cancellation_reason END,
                  updated_at = now()
           WHERE account = $1 AND id = $2 RETURNING *""",
        account_id, appointment_id, status.value if status else None, starts_at, ends_at,
        cancellation_reason)
    appointment = rows[0]
    await events.publish(account_id, appointment_id, appointment["customer"], "updated",
                         appointment)
    return appointment


@dataclass(frozen=True)
class Upsert:
    """One appointment of an outside source (a calendar event instance, an imported row),
    keyed by (account, uid, recurrence_id) whichever source carries it. `customer` None keeps
    the stored customer."""

    customer: uuid.UUID | None
    uid: str
    recurrence_id: str
    title: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    all_day: bool
    location: str | None
    cancelled: bool
    sequence: int
    digest: str
    stamp: dt.datetime | None = None  # LAST-MODIFIED (else DTSTAMP) of the copy


async def upsert_many(account_id: uuid.UUID, source_id: uuid.UUID,
                      batch: Sequence[Upsert]) -> list[Any]:
    """Insert or update a batch in one statement. One event (UID + recurrence instance) is
    one appointment per account, whichever source carries it. A stored row is updated only by
    a newer copy (SEQUENCE, then stamp), or an equally new one of the source that wrote it (or
    when no source holds it: unlinked, removed): the database decides, so two sources syncing
    at once cannot put a stale copy back. An updated row takes every value given and this
    source, is no longer marked removed, and keeps its customer when none is given.
    Returns (id, customer, event_uid, recurrence_id, status, starts_at, ends_at, inserted)
    per row written."""
    if not batch:
        return []
    columns: dict[str, list[Any]] = {k: [] for k in (
        "customer", "uid", "rid", "title", "starts", "ends", "all_day", "location", "status",
        "sequence", "digest", "stamp")}
    for item in batch:
        columns["customer"].append(item.customer)
        columns["uid"].append(stored_uid(item.uid))
        columns["rid"].append(item.recurrence_id)
        columns["title"].append(item.title[:MAX_TEXT] or DEFAULT_TITLE)
        columns["starts"].append(item.starts_at)
        columns["ends"].append(item.ends_at)
        columns["all_day"].append(item.all_day)
        columns["location"].append(_cut(item.location))
        columns["status"].append((AppointmentStatus.CANCELLED if item.cancelled
                                  else AppointmentStatus.SCHEDULED).value)
        columns["sequence"].append(item.sequence)
        columns["digest"].append(item.digest)
        columns["stamp"].append(item.stamp)
    return list(await db.fetch(
        """
        INSERT INTO appointment (id, account, customer, calendar_source_id, event_uid,
            recurrence_id, title, services, starts_at, ends_at, all_day, location, status,
            sequence, source_stamp, sync_hash, removed_from_source_at, created_at, updated_at)
        SELECT gen_random_uuid(), $1, b.customer, $2, b.uid, b.rid, b.title, '{}', b.starts,
               b.ends, b.all_day, b.location, b.status, b.sequence, b.stamp, b.digest, NULL,
               now(), now()
        FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[], $7::timestamptz[],
                    $8::timestamptz[], $9::bool[], $10::text[], $11::text[], $12::int[],
                    $13::text[], $14::timestamptz[])
             AS b(customer, uid, rid, title, starts, ends, all_day, location, status, sequence,
                  digest, stamp)
        ON CONFLICT (account, event_uid, recurrence_id) WHERE event_uid IS NOT NULL
        DO UPDATE SET calendar_source_id = EXCLUDED.calendar_source_id,
            customer = coalesce(EXCLUDED.customer, appointment.customer),
            title = EXCLUDED.title, starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at,
            all_day = EXCLUDED.all_day, location = EXCLUDED.location,
            -- staff's attendance marks survive a re-sync that still has the event
            status = CASE WHEN EXCLUDED.status = 'SCHEDULED'
                               AND appointment.status IN ('COMPLETED', 'NO_SHOW')
                          THEN appointment.status ELSE EXCLUDED.status END,
            sequence = EXCLUDED.sequence, source_stamp = EXCLUDED.source_stamp,
            sync_hash = EXCLUDED.sync_hash, removed_from_source_at = NULL, updated_at = now()
        WHERE (EXCLUDED.sequence, coalesce(EXCLUDED.source_stamp, '-infinity'))
              > (appointment.sequence, coalesce(appointment.source_stamp, '-infinity'))
           OR ((EXCLUDED.sequence, coalesce(EXCLUDED.source_stamp, '-infinity'))
               = (appointment.sequence, coalesce(appointment.source_stamp, '-infinity'))
               AND (appointment.calendar_source_id IS NULL
                    OR appointment.calendar_source_id = EXCLUDED.calendar_source_id
                    OR appointment.removed_from_source_at IS NOT NULL))
        RETURNING id, customer, event_uid, recurrence_id, status, starts_at, ends_at,
                  (xmax = 0) AS inserted
        """,
        account_id, source_id, *columns.values()))


async def cancel_removed(account_id: uuid.UUID, ids: Sequence[uuid.UUID]) -> None:
    """Appointments whose event left their source: cancelled and marked, kept (one
    statement)."""
    if ids:
        await db.fetch(
            """UPDATE appointment SET status = 'CANCELLED', removed_from_source_at = now(),
                      updated_at = now()
               WHERE account = $1 AND id = ANY($2::uuid[])""", account_id, list(ids))


async def delete_unmatched_titled(account_id: uuid.UUID, text: str) -> int:
    """An ignore rule was made: calendar events that named no customer and whose title
    contains `text` (any case) were never appointments; returns how many went."""
    rows = await db.fetch(
        """DELETE FROM appointment WHERE account = $1 AND customer IS NULL
               AND anonymised_at IS NULL AND calendar_source_id IS NOT NULL
               AND strpos(lower(title), lower($2)) > 0
           RETURNING id""", account_id, text)
    return len(rows)


async def unlink_source(account_id: uuid.UUID, source_id: uuid.UUID) -> None:
    """The source is being deleted: its appointments stay (history), no longer synced."""
    await db.fetch("UPDATE appointment SET calendar_source_id = NULL WHERE account = $1 "
                   "AND calendar_source_id = $2", account_id, source_id)


async def anonymise_for_customer(account_id: uuid.UUID, customer_id: uuid.UUID) -> None:
    """The customer is erased with history kept: time, duration, services and status stay;
    the link, title and location go."""
    await db.fetch(
        """
        UPDATE appointment SET customer = NULL, title = '', location = NULL,
               anonymised_at = now(), updated_at = now()
        WHERE account = $1 AND customer = $2
        """,
        account_id, customer_id,
    )


async def delete_for_customer(account_id: uuid.UUID, customer_id: uuid.UUID) -> None:
    """The customer is erased with their history (communications of these appointments go
    with them: ON DELETE CASCADE)."""
    await db.fetch("DELETE FROM appointment WHERE account = $1 AND customer = $2",
                   account_id, customer_id)


async def move_to_customer(account_id: uuid.UUID, from_customer: uuid.UUID,
                           to_customer: uuid.UUID,
                           only: Sequence[uuid.UUID] | None = None) -> list[uuid.UUID]:
    """Re-point one customer's appointments to another (a merge; an unmerge gives back exactly
    the `only` ids it recorded). Returns the ids moved; publishes `updated` for each (after
    the caller's commit). The customers' figures follow by the table's trigger."""
    rows = await db.fetch(
        """UPDATE appointment SET customer = $3, updated_at = now()
           WHERE account = $1 AND customer = $2 AND ($4::uuid[] IS NULL OR id = ANY($4))
           RETURNING id""",
        account_id, from_customer, to_customer, None if only is None else list(only))
    for row in rows:
        await events.publish(account_id, row["id"], to_customer, "updated")
    return [row["id"] for row in rows]


ERASED_NOTE = ("Not linked to a customer: this person's data was erased at their request "
               "(their calendar events stay unlinked).")


async def erase_for_customer(account_id: uuid.UUID, customer_id: uuid.UUID | None,
                             event_keys: Sequence[tuple[str, str]] = ()) -> int:
    """The customer's personal data is erased (customers/erasure.py): their appointments stay
    as facts (time, duration, services, status) without the link, title, location, notes or
    cancellation reason, marked with ERASED_NOTE. With `event_keys` ((UID, recurrence id) of
    calendar events whose person is erased: calendar sync), those are kept unlinked, blanked
    and marked the same way. Returns how many appointments were erased."""
    rows = await db.fetch(
        """
        UPDATE appointment SET customer = NULL, title = '', location = NULL, notes = $3,
               cancellation_reason = NULL, anonymised_at = coalesce(anonymised_at, now()),
               updated_at = now()
        WHERE account = $1 AND (customer = $2 OR (event_uid, recurrence_id) IN (
              SELECT k.uid, k.rid FROM unnest($4::text[], $5::text[]) AS k(uid, rid)))
        RETURNING id
        """,
        account_id, customer_id, ERASED_NOTE, [stored_uid(u) for u, _ in event_keys],
        [r for _, r in event_keys],
    )
    return len(rows)
