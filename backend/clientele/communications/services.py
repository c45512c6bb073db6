"""Communication reads for many appointments at once (one statement per batch)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from clientele.core import db
from clientele.core.slices import Slice, slices_by_key

ORDER_COLUMN = "created_at"


async def by_appointments(
    account_id: uuid.UUID,
    appointment_ids: Sequence[uuid.UUID],
    first: int,
    after: str | None,
) -> dict[uuid.UUID, Slice]:
    """Each appointment's communications in sending order, one page each."""
    return await slices_by_key(
        table="communication",
        key_column="appointment",
        account_id=account_id,
        keys=appointment_ids,
        order_column=ORDER_COLUMN,
        first=first,
        after=after,
    )


async def by_customers(
    account_id: uuid.UUID,
    customer_ids: Sequence[uuid.UUID],
    first: int,
    after: str | None,
    medium: str | None = None,
    status: str | None = None,
) -> dict[uuid.UUID, Slice]:
    """Each customer's messages, newest first, one page each; `medium` and `status` filter
    (a message being sent counts as PENDING)."""
    conditions: list[str] = []
    args: list[Any] = []
    if medium is not None:
        conditions.append("x.medium = {%s}")
        args.append(medium)
    if status is not None:
        conditions.append("x.status = ANY({%s}::text[])")
        args.append(["PENDING", "SENDING"] if status == "PENDING" else [status])
    where = "".join(f" AND {c.replace('%s', str(n))}" for n, c in enumerate(conditions))
    return await slices_by_key(
        table="communication", key_column="customer", account_id=account_id,
        keys=customer_ids, order_column=ORDER_COLUMN, first=first, after=after,
        descending=True, extra_where=where, extra_args=args or None)


async def get_many(account_id: uuid.UUID, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, Any]:
    rows = await db.fetch_records(
        "SELECT * FROM communication WHERE account = $1 AND id = ANY($2::uuid[])",
        account_id, list(ids),
    )
    return {row["id"]: row for row in rows}
