"""Messages staff write from a customer's profile, and failed messages sent again.

Both are checked before they are queued, by the rules the dispatcher applies when it sends
(communications/dispatcher.py): a customer whose communication is BLOCKED, a channel that is
off or has no address, an appointment that is gone, cancelled or over. The dispatcher would
skip such a message anyway; staff learn it at once instead of finding a SKIPPED row later.
The rows are written by communications/queue.py."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from clientele.accounts.principal import Actor
from clientele.communications import dispatcher, queue
from clientele.communications.enums import DeliveryStatus, MessageKind
from clientele.communications.errors import MessageErrorCode as E
from clientele.core import db
from clientele.core.errors import DomainError, FieldError, NotFound
from clientele.customers import services as customers

MAX_SUBJECT = queue.MAX_SUBJECT
MAX_BODY = queue.MAX_BODY
MAX_SMS_BODY = 1000
RESENDABLE = (DeliveryStatus.FAILED.value, DeliveryStatus.SKIPPED.value)


def _checked_text(medium: str, subject: str | None, body: str | None
                  ) -> tuple[str | None, str]:
    """(subject, body) as stored: the subject on one line (emails only), the body without
    blank ends; every problem at once."""
    errors: list[FieldError] = []
    clean_subject = " ".join((subject or "").split()) if medium == "EMAIL" else None
    if medium == "EMAIL":
        if not clean_subject:
            errors.append(FieldError("subject", "An email needs a subject.", E.REQUIRED))
        elif len(clean_subject) > MAX_SUBJECT:
            errors.append(FieldError("subject", f"At most {MAX_SUBJECT} characters (this one "
                                     f"has {len(clean_subject)}).", E.TOO_LONG))
    text = (body or "").strip()
    limit = MAX_BODY if medium == "EMAIL" else MAX_SMS_BODY
    if not text:
        errors.append(FieldError("body", "Write the message.", E.REQUIRED))
    elif len(text) > limit:
        what = "An email" if medium == "EMAIL" else "An SMS"
        errors.append(FieldError("body", f"{what} has at most {limit} characters (this one "
                                 f"has {len(text)}).", E.TOO_LONG))
    if errors:
        raise DomainError(errors)
    return clean_subject, text


def _check_reachable(customer: Any, kind: str, medium: str) -> None:
    """COMMUNICATION_BLOCKED or CHANNEL_UNAVAILABLE when the dispatcher would skip it."""
    if customer["communication_status"] == "BLOCKED":
        raise DomainError.single(
            None, "Communication with this customer is blocked: nothing can be sent.",
            E.COMMUNICATION_BLOCKED)
    try:
        dispatcher.channel({"kind": kind, "medium": medium}, customer)
    except dispatcher.Skip as skip:
        raise DomainError.single("medium" if kind == MessageKind.MANUAL.value else None,
                                 str(skip), E.CHANNEL_UNAVAILABLE) from None


async def send(actor: Actor, customer_id: uuid.UUID, medium: str, subject: str | None,
               body: str | None, appointment_id: uuid.UUID | None = None) -> Any:
    """Queue a message staff wrote (PENDING), sent by the medium they chose; an email needs a
    subject (at most 200 characters), the text is 1 to 5000 characters, 1000 for an SMS."""
    clean_subject, text = _checked_text(medium, subject, body)
    customer = await customers.get(actor.account_id, customer_id)
    if customer is None:
        raise NotFound("Customer", "customer_id")
    _check_reachable(customer, MessageKind.MANUAL.value, medium)
    if appointment_id is not None and not await db.fetch(
            "SELECT 1 FROM appointment WHERE account = $1 AND id = $2 AND customer = $3",
            actor.account_id, appointment_id, customer_id):
        raise NotFound("Appointment of this customer", "appointment_id")
    return await queue.manual(actor.account_id, customer_id, medium, clean_subject, text,
                              appointment_id)


_MESSAGE_SQL = """
SELECT m.status, m.kind, m.medium, m.customer AS customer_id, c.communication_status,
       c.email, c.email_enabled, c.mobile_phone, c.sms_enabled, c.preferred_medium,
       a.id AS appointment_id, a.status AS appointment_status, a.ends_at
FROM communication m
LEFT JOIN customer c ON c.account = m.account AND c.id = m.customer
LEFT JOIN appointment a ON a.account = m.account AND a.id = m.appointment
WHERE m.account = $1 AND m.id = $2
"""


async def resend(actor: Actor, communication_id: uuid.UUID) -> Any:
    """Send a FAILED or SKIPPED message again, as a new PENDING row (the old one stays in the
    history); INVALID_STATE for any other, or when its appointment is gone, cancelled or
    over."""
    rows = await db.fetch_records(_MESSAGE_SQL, actor.account_id, communication_id)
    if not rows:
        raise NotFound("Message")
    found = rows[0]
    if found["status"] not in RESENDABLE:
        raise DomainError.single("id", "Only a failed or skipped message can be sent again; "
                                 f"this one is {found['status'].lower()}.", E.INVALID_STATE)
    if found["customer_id"] is None:
        raise DomainError.single("id", "The customer no longer exists.", E.INVALID_STATE)
    problem = dispatcher.appointment_problem(found["kind"], found, dt.datetime.now(dt.UTC))
    if problem:
        raise DomainError.single("id", problem, E.INVALID_STATE)
    _check_reachable(found, found["kind"], found["medium"])
    new = await queue.resend(actor.account_id, communication_id)
    if new is None:  # sent again meanwhile by someone else, or gone
        raise DomainError.single("id", "This message cannot be sent again now.",
                                 E.INVALID_STATE)
    return new
