"""Appointment reads for many customers at once (one statement per batch)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from clientele.appointments.enums import AppointmentWhen
from clientele.core import db
from clientele.core.slices import Slice, slices_by_key

ORDER_COLUMN = "starts_at"
WHEN_SQL = {
    AppointmentWhen.ALL: "",
    AppointmentWhen.PAST: "AND x.ends_at <= now()",
    AppointmentWhen.UPCOMING: "AND x.ends_at > now()",
}


async def by_customers(
    account_id: uuid.UUID,
    customer_ids: Sequence[uuid.UUID],
    when: AppointmentWhen,
    first: int,
    after: str | None,
    descending: bool,
) -> dict[uuid.UUID, Slice]:
    """Each customer's appointments in chronological order (or reversed), one page each."""
    return await slices_by_key(
        table="appointment",
        key_column="customer",
        account_id=account_id,
        keys=customer_ids,
        order_column=ORDER_COLUMN,
        first=first,
        after=after,
        descending=descending,
        extra_where=WHEN_SQL[when],
    )


async def next_for_customers(
    account_id: uuid.UUID, customer_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, Any]:
    """The next upcoming, not cancelled appointment of each customer (or none)."""
    rows = await db.fetch_records(
        """
        SELECT DISTINCT ON (customer) * FROM appointment
        WHERE account = $1 AND customer = ANY($2::uuid[]) AND ends_at > now()
          AND status <> 'CANCELLED'
        ORDER BY customer, starts_at, id
        """,
        account_id, list(customer_ids),
    )
    return {row["customer"]: row for row in rows}


async def get_many(account_id: uuid.UUID, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, Any]:
    rows = await db.fetch_records(
        "SELECT * FROM appointment WHERE account = $1 AND id = ANY($2::uuid[])",
        account_id, list(ids),
    )
    return {row["id"]: row for row in rows}


async def _page(account_id: uuid.UUID, where: str, args: list[Any], first: int,
                after: str | None, descending: bool) -> Slice:
    """A page of the account's appointments matching `where` (a code constant)."""
    return (await slices_by_key(table="appointment", key_column="account",
                                account_id=account_id, keys=[account_id],
                                order_column=ORDER_COLUMN, first=first, after=after,
                                descending=descending, extra_where=where,
                                extra_args=args))[account_id]


async def upcoming(account_id: uuid.UUID, start: Any, first: int, after: str | None) -> Slice:
    return await _page(account_id, "AND x.ends_at > {0}", [start], first, after, False)


async def unmatched(account_id: uuid.UUID, first: int, after: str | None) -> Slice:
    """Synced appointments that name no customer and still stand (not cancelled)."""
    return await _page(account_id, "AND x.customer IS NULL AND x.anonymised_at IS NULL "
                       "AND x.calendar_source_id IS NOT NULL AND x.status <> 'CANCELLED'", [],
                       first, after, True)


async def link_customer(account_id: uuid.UUID, appointment_id: uuid.UUID,
                        customer_id: uuid.UUID) -> Any:
    """None when either is not found. The customer row is locked (FOR KEY SHARE) by the same
    statement: a delete in progress is waited for, and then the customer is simply gone
    (None), never a foreign-key error."""
    rows = await db.fetch_records(
        """UPDATE appointment SET customer = c.id, updated_at = now()
           FROM (SELECT id FROM customer WHERE account = $1 AND id = $3 FOR KEY SHARE) c
           WHERE appointment.account = $1 AND appointment.id = $2
           RETURNING appointment.*""",
        account_id, appointment_id, customer_id)
    return rows[0] if rows else None


async def source_names(account_id: uuid.UUID, source_ids: Sequence[uuid.UUID]
                       ) -> dict[uuid.UUID, str]:
    """The calendar sources' names by id (for synced appointments)."""
    rows = await db.fetch_records(
        "SELECT id, name FROM calendar_source WHERE account = $1 AND id = ANY($2::uuid[])",
        account_id, list(source_ids))
    return {row["id"]: row["name"] for row in rows}
