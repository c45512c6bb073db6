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


async def get_many(account_id: uuid.UUID, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, Any]:
    rows = await db.fetch_records(
        "SELECT * FROM communication WHERE account = $1 AND id = ANY($2::uuid[])",
        account_id, list(ids),
    )
    return {row["id"]: row for row in rows}
