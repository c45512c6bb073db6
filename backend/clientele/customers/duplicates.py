"""Duplicate candidates: groups of customers who may be one person, found set-wise.

Never pair by pair. Each live (not archived) customer of an account gives normalised keys:
its phones (E.164 as stored), its email normalised the way its provider reads it, and its
folded full name with its birthday, its company and each of its phones. One SQL statement
groups the customers by (reason, key) (GROUP BY, hash aggregates: linear in customers) and
keeps the keys two to MAX_GROUP customers share (a number 200 customers share is a hotel's
reception, not a duplicate). Key groups with the same members become one candidate, whose
score combines its reasons. Look-alikes share no key: two Anna Müllers with different phones,
birthdays and companies are never a group.

The groups are materialised per account in `duplicate_candidate` (only customer IDs, reasons
and score; no personal data). Freshness: the refresher checks every account every
EVERY_SECONDS and recomputes those whose customers changed (count or newest updated_at) since
the last refresh; `refresh(account)` recomputes on demand (after an import, from the API, in
tests). Between refreshes a page is read against the customers as they are now: archived and
deleted members leave their group, a group with fewer than two members left is not listed.

A pair dismissed as "not the same person" is stored (lower ID first, one row per pair) and
stays dismissed across refreshes: a group is listed while at least one of its pairs is not
dismissed.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import datetime as dt
import itertools
import logging
import uuid
from collections.abc import Awaitable, Callable, Sequence
from enum import Enum

from clientele.accounts.principal import Actor
from clientele.core import background, db
from clientele.core.cursors import decode_cursor, encode_cursor
from clientele.core.errors import DomainError, NotFound
from clientele.customers.errors import CustomerErrorCode

log = logging.getLogger(__name__)

EVERY_SECONDS = 300.0
MAX_GROUP = 20  # more customers sharing one key is a shared number/company, not a duplicate
MAX_DISMISS = MAX_GROUP


class Reason(str, Enum):
    SAME_PHONE = "SAME_PHONE"
    SAME_EMAIL_NORMALISED = "SAME_EMAIL_NORMALISED"
    SAME_NAME_AND_BIRTHDAY = "SAME_NAME_AND_BIRTHDAY"
    SAME_NAME_AND_COMPANY = "SAME_NAME_AND_COMPANY"
    SAME_NAME_AND_PHONE = "SAME_NAME_AND_PHONE"


# How sure each reason alone is (0-100). A group's score is 100 * (1 - prod(1 - w/100)) over
# its reasons: a shared landline alone is weak (families share them), with the same name
# strong.
WEIGHTS = {
    Reason.SAME_EMAIL_NORMALISED: 90,
    Reason.SAME_NAME_AND_PHONE: 90,
    Reason.SAME_NAME_AND_BIRTHDAY: 85,
    Reason.SAME_NAME_AND_COMPANY: 60,
    Reason.SAME_PHONE: 40,
}

# Providers that deliver local+tag@ to local@ (sub-addressing). Gmail also ignores dots, and
# googlemail.com is gmail.com. Every other address compares as stored (lower-cased).
GMAIL = ("gmail.com", "googlemail.com")
PLUS_TAG_DOMAINS = (
    "gmail.com", "outlook.com", "outlook.de", "outlook.fr", "hotmail.com", "hotmail.de",
    "hotmail.ch", "hotmail.fr", "hotmail.it", "hotmail.co.uk", "live.com", "live.de", "msn.com",
    "icloud.com", "me.com", "mac.com", "fastmail.com", "fastmail.fm", "proton.me",
    "protonmail.com", "protonmail.ch", "pm.me", "posteo.de", "mailbox.org", "zoho.com",
    "yandex.com", "yandex.ru",
)

# Letters that Unicode decomposition leaves whole, as their transliteration (after lower()).
_LETTERS = (("ß", "ss"), ("ẞ", "ss"), ("ø", "o"), ("Ø", "o"), ("æ", "ae"), ("Æ", "ae"),
            ("œ", "oe"), ("Œ", "oe"), ("ł", "l"), ("Ł", "l"), ("đ", "d"), ("Đ", "d"),
            ("þ", "th"), ("Þ", "th"), ("ı", "i"))


def fold_sql(expression: str) -> str:
    """SQL of `expression` folded for comparing names: accents stripped (NFD, combining marks
    dropped), case folded, ß/ø/æ/œ/ł/đ/þ and the dotless i transliterated, everything but
    letters and digits dropped, and the German and Nordic spellings read as one: ae/oe/ue as
    a/o/u (Mueller = Müller = Muller, Oestergaard = Østergaard), aa as a (Aase = Åse). Close
    to the search's fold (customers.search.text.fold), which leaves å/aa apart and reads
    ae/oe/ue only after a letter; this one runs in SQL, set-wise."""
    sql = f"lower(regexp_replace(normalize({expression}, NFD), '[\\u0300-\\u036f]', '', 'g'))"
    for letter, spelling in _LETTERS:
        sql = f"replace({sql}, '{letter}', '{spelling}')"
    sql = f"regexp_replace({sql}, '[^a-z0-9]+', '', 'g')"
    sql = f"regexp_replace({sql}, '([aou])e', '\\1', 'g')"
    return f"regexp_replace({sql}, 'aa', 'a', 'g')"


def email_key_sql(column: str) -> str:
    """SQL of `column` (an email) as its provider reads it."""
    email = f"lower({column})"
    local = f"regexp_replace({email}, '@[^@]*$', '')"
    domain = f"substring({email} from '@([^@]*)$')"
    gmail = ", ".join(f"'{d}'" for d in GMAIL)
    plus = ", ".join(f"'{d}'" for d in PLUS_TAG_DOMAINS)
    return (f"(CASE WHEN {domain} IN ({gmail}) "
            f"THEN replace(split_part({local}, '+', 1), '.', '') || '@gmail.com' "
            f"WHEN {domain} IN ({plus}) THEN split_part({local}, '+', 1) || '@' || {domain} "
            f"ELSE {email} END)")


def _weights_sql() -> str:
    return "CASE reason " + " ".join(f"WHEN '{r.value}' THEN {w}" for r, w in WEIGHTS.items()) \
        + " END"


# $1: the account. Name keys need a first and a last name (a first name alone is too little).
REFRESH_SQL = f"""
WITH live AS MATERIALIZED (
  SELECT id, email, mobile_phone, landline_phone, date_of_birth,
         CASE WHEN coalesce(first_name, '') <> '' AND coalesce(last_name, '') <> ''
              THEN {fold_sql("first_name || ' ' || last_name")} END AS name,
         {fold_sql("coalesce(company, '')")} AS company
  FROM customer WHERE account = $1 AND archived_at IS NULL
),
phones AS (
  SELECT DISTINCT id, name, phone FROM live,
         LATERAL (VALUES (mobile_phone), (landline_phone)) AS p(phone)
  WHERE phone IS NOT NULL AND phone <> ''
),
keyed AS (
  SELECT 'SAME_PHONE' AS reason, phone AS key, id FROM phones
  UNION ALL
  SELECT 'SAME_EMAIL_NORMALISED', {email_key_sql("email")}, id FROM live
   WHERE email IS NOT NULL AND email <> ''
  UNION ALL
  SELECT 'SAME_NAME_AND_BIRTHDAY', name || '|' || date_of_birth::text, id FROM live
   WHERE name <> '' AND date_of_birth IS NOT NULL
  UNION ALL
  SELECT 'SAME_NAME_AND_COMPANY', name || '|' || company, id FROM live
   WHERE name <> '' AND company <> ''
  UNION ALL
  SELECT 'SAME_NAME_AND_PHONE', name || '|' || phone, id FROM phones WHERE name <> ''
),
shared AS (
  SELECT reason, array_agg(DISTINCT id ORDER BY id) AS ids
  FROM keyed GROUP BY reason, key
  HAVING count(DISTINCT id) BETWEEN 2 AND {MAX_GROUP}
),
grouped AS (
  SELECT ids, array_agg(DISTINCT reason ORDER BY reason) AS reasons
  FROM shared GROUP BY ids
)
INSERT INTO duplicate_candidate (id, account, customers, reasons, score)
SELECT md5(array_to_string(ids, ','))::uuid, $1, ids, reasons,
       (SELECT least(100, round(100 * (1 - exp(sum(ln(1 - ({_weights_sql()}) / 100.0))))))
          FROM unnest(reasons) AS r(reason))
FROM grouped
"""

# What tells the refresher an account's customers changed: how many, and the newest change.
STATE_SQL = """SELECT count(*) AS customers, max(updated_at) AS changed
               FROM customer WHERE account = $1"""


@dataclasses.dataclass(frozen=True)
class Refreshed:
    groups: int
    at: dt.datetime


async def refresh(account_id: uuid.UUID, wait: bool = True) -> Refreshed | None:
    """Recompute the account's candidates now, in one transaction (readers see the previous
    set until it commits). One refresh per account at a time: with `wait` after the one
    running, without (the refresher) None at once when another instance is at it."""
    async with db.transaction():
        key = db.advisory_key("duplicates", str(account_id))
        if wait:
            await db.fetch_records("SELECT pg_advisory_xact_lock($1)", key)
        elif not (await db.fetch_records("SELECT pg_try_advisory_xact_lock($1) AS ok",
                                         key))[0]["ok"]:
            return None
        await db.fetch_records("SET LOCAL work_mem = '64MB'")
        state = (await db.fetch_records(STATE_SQL, account_id))[0]
        await db.fetch_records("DELETE FROM duplicate_candidate WHERE account = $1", account_id)
        await db.fetch_records(REFRESH_SQL, account_id)
        rows = await db.fetch_records(
            """INSERT INTO duplicate_refresh (account, refreshed_at, customers_seen,
                                              changed_upto)
               VALUES ($1, now(), $2, $3)
               ON CONFLICT (account) DO UPDATE SET refreshed_at = now(),
                   customers_seen = $2, changed_upto = $3
               RETURNING refreshed_at,
                   (SELECT count(*) FROM duplicate_candidate WHERE account = $1) AS groups""",
            account_id, state["customers"], state["changed"])
    return Refreshed(rows[0]["groups"], rows[0]["refreshed_at"])


async def refresh_changed() -> int:
    """Refresh every account whose customers changed since its last refresh; returns how many
    accounts were refreshed."""
    stale = await db.fetch_records(
        """SELECT a.id FROM account a
           LEFT JOIN duplicate_refresh r ON r.account = a.id
           CROSS JOIN LATERAL (SELECT count(*) AS n, max(updated_at) AS changed
                                 FROM customer c WHERE c.account = a.id) s
           WHERE r.account IS NULL OR s.n <> r.customers_seen
              OR s.changed IS DISTINCT FROM r.changed_upto""")
    done = 0
    for row in stale:
        if await refresh(row["id"], wait=False) is not None:
            done += 1
    return done


async def refreshed_at(account_id: uuid.UUID) -> dt.datetime | None:
    rows = await db.fetch_records(
        "SELECT refreshed_at FROM duplicate_refresh WHERE account = $1", account_id)
    return rows[0]["refreshed_at"] if rows else None


async def _every_few_minutes(every: float) -> None:
    while True:
        try:
            await refresh_changed()
        except Exception:  # a database hiccup: next time
            log.exception("refreshing duplicate candidates failed")
        await asyncio.sleep(every)


def running(every: float = EVERY_SECONDS) -> contextlib.AbstractAsyncContextManager[None]:
    """The refresher for the life of the app (the lifespan enters it; `every` from the
    setting DUPLICATES_REFRESH_SECONDS)."""
    return background.running(_every_few_minutes(every))


# --- reading -------------------------------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class Candidate:
    id: uuid.UUID
    customers: list[uuid.UUID]  # live members, ordered by ID
    reasons: list[Reason]
    score: int

    @property
    def cursor(self) -> str:
        return encode_cursor(self.score, self.id)


@dataclasses.dataclass(frozen=True)
class Page:
    candidates: list[Candidate]
    has_next_page: bool
    total: Callable[[], Awaitable[int]]


# Groups as they stand now: members still in the account and not archived (at least two), and
# at least one pair of them not dismissed. $1: the account.
_LISTED = """
FROM duplicate_candidate d
CROSS JOIN LATERAL (
  SELECT array_agg(c.id ORDER BY c.id) AS ids FROM customer c
  WHERE c.id = ANY (d.customers) AND c.account = d.account AND c.archived_at IS NULL) m
WHERE d.account = $1 AND cardinality(m.ids) >= 2
  AND EXISTS (SELECT 1 FROM unnest(m.ids) a (id), unnest(m.ids) b (id)
              WHERE a.id < b.id AND NOT EXISTS (
                SELECT 1 FROM duplicate_dismissal x
                WHERE x.account = $1 AND x.customer_a = a.id AND x.customer_b = b.id))
"""


async def page(account_id: uuid.UUID, first: int, after: str | None) -> Page:
    """Candidates, best score first (then by ID), keyset-paginated. Raises InvalidCursor."""
    args: list[object] = [account_id, first + 1]
    cursor_sql = ""
    if after:
        score, last_id = decode_cursor(after, (int, uuid.UUID))
        args += [score, last_id]
        cursor_sql = "AND (d.score, d.id) < ($3::smallint, $4::uuid)"
    rows = await db.fetch_records(
        f"SELECT d.id, d.score, d.reasons, m.ids {_LISTED} {cursor_sql} "
        "ORDER BY d.score DESC, d.id DESC LIMIT $2", *args)

    async def total() -> int:
        found = await db.fetch_records(f"SELECT count(*) AS n {_LISTED}", account_id)
        return int(found[0]["n"])

    candidates = [Candidate(r["id"], list(r["ids"]), [Reason(x) for x in r["reasons"]],
                            int(r["score"])) for r in rows[:first]]
    return Page(candidates, len(rows) > first, total)


# --- dismissing ----------------------------------------------------------------------------

def pairs(customer_ids: Sequence[uuid.UUID]) -> list[tuple[uuid.UUID, uuid.UUID]]:
    """Every pair of the distinct IDs, lower ID first (the dismissal table's order)."""
    return list(itertools.combinations(sorted(set(customer_ids)), 2))


async def dismiss(actor: Actor, customer_ids: Sequence[uuid.UUID]) -> list[uuid.UUID]:
    """Marks every pair of these customers "not the same person" (a pair already dismissed
    stays as it was); returns the distinct IDs. Refused unless they are two to MAX_DISMISS
    customers of the actor's account."""
    distinct = sorted(set(customer_ids))
    if not 2 <= len(distinct) <= MAX_DISMISS:
        raise DomainError.single("customer_ids",
                                 f"Name 2 to {MAX_DISMISS} different customers.",
                                 CustomerErrorCode.INVALID)
    all_pairs = pairs(distinct)
    async with db.transaction():
        # the customers are locked against deletion while their pairs are written
        found = await db.fetch_records(
            """SELECT id FROM customer WHERE account = $1 AND id = ANY ($2::uuid[])
               FOR KEY SHARE""", actor.account_id, distinct)
        if len(found) != len(distinct):
            raise NotFound("Customer", "customer_ids")
        await db.fetch_records(
            """INSERT INTO duplicate_dismissal (account, customer_a, customer_b, dismissed_by)
               SELECT $1, a, b, $4 FROM unnest($2::uuid[], $3::uuid[]) AS p (a, b)
               ON CONFLICT (account, customer_a, customer_b) DO NOTHING""",
            actor.account_id, [a for a, _ in all_pairs], [b for _, b in all_pairs],
            actor.user_id)
    return distinct
