"""Every statement that writes communication rows (docs/messaging.md).

Callers say *that* something happened (an appointment was created, moved, cancelled; staff
wrote a message; a failed message is to be sent again); this module decides which message that
means and queues it as a PENDING row in the caller's transaction, so the message exists exactly
when the change does (a rollback takes both). What is sent, by which channel, is decided by the
dispatcher when the message goes out (communications/dispatcher.py): a preference changed
meanwhile counts. The dispatcher is woken after the commit.

Past appointments never get a message, nor appointments without a customer; imports never
call this.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from clientele.communications.enums import MessageKind as K
from clientele.core import db, wakeup

MAX_SUBJECT = 200
MAX_BODY = 5000
_wake = wakeup.Signal()


def wake() -> None:
    """Tell this instance's dispatcher that messages are due (others poll)."""
    _wake.set()


async def woken(timeout: float) -> None:
    """Wait until woken or `timeout` seconds passed (the dispatcher's idle wait)."""
    await _wake.wait(timeout)


@dataclass(frozen=True)
class Change:
    """An appointment before and after a write (`before` None: it was created)."""

    before: Any | None
    after: Any


def kind_of(change: Change, now: dt.datetime) -> K | None:
    """The message an appointment change means, or None."""
    after, before = change.after, change.before
    if after["customer"] is None or after["ends_at"] <= now:
        return None
    status, was = after["status"], before["status"] if before is not None else None
    if status == "CANCELLED":
        return K.CANCELLED if was not in (None, "CANCELLED") else None
    if status == "REQUESTED":
        return K.REQUESTED if was is None else None
    if status != "SCHEDULED":
        return None
    if was in (None, "REQUESTED", "CANCELLED"):
        return K.CONFIRMATION
    if before is not None and before["starts_at"] != after["starts_at"]:
        return K.MOVED
    return None


async def appointments_changed(account_id: uuid.UUID, changes: Sequence[Change],
                               now: dt.datetime | None = None) -> int:
    """Queue the messages these appointment changes mean (one statement); returns how many."""
    now = now or dt.datetime.now(dt.UTC)
    rows = [(change, kind) for change in changes if (kind := kind_of(change, now)) is not None]
    if not rows:
        return 0
    await db.fetch(
        """INSERT INTO communication (id, account, appointment, customer, medium, kind,
               status, attempts, due_at, previous_starts_at, created_at, updated_at)
           SELECT gen_random_uuid(), $1, m.appointment, m.customer, c.preferred_medium_or_email,
                  m.kind, 'PENDING', 0, now(), m.previous, now(), now()
           FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::timestamptz[])
                AS m(appointment, customer, kind, previous)
           JOIN LATERAL (SELECT coalesce(preferred_medium, 'EMAIL') AS preferred_medium_or_email
                         FROM customer WHERE id = m.customer) c ON true""",
        account_id, [c.after["id"] for c, _ in rows], [c.after["customer"] for c, _ in rows],
        [k.value for _, k in rows],
        [c.before["starts_at"] if c.before is not None and k is K.MOVED else None
         for c, k in rows])
    await db.after_commit(_wake_callback)
    return len(rows)


async def _wake_callback() -> None:
    wake()


async def manual(account_id: uuid.UUID, customer_id: uuid.UUID, medium: str, subject: str | None,
                 body: str, appointment_id: uuid.UUID | None = None) -> Any:
    """A message staff wrote: sent by the medium they chose (if that channel is usable)."""
    rows = await db.fetch_records(
        """INSERT INTO communication (id, account, appointment, customer, medium, kind, subject,
               body, draft_subject, draft_body, status, attempts, due_at, created_at,
               updated_at)
           VALUES (gen_random_uuid(), $1, $2, $3, $4, 'MANUAL', $5::text, $6::text, $5::text,
                   $6::text, 'PENDING', 0, now(), now(), now())
           RETURNING *""",
        account_id, appointment_id, customer_id, medium, subject, body)
    await db.after_commit(_wake_callback)
    return rows[0]


async def resend(account_id: uuid.UUID, communication_id: uuid.UUID) -> Any | None:
    """A new attempt of a failed (or skipped) message, as a new row: the failure stays in the
    history. A message staff wrote is rendered again from what they wrote (its draft). A
    reminder is sent again as a notice of the same appointment (its once-only slot belongs to
    the first). Once per message (`resent_from` is unique: two clicks queue one). None when
    there is no such message of the account, or it was sent again already."""
    rows = await db.fetch_records(
        """INSERT INTO communication (id, account, appointment, customer, medium, kind, subject,
               body, draft_subject, draft_body, status, attempts, due_at, previous_starts_at,
               resent_from, created_at, updated_at)
           SELECT gen_random_uuid(), account, appointment, customer, medium, kind,
                  d.subject, d.body, d.subject, d.body, 'PENDING', 0, now(),
                  previous_starts_at, id, now(), now()
           FROM communication,
                -- what staff wrote (rows from before drafts were kept: the text itself)
                LATERAL (SELECT CASE WHEN kind = 'MANUAL' THEN coalesce(draft_subject, subject)
                                END AS subject,
                                CASE WHEN kind = 'MANUAL' THEN coalesce(draft_body, body)
                                END AS body) d
           WHERE account = $1 AND id = $2 AND status IN ('FAILED', 'SKIPPED')
           ON CONFLICT (resent_from) WHERE resent_from IS NOT NULL DO NOTHING
           RETURNING *""",
        account_id, communication_id)
    if rows:
        await db.after_commit(_wake_callback)
    return rows[0] if rows else None


async def move_to_customer(account_id: uuid.UUID, from_customer: uuid.UUID,
                           to_customer: uuid.UUID,
                           only: Sequence[uuid.UUID] | None = None) -> list[uuid.UUID]:
    """Re-point one customer's messages to another (a merge; an unmerge gives back exactly the
    `only` ids it recorded); a pending one goes to its new customer's address when it is
    sent. Returns the ids moved."""
    rows = await db.fetch(
        """UPDATE communication SET customer = $3, updated_at = now()
           WHERE account = $1 AND customer = $2 AND ($4::uuid[] IS NULL OR id = ANY($4))
           RETURNING id""",
        account_id, from_customer, to_customer, None if only is None else list(only))
    return [row["id"] for row in rows]


async def erase_for_customer(account_id: uuid.UUID, customer_id: uuid.UUID) -> int:
    """The customer is erased (customers/erasure.py): their messages stay as facts (kind,
    medium, status, times) without anything that names or reaches the person: no customer,
    recipient, subject, bodies, drafts or error text (a bounce quotes the address); one not
    sent yet is SKIPPED (nobody to send it to). Call before their appointments are unlinked:
    messages of those appointments are theirs too. Returns how many messages were erased."""
    rows = await db.fetch(
        """UPDATE communication SET customer = NULL, recipient = NULL, subject = NULL,
               body = NULL, body_html = NULL, draft_subject = NULL, draft_body = NULL,
               error = NULL, claimed_until = NULL,
               status = CASE WHEN status IN ('PENDING', 'SENDING') THEN 'SKIPPED'
                             ELSE status END,
               updated_at = now()
           WHERE id IN (  -- two indexed lookups (an OR across them scans every message)
                 SELECT id FROM communication WHERE account = $1 AND customer = $2
                 UNION
                 SELECT m.id FROM appointment a JOIN communication m ON m.appointment = a.id
                 WHERE a.account = $1 AND a.customer = $2)
           RETURNING id""",
        account_id, customer_id)
    return len(rows)
