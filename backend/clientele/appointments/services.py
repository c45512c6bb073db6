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
