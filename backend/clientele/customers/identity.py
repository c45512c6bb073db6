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
from clientele.customers.search.text import words

Name = tuple[str, str]  # first and last name, folded (`name_key`)


def name_key(first_name: str | None, last_name: str | None) -> Name | None:
    """First and last name as compared for a phone match: the words of each, folded as the
    search folds (case, accents, ü/ue, ß/ss, ø/o; "Hans-Peter" = "hans peter"); None when
    there is no name at all."""
    key = (" ".join(words(first_name or "")), " ".join(words(last_name or "")))
    return key if any(key) else None


def names_agree(given: Name, held: Name | None) -> bool:
    """Whether a name given with a phone is that of the phone's holder: each part (first,
    last) written on both sides is the same once folded, and at least one of them is; a part
    one side leaves blank does not disagree ("Ada" is "Ada Lovelace", "Ada Byron" is not)."""
    if held is None:
        return False
    compared = [(g, h) for g, h in zip(given, held, strict=True) if g and h]
    return bool(compared) and all(g == h for g, h in compared)


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
    await lock_values(account_id, (email, *phones), whole_account=whole_account)


async def lock_values(account_id: uuid.UUID, values: Iterable[str | None], *,
                      whole_account: bool = False) -> None:
    """`lock` for any number of normalised emails and phones: one statement at most."""
    held: set[Any] = db.transaction_state().setdefault(f"identity {account_id}", set())
    account_key = db.advisory_key("identity", str(account_id))
    if "whole account" in held:
        return
    if whole_account:
        await db.fetch("SELECT pg_advisory_xact_lock($1)", account_key)
        held.add("whole account")
        return
    keys = sorted({db.advisory_key("identity", str(account_id), value)
                   for value in values if value} - held)
    if "account shared" not in held:
        # the account's lock (shared) first, then the keys in the sorted order given, in one
        # statement: the target list is evaluated left to right, unnest yields in order
        await db.fetch(
            """SELECT pg_advisory_xact_lock_shared($1) AS account,
                      (SELECT count(*) FROM (SELECT pg_advisory_xact_lock(k)
                                             FROM unnest($2::bigint[]) AS k) AS l) AS keys""",
            account_key, keys)
        held.add("account shared")
    elif keys:
        await db.fetch("SELECT pg_advisory_xact_lock(k) FROM unnest($1::bigint[]) AS k", keys)
    held.update(keys)


async def holders(account_id: uuid.UUID, emails: Iterable[str | None],
                  phones: Iterable[str | None]) -> list[Any]:
    """Every customer of the account holding one of these normalised emails or phones, oldest
    first, locked against deletion (FOR KEY SHARE) until the transaction ends; one deleted
    meanwhile is simply not returned. Call under the details' identity locks; `Known` picks
    from them as `match` would."""
    email_list = sorted({e for e in emails if e})
    phone_list = sorted({p for p in phones if p})
    if not email_list and not phone_list:
        return []
    return list(await db.fetch_records(
        """SELECT * FROM customer
           WHERE account = $1 AND (email = ANY($2::text[]) OR mobile_phone = ANY($3::text[])
                                   OR landline_phone = ANY($3::text[]))
           ORDER BY created_at, id FOR KEY SHARE""",
        account_id, email_list, phone_list))


class Known:
    """Customers by normalised email and phone, answering as `match` does (email first, then
    the oldest holder of any of the phones), kept current as a bulk resolution creates and
    changes customers. Entries are keyed by anything hashable: a customer's id, or a marker
    for a customer about to be created (`pending`)."""

    def __init__(self, rows: Iterable[Any] = ()) -> None:
        self._rows: dict[Any, Any] = {}
        self._rank: dict[Any, int] = {}
        self._by_email: dict[str, Any] = {}
        self._by_phone: dict[str, list[Any]] = {}
        self._added = 0
        for row in rows:
            self.put(row["id"], row)

    def put(self, key: Any, row: Any, *, replacing: Any = None) -> None:
        """Add `row` under `key` (in place of `replacing`'s entry, keeping its rank)."""
        old = replacing if replacing is not None else key
        rank = self._rank.pop(old, None)
        self._forget(old)
        if rank is None:
            rank, self._added = self._added, self._added + 1
        self._rank[key] = rank
        self._rows[key] = row
        if row["email"]:
            self._by_email.setdefault(row["email"], key)
        for phone in {row["mobile_phone"], row["landline_phone"]} - {None}:
            holders = self._by_phone.setdefault(phone, [])
            holders.append(key)
            holders.sort(key=self._rank.__getitem__)

    def _forget(self, key: Any) -> None:
        row = self._rows.pop(key, None)
        if row is None:
            return
        if row["email"] and self._by_email.get(row["email"]) == key:
            del self._by_email[row["email"]]
        for phone in {row["mobile_phone"], row["landline_phone"]} - {None}:
            self._by_phone[phone].remove(key)

    def match(self, email: str | None, phones: Iterable[str | None],
              name: Name | None = None) -> tuple[Any, Any] | None:
        """(key, row) of the customer these details identify, or None: the holder of the
        email; else, phones being shared (families, colleagues), the oldest holder of any of
        the phones whose name agrees (`names_agree`, or the holder's name was only guessed
        from their email address), or the oldest holder at all when the input has no name
        (`name` None: give None for a guessed one too)."""
        if email and email in self._by_email:
            key = self._by_email[email]
            return key, self._rows[key]
        found = sorted({key for p in phones if p for key in self._by_phone.get(p, ())},
                       key=self._rank.__getitem__)
        for key in found:
            row = self._rows[key]
            if name is None or row.get("name_from_email") \
                    or names_agree(name, name_key(row["first_name"], row["last_name"])):
                return key, row
        return None


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
