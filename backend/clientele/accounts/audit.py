"""The audit history: who changed which customer field from what to what, and when."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Sequence
from enum import Enum
from typing import Any

from clientele.accounts.principal import Actor
from clientele.core import db
from clientele.core.slices import Slice, slices_by_key

ORDER_COLUMN = "created_at"


class AuditAction(str, Enum):
    CREATED = "CREATED"
    UPDATED = "UPDATED"
    DELETED = "DELETED"
    BLOCKED = "BLOCKED"
    UNBLOCKED = "UNBLOCKED"
    IMPORTED = "IMPORTED"  # a customer import changed the customer
    MERGED = "MERGED"  # another customer was merged into this one (customers/merge.py)
    UNMERGED = "UNMERGED"  # a merge was undone: in both customers' histories
    CONFLICT = "CONFLICT"
    APPOINTMENT = "APPOINTMENT"  # staff booked, moved, cancelled or marked an appointment
    ERASED = "ERASED"  # the customer's personal data was erased (no values recorded)


def plain(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime | uuid.UUID):
        return str(value)
    return value


def diff(before: Any, after: Any, fields: Sequence[str]) -> list[dict[str, Any]]:
    """[{field, from, to}] for each field whose value differs."""
    return [{"field": f, "from": plain(before[f]), "to": plain(after[f])}
            for f in fields if before[f] != after[f]]


async def record(actor: Actor, customer_id: uuid.UUID | None, action: AuditAction,
                 changes: list[dict[str, Any]] | None = None) -> None:
    await db.fetch(
        """INSERT INTO audit_event (id, account, customer_id, actor_user, actor_label, action,
                                    changes, created_at)
           VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6::jsonb, clock_timestamp())""",
        actor.account_id, customer_id, actor.user_id, actor.label, action.value,
        json.dumps(changes or []))


async def by_customers(account_id: uuid.UUID, customer_ids: Sequence[uuid.UUID], first: int,
                       after: str | None) -> dict[uuid.UUID, Slice]:
    """Each customer's history, newest first."""
    return await slices_by_key(table="audit_event", key_column="customer_id",
                               account_id=account_id, keys=customer_ids,
                               order_column=ORDER_COLUMN, first=first, after=after,
                               descending=True)


async def move_to_customer(account_id: uuid.UUID, from_customer: uuid.UUID,
                           to_customer: uuid.UUID,
                           only: Sequence[uuid.UUID] | None = None) -> list[uuid.UUID]:
    """Re-point one customer's history to another (a merge; an unmerge gives back exactly the
    `only` ids it recorded). Returns the ids of the entries moved."""
    rows = await db.fetch(
        """UPDATE audit_event SET customer_id = $3
           WHERE account = $1 AND customer_id = $2 AND ($4::uuid[] IS NULL OR id = ANY($4))
           RETURNING id""",
        account_id, from_customer, to_customer, None if only is None else list(only))
    return [row["id"] for row in rows]


ERASED_VALUE = "erased"


async def erase_values(account_id: uuid.UUID, customer_id: uuid.UUID) -> int:
    """The customer is erased: their history keeps who did what and when (action, actor,
    time, the names of the fields changed), not the values: every value in `changes` other
    than a field name becomes "erased" (null stays null). Returns how many entries changed."""
    rows = await db.fetch(
        """UPDATE audit_event SET changes = CASE WHEN jsonb_typeof(changes) <> 'array'
               THEN '[]'::jsonb ELSE (
               SELECT coalesce(jsonb_agg(CASE WHEN jsonb_typeof(e) = 'object' THEN (
                          SELECT coalesce(jsonb_object_agg(k, CASE
                                     WHEN k = 'field' OR v = 'null'::jsonb THEN v
                                     ELSE to_jsonb($3::text) END), '{}'::jsonb)
                          FROM jsonb_each(e) AS x(k, v))
                      ELSE to_jsonb($3::text) END ORDER BY n), '[]'::jsonb)
               FROM jsonb_array_elements(changes) WITH ORDINALITY AS a(e, n)) END
           WHERE account = $1 AND customer_id = $2 AND changes <> '[]'::jsonb
           RETURNING id""",
        account_id, customer_id, ERASED_VALUE)
    return len(rows)
