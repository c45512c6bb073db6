"""Block rules and the online-booking check."""

from __future__ import annotations

import ipaddress
import uuid
from collections.abc import Sequence
from enum import Enum
from typing import Any

import asyncpg

from clientele.accounts import audit
from clientele.accounts.audit import AuditAction
from clientele.accounts.principal import Actor
from clientele.core import db
from clientele.core.email import InvalidEmail, normalise_email
from clientele.core.errors import DomainError, NotFound
from clientele.core.phone import InvalidPhone, normalise_phone


class BlockKind(str, Enum):
    EMAIL = "EMAIL"
    NAME = "NAME"
    DOMAIN = "DOMAIN"
    IP = "IP"
    PHONE = "PHONE"


class BlockErrorCode(str, Enum):
    INVALID = "INVALID"
    DUPLICATE = "DUPLICATE"
    NOT_FOUND = "NOT_FOUND"
    NOTHING_TO_BLOCK = "NOTHING_TO_BLOCK"


def full_name(first: str | None, last: str | None) -> str:
    return " ".join(f"{first or ''} {last or ''}".casefold().split())


def normalise_value(kind: BlockKind, raw: str, region: str) -> str:
    text = raw.strip()
    try:
        if kind is BlockKind.EMAIL:
            return normalise_email(text)
        if kind is BlockKind.DOMAIN:
            domain = text.lstrip("@").lower()
            normalise_email(f"x@{domain}")  # same syntax rules as an address's domain
            return domain
        if kind is BlockKind.NAME:
            name = " ".join(text.casefold().split())
            if not name:
                raise ValueError("empty name")
            return name
        if kind is BlockKind.IP:
            return str(ipaddress.ip_network(text, strict=False))
        return normalise_phone(text, region)
    except (InvalidEmail, InvalidPhone, ValueError) as exc:
        raise DomainError.single("value", f"Not a valid {kind.value.lower()}: {exc}",
                                 BlockErrorCode.INVALID) from exc


async def create_rule(actor: Actor, kind: BlockKind, value: str, reason: str) -> Any:
    normalised = normalise_value(kind, value, actor.phone_region)
    try:
        rows = await db.fetch_records(
            """INSERT INTO block_rule (id, account, kind, value, reason, author_user,
                                       author_label, created_at)
               VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, now()) RETURNING *""",
            actor.account_id, kind.value, normalised, reason.strip()[:2000], actor.user_id,
            actor.label)
    except asyncpg.UniqueViolationError:
        raise DomainError.single("value", "This rule exists already.",
                                 BlockErrorCode.DUPLICATE) from None
    return rows[0]


async def delete_rule(actor: Actor, rule_id: uuid.UUID) -> None:
    rows = await db.fetch("DELETE FROM block_rule WHERE account = $1 AND id = $2 RETURNING id",
                          actor.account_id, rule_id)
    if not rows:
        raise NotFound("Block rule")


async def list_rules(account_id: uuid.UUID) -> list[Any]:
    return list(await db.fetch_records(
        "SELECT * FROM block_rule WHERE account = $1 ORDER BY created_at DESC, id", account_id))


def rule_matches_customer(c: str) -> str:
    """SQL: block rule `r` matches the customer row `c` (by email, email domain, phone or
    name)."""
    return f"""
     (r.kind = 'EMAIL' AND r.value = {c}.email)
  OR (r.kind = 'DOMAIN' AND r.value = split_part({c}.email, '@', 2))
  OR (r.kind = 'PHONE' AND r.value IN ({c}.mobile_phone, {c}.landline_phone))
  OR (r.kind = 'NAME' AND r.value = lower(trim(concat_ws(' ', {c}.first_name, {c}.last_name))))"""

_CUSTOMER_RULES_SQL = f"""
SELECT c.id AS customer_id, r.*
FROM customer c
JOIN block_rule r ON r.account = c.account AND ({rule_matches_customer("c")})
WHERE c.account = $1 AND c.id = ANY($2::uuid[])
ORDER BY r.created_at, r.id
"""


async def rules_for_customers(account_id: uuid.UUID,
                              customer_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, list[Any]]:
    """The rules that match each customer (by email, domain, phone or name), one statement."""
    rows = await db.fetch_records(_CUSTOMER_RULES_SQL, account_id, list(customer_ids))
    found: dict[uuid.UUID, list[Any]] = {cid: [] for cid in customer_ids}
    for row in rows:
        found[row["customer_id"]].append(row)
    return found


async def block_customer(actor: Actor, customer: Any, reason: str) -> list[Any]:
    """Rules for the customer's email and phones (their name when they have neither)."""
    wanted: list[tuple[BlockKind, str]] = []
    if customer["email"]:
        wanted.append((BlockKind.EMAIL, customer["email"]))
    wanted += [(BlockKind.PHONE, p) for p in (customer["mobile_phone"],
                                                customer["landline_phone"]) if p]
    if not wanted:
        name = full_name(customer["first_name"], customer["last_name"])
        if not name:
            raise DomainError.single(None, "The customer has no email, phone or name to block.",
                                     BlockErrorCode.NOTHING_TO_BLOCK)
        wanted.append((BlockKind.NAME, name))
    created = []
    async with db.transaction():
        for kind, value in wanted:
            rows = await db.fetch_records(
                """INSERT INTO block_rule (id, account, kind, value, reason, author_user,
                                           author_label, created_at)
                   VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, now())
                   ON CONFLICT (account, kind, value) DO NOTHING RETURNING *""",
                actor.account_id, kind.value, value, reason.strip()[:2000], actor.user_id,
                actor.label)
            created += rows
        await audit.record(actor, customer["id"], AuditAction.BLOCKED,
                           [{"field": "block_rules", "from": None,
                             "to": [f"{k.value}:{v}" for k, v in wanted]},
                            {"field": "reason", "from": None, "to": reason.strip()}])
    return created


async def unblock_customer(actor: Actor, customer: Any) -> int:
    """Remove the rules that match this customer's own email, phones and name. Domain and IP
    rules are left alone (they cover other people too); returns how many were removed."""
    async with db.transaction():
        rows = await db.fetch(
            """DELETE FROM block_rule r USING customer c
               WHERE c.account = $1 AND c.id = $2 AND r.account = c.account AND (
                     (r.kind = 'EMAIL' AND r.value = c.email)
                  OR (r.kind = 'PHONE' AND r.value IN (c.mobile_phone, c.landline_phone))
                  OR (r.kind = 'NAME'
                      AND r.value = lower(trim(concat_ws(' ', c.first_name, c.last_name)))))
               RETURNING r.kind, r.value""",
            actor.account_id, customer["id"])
        await audit.record(actor, customer["id"], AuditAction.UNBLOCKED,
                           [{"field": "block_rules",
                             "from": [f"{r['kind']}:{r['value']}" for r in rows], "to": None}])
    return len(rows)


async def matching_rule(account_id: uuid.UUID, *, email: str | None, name: str,
                        phone: str | None, ip: str | None) -> Any | None:
    """The first rule that refuses an online booking with these details, if any."""
    domain = email.split("@", 1)[1] if email else None
    rows = await db.fetch_records(
        """SELECT * FROM block_rule WHERE account = $1 AND (
                (kind = 'EMAIL' AND value = $2) OR (kind = 'DOMAIN' AND value = $3)
             OR (kind = 'NAME' AND value = $4) OR (kind = 'PHONE' AND value = $5)
             OR (kind = 'IP' AND $6::inet IS NOT NULL AND $6::inet <<= value::inet))
           ORDER BY created_at LIMIT 1""",
        account_id, email, domain, name or None, phone, ip)
    return rows[0] if rows else None


async def log_attempt(account_id: uuid.UUID, rule_id: uuid.UUID | None, *, email: str | None,
                      name: str, phone: str | None, ip: str | None) -> None:
    """The rule is read locked (FOR KEY SHARE) by the insert: a rule deleted meanwhile is
    waited for and then logged as NULL, as its ON DELETE SET NULL would leave it, rather than
    failing the booking with a foreign-key error."""
    await db.fetch(
        """INSERT INTO blocked_booking_attempt (id, account, rule, email, name, phone, ip,
                                                created_at)
           VALUES (gen_random_uuid(), $1,
                   (SELECT id FROM block_rule WHERE account = $1 AND id = $2 FOR KEY SHARE),
                   $3, $4, $5, $6, now())""",
        account_id, rule_id, email, name, phone, ip)


async def list_attempts(account_id: uuid.UUID, first: int, after: str | None) -> Any:
    from clientele.core.slices import slices_by_key

    slices = await slices_by_key(table="blocked_booking_attempt", key_column="account",
                                 account_id=account_id, keys=[account_id],
                                 order_column="created_at", first=first, after=after,
                                 descending=True)
    return slices[account_id]


async def carry_over(actor: Actor, from_customer: Any, to_customer: Any) -> list[uuid.UUID]:
    """A merge: when `from_customer` was blocked (a rule on their own email, phone or name),
    `to_customer` (the record that remains) is blocked too, by rules on its email and phones
    (its name when it has neither) with the first rule's reason. Domain and IP rules cover
    other people too and stay as they are. Returns the ids of the rules created (an unmerge
    removes exactly these: `remove_carried`). Call inside the merge's transaction; the rows
    are values (`from_customer` may be deleted already)."""
    rows = await db.fetch_records(
        """SELECT * FROM block_rule WHERE account = $1 AND (
                (kind = 'EMAIL' AND value = $2) OR (kind = 'PHONE' AND value = ANY($3::text[]))
             OR (kind = 'NAME' AND value = $4))
           ORDER BY created_at, id""",
        actor.account_id, from_customer["email"],
        [p for p in (from_customer["mobile_phone"], from_customer["landline_phone"]) if p],
        full_name(from_customer["first_name"], from_customer["last_name"]) or None)
    if not rows:
        return []
    wanted = [(BlockKind.EMAIL.value, to_customer["email"])] if to_customer["email"] else []
    wanted += [(BlockKind.PHONE.value, p) for p in (to_customer["mobile_phone"],
                                                    to_customer["landline_phone"]) if p]
    name = full_name(to_customer["first_name"], to_customer["last_name"])
    if not wanted and name:
        wanted.append((BlockKind.NAME.value, name))
    if not wanted:
        return []
    created = await db.fetch(
        """INSERT INTO block_rule (id, account, kind, value, reason, author_user, author_label,
                                   created_at)
           SELECT gen_random_uuid(), $1, w.kind, w.value, $4, $5, $6, now()
           FROM unnest($2::text[], $3::text[]) AS w(kind, value)
           ON CONFLICT (account, kind, value) DO NOTHING RETURNING id""",
        actor.account_id, [k for k, _ in wanted], [v for _, v in wanted], rows[0]["reason"],
        actor.user_id, actor.label)
    return [row["id"] for row in created]


async def remove_carried(account_id: uuid.UUID, rule_ids: Sequence[uuid.UUID]) -> None:
    """An unmerge: the rules `carry_over` created go again (those someone removed meanwhile
    are simply not there)."""
    await db.fetch("DELETE FROM block_rule WHERE account = $1 AND id = ANY($2::uuid[])",
                   account_id, list(rule_ids))


async def erase_attempts(account_id: uuid.UUID, *, email: str | None, phones: Sequence[str],
                         first_name: str | None, last_name: str | None) -> int:
    """An erased customer's blocked booking attempts go (their email, phone or name): the log
    would keep what the erasure removed. Returns how many."""
    name = full_name(first_name, last_name) or None
    rows = await db.fetch(
        """DELETE FROM blocked_booking_attempt WHERE account = $1
               AND (email = $2 OR phone = ANY($3::text[]) OR name = $4) RETURNING id""",
        account_id, email, list(phones), name)
    return len(rows)
