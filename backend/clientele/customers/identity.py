"""The one place that decides whether two records are the same person.

Every way a customer enters (manual add, calendar, booking, import) normalises contact details
here and asks `match` before creating: email first, then phone.

Deciding "same person or new" is a read followed by a write, so two writers could both read
"nobody has this phone" and both create. `lock` serialises the decisions per normalised email
and phone within an account (PostgreSQL advisory locks held until the transaction ends): the
second writer waits, then sees the first one's customer. Phones cannot be unique in the
database (families share landlines), so the locks are what decides, for email too.

Two levels, so that neither the lock table nor deadlocks limit a long transaction: short ones
(a manual create, a booking, an update) take the account's identity lock shared, then one
exclusive lock per key of the person, all in one sorted order. Transactions that resolve many
people one after the other (a calendar sync, an import) take the account's lock exclusively
once instead: one lock rather than thousands (PostgreSQL's lock table holds ~6,400 by
default), and no deadlock with a short transaction holding one of their keys, since those
cannot be running meanwhile. Short decisions of that account wait for such a run to commit.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from clientele.core import db
from clientele.core.email import InvalidEmail, normalise_email
from clientele.core.errors import FieldError
from clientele.core.phone import InvalidPhone, normalise_phone
from clientele.customers.errors import CustomerErrorCode
from clientele.customers.limits import MAX_LENGTH


@dataclass(frozen=True)
class Match:
    customer_id: uuid.UUID
    matched_on: str  # "email" or "phone"
    field: str  # the existing customer's field that matched: email, mobile_phone, landline_phone
    value: str  # the normalised email or phone that matched


def normalise_email_value(raw: str | None, field: str = "email") -> str | None:
    """Normalised email, None for blank; raises FieldError-carrying ValueError."""
    if raw is None or not raw.strip():
        return None
    if len(raw.strip()) > MAX_LENGTH["email"]:
        raise IdentityError(FieldError(field, f"At most {MAX_LENGTH['email']} characters.",
                                       CustomerErrorCode.TOO_LONG))
    try:
        return normalise_email(raw)
    except InvalidEmail as exc:
        raise IdentityError(FieldError(field, f"Invalid email address: {exc}",
                                       CustomerErrorCode.INVALID_EMAIL)) from exc


def normalise_phone_value(raw: str | None, region: str, field: str) -> str | None:
    if raw is None or not raw.strip():
        return None
    if len(raw.strip()) > MAX_LENGTH[field]:
        raise IdentityError(FieldError(field, f"At most {MAX_LENGTH[field]} characters.",
                                       CustomerErrorCode.TOO_LONG))
    try:
        return normalise_phone(raw, region)
    except InvalidPhone as exc:
        raise IdentityError(FieldError(field, str(exc), CustomerErrorCode.INVALID_PHONE)) from exc


class IdentityError(ValueError):
    def __init__(self, error: FieldError) -> None:
        super().__init__(error.message)
        self.error = error


async def lock(account_id: uuid.UUID, email: str | None, phones: Iterable[str | None] = (),
               *, whole_account: bool = False) -> None:
    """Take the identity locks for these normalised details (or the whole account) until the
    current transaction ends. Call before `match`; repeated calls in one transaction take only
    what is not held yet, so nested services can call it again for a subset."""
    held: set[Any] = db.transaction_state().setdefault(f"identity {account_id}", set())
    account_key = db.advisory_key("identity", str(account_id))
    if "whole account" in held:
        return
    if whole_account:
        await db.fetch("SELECT pg_advisory_xact_lock($1)", account_key)
        held.add("whole account")
        return
    if "account shared" not in held:
        await db.fetch("SELECT pg_advisory_xact_lock_shared($1)", account_key)
        held.add("account shared")
    keys = sorted({db.advisory_key("identity", str(account_id), value)
                   for value in (email, *phones) if value} - held)
    if keys:
        # one statement; unnest yields the keys in the sorted order given
        await db.fetch("SELECT pg_advisory_xact_lock(k) FROM unnest($1::bigint[]) AS k", keys)
        held.update(keys)


async def match(
    account_id: uuid.UUID,
    email: str | None,
    phones: Iterable[str | None] = (),
    exclude: uuid.UUID | None = None,
) -> Match | None:
    """Find an existing customer of the account by normalised email, then by any E.164 phone."""
    phone_list = [p for p in phones if p]
    if not email and not phone_list:
        return None
    rows = await db.fetch(
        """
        (SELECT id, 'email' AS matched_on, 'email' AS field, email AS value, 0 AS rank
          FROM customer
          WHERE account = $1 AND email = $2 AND id IS DISTINCT FROM $4 LIMIT 1)
        UNION ALL
        (SELECT id, 'phone', CASE WHEN mobile_phone = ANY($3) THEN 'mobile_phone'
                                  ELSE 'landline_phone' END,
                CASE WHEN mobile_phone = ANY($3) THEN mobile_phone ELSE landline_phone END, 1
          FROM customer
          WHERE account = $1 AND (mobile_phone = ANY($3) OR landline_phone = ANY($3))
            AND id IS DISTINCT FROM $4
          ORDER BY created_at LIMIT 1)
        ORDER BY rank LIMIT 1
        """,
        account_id,
        email,
        phone_list,
        exclude,
    )
    if not rows:
        return None
    row = rows[0]
    return Match(customer_id=row["id"], matched_on=row["matched_on"], field=row["field"],
                 value=row["value"])
