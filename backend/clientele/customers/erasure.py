"""Erasure (the right to be forgotten): a customer's personal data leaves every place it is
held, in one transaction, and a suppression entry keeps it from coming back silently.

What goes, each through the module that owns the table:
- the customer row with its custom values (deleted; the search index of every instance drops
  it on the `deleted` event, published after the commit);
- their messages' recipients, subjects, bodies, drafts and errors (communications.queue; the
  rows stay as facts, one not sent yet is skipped);
- their appointments' link, title, location, notes and cancellation reason
  (appointments.writes; time, duration, services and status stay, marked as erased);
- the values in their history (accounts.audit: each entry keeps action, actor, time and the
  names of the fields; every value reads "erased");
- their rows in imports: staged and rejected rows, undo snapshots, previews, and the stored
  file of a job that held them (customers/imports/erasure.py);
- their blocked booking attempts (blocking.services).

What stays: one ERASED history entry (who, when; no values) and a suppression entry per email
and phone, as a keyed hash (customers/suppression.py): calendar sync keeps the person's events
unlinked and marked, an import rejects their rows, a booking (the person coming back on
purpose) creates them again and lifts it.

Refused while the customer has upcoming appointments (not cancelled, not ended) unless
`force`: the same permission (delete:customers) erases them; `force` is the explicit "yes,
these too" (the appointments stay booked, anonymised). Refused while block rules name the
customer: a block rule is the business's own safety decision and holds their email or phone in
clear text, so staff remove the block first, knowing the person can then book again.
"""

from __future__ import annotations

import uuid

import phonenumbers

from clientele.accounts import audit
from clientele.accounts.audit import AuditAction
from clientele.accounts.principal import Actor
from clientele.appointments import writes as appointments
from clientele.blocking import services as blocking
from clientele.communications import queue as messages
from clientele.core import db
from clientele.core.errors import DomainError, NotFound
from clientele.customers import events, identity, merge, suppression
from clientele.customers.errors import CustomerErrorCode
from clientele.customers.imports import erasure as imports


def _national(phone: str) -> str:
    """The digits a person writes for an E.164 number at home (079 123 45 67 → 791234567)."""
    try:
        return phonenumbers.national_significant_number(phonenumbers.parse(phone))
    except phonenumbers.NumberParseException:
        return phone.lstrip("+")


async def upcoming(account_id: uuid.UUID, customer_id: uuid.UUID) -> int:
    rows = await db.fetch(
        """SELECT count(*) AS n FROM appointment WHERE account = $1 AND customer = $2
               AND status <> 'CANCELLED' AND ends_at > now()""", account_id, customer_id)
    return int(rows[0]["n"])


async def erase(actor: Actor, customer_id: uuid.UUID, force: bool = False) -> bool:
    """Erase the customer's personal data (see the module's text); raises NotFound, or
    DomainError (UPCOMING_APPOINTMENTS, or INVALID for a blocked customer) with nothing
    written. True once erased."""
    account_id = actor.account_id
    async with db.transaction():
        current = await db.fetch_records(
            "SELECT * FROM customer WHERE account = $1 AND id = $2", account_id, customer_id)
        if not current:
            raise NotFound("Customer")
        email = current[0]["email"]
        phones = [p for p in (current[0]["mobile_phone"], current[0]["landline_phone"]) if p]
        # the person's identity locks first (the order every identity writer uses), then the
        # row: no booking or sync links to them meanwhile
        await identity.lock(account_id, email, phones)
        found = await db.fetch_records(
            "SELECT * FROM customer WHERE account = $1 AND id = $2 FOR UPDATE",
            account_id, customer_id)
        if not found:
            raise NotFound("Customer")
        row = found[0]
        email = row["email"]
        phones = [p for p in (row["mobile_phone"], row["landline_phone"]) if p]
        booked = await upcoming(account_id, customer_id)
        if booked and not force:
            raise DomainError.single(
                "force", f"The customer has {booked} upcoming appointment"
                         f"{'s' if booked != 1 else ''}. Cancel "
                         f"{'them' if booked != 1 else 'it'} first, or erase with force to "
                         "keep them booked without the customer's details.",
                CustomerErrorCode.UPCOMING_APPOINTMENTS)
        if (await blocking.rules_for_customers(account_id, [customer_id]))[customer_id]:
            raise DomainError.single(
                None, "The customer is blocked from online booking, and the block rules hold "
                      "their email, phone or name. Unblock them first to erase their data "
                      "(they can then book again).", CustomerErrorCode.INVALID)
        await messages.erase_for_customer(account_id, customer_id)
        await appointments.erase_for_customer(account_id, customer_id)
        await audit.erase_values(account_id, customer_id)
        await imports.erase_person(account_id, customer_id, email,
                                   [_national(p) for p in phones], row["first_name"],
                                   row["last_name"])
        await blocking.erase_attempts(account_id, email=email, phones=phones,
                                      first_name=row["first_name"], last_name=row["last_name"])
        await suppression.add(account_id, [email], phones)
        # merge records hold both people's details (snapshots): they go, and those merges can
        # no longer be undone
        await merge.forget_customer(account_id, customer_id)
        await db.fetch("DELETE FROM customer WHERE account = $1 AND id = $2",
                       account_id, customer_id)
        await audit.record(actor, customer_id, AuditAction.ERASED, [])
        await events.erased(account_id, customer_id)  # leaves after the commit
    return True
