"""Suppression entries: the emails and phones of erased customers, as keyed hashes only.

An erased person must not come back silently through the next calendar sync or import, yet
the point of erasure is that their details are gone. So each erased email and phone is kept
as HMAC-SHA256(key, kind + normalised value) in `erasure_suppression`, never as text. The key
is derived from the account's link secret (accounts.services.link_secret: made once per
account, never changed) with a label of its own, so it is a separate key without a second
secret to keep, and a digest means nothing outside the account.

Who consults it: `customers.services.match_or_create_many` (calendar sync, bookings) and the
import (customers/imports/staging.py `reject_suppressed`). A booking is the person coming
back on purpose: it creates them and lifts the entries for the details it gave (`lift`).
Staff creating a customer by hand decide themselves; that is not checked.
"""

from __future__ import annotations

import hashlib
import hmac
import uuid
from collections.abc import Iterable

from clientele.accounts.services import link_secret
from clientele.core import db

EMAIL, PHONE = "EMAIL", "PHONE"
_LABEL = b"clientele erasure suppression v1"


async def _key(account_id: uuid.UUID) -> bytes:
    return hmac.new(await link_secret(account_id), _LABEL, hashlib.sha256).digest()


def _digest(key: bytes, kind: str, value: str) -> bytes:
    return hmac.new(key, f"{kind}:{value}".encode(), hashlib.sha256).digest()


async def digests(account_id: uuid.UUID, emails: Iterable[str | None],
                  phones: Iterable[str | None]) -> dict[tuple[str, bytes], str]:
    """(kind, digest) → the normalised value it stands for, for the values given."""
    key = await _key(account_id)
    found = {(EMAIL, _digest(key, EMAIL, e)): e for e in emails if e}
    found.update({(PHONE, _digest(key, PHONE, p)): p for p in phones if p})
    return found


async def add(account_id: uuid.UUID, emails: Iterable[str | None],
              phones: Iterable[str | None]) -> None:
    """Suppress these normalised details (one statement; known ones stay as they are)."""
    wanted = await digests(account_id, emails, phones)
    if wanted:
        await db.fetch(
            """INSERT INTO erasure_suppression (account, kind, digest)
               SELECT $1, k, d FROM unnest($2::text[], $3::bytea[]) AS s(k, d)
               ON CONFLICT DO NOTHING""",
            account_id, [k for k, _ in wanted], [d for _, d in wanted])


async def suppressed(account_id: uuid.UUID, emails: Iterable[str | None],
                     phones: Iterable[str | None]) -> set[str]:
    """The normalised values among these that belong to an erased person (one statement;
    none when the account never erased anyone, without hashing anything)."""
    emails, phones = [e for e in emails if e], [p for p in phones if p]
    if not emails and not phones:
        return set()
    if not await any_entries(account_id):
        return set()
    wanted = await digests(account_id, emails, phones)
    rows = await db.fetch(
        """SELECT s.kind, s.digest FROM erasure_suppression s
           JOIN unnest($2::text[], $3::bytea[]) AS w(k, d) ON s.kind = w.k AND s.digest = w.d
           WHERE s.account = $1""",
        account_id, [k for k, _ in wanted], [d for _, d in wanted])
    return {wanted[(row["kind"], bytes(row["digest"]))] for row in rows}


async def any_entries(account_id: uuid.UUID) -> bool:
    rows = await db.fetch(
        "SELECT EXISTS (SELECT 1 FROM erasure_suppression WHERE account = $1) AS any",
        account_id)
    return bool(rows[0]["any"])


async def lift(account_id: uuid.UUID, emails: Iterable[str | None],
               phones: Iterable[str | None]) -> None:
    """The person came back on purpose (a booking): their details are no longer suppressed."""
    wanted = await digests(account_id, emails, phones)
    if wanted:
        await db.fetch(
            """DELETE FROM erasure_suppression s
               USING unnest($2::text[], $3::bytea[]) AS w(k, d)
               WHERE s.account = $1 AND s.kind = w.k AND s.digest = w.d""",
            account_id, [k for k, _ in wanted], [d for _, d in wanted])
