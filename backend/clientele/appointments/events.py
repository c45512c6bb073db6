"""The `appointment` channel: an appointment was written (a booking, a calendar sync).

Messages carry ids only, like every event: `{"account", "id", "customer", "kind"}` with
`customer` the appointment's customer id or None (subscribers filter by it) and `kind`
`created` (a booking or a staff booking), `synced` (calendar sync) or `updated` (a staff
action: rescheduled, cancelled, completed, no-show, confirmed, declined). Subscribers reload the
appointment with their own context (api/calendar_sync/subscriptions.py).

`publish` goes through `core.pubsub.publish`: inside a transaction the message waits for the
outermost commit and is dropped on rollback.
"""

from __future__ import annotations

import uuid
from typing import Any

from clientele.core import pubsub

CHANNEL = "appointment"
KINDS = ("created", "synced", "updated")


def payload(account_id: uuid.UUID, appointment_id: uuid.UUID, customer_id: uuid.UUID | None,
            kind: str) -> dict[str, Any]:
    assert kind in KINDS, kind
    return {"account": str(account_id), "id": str(appointment_id),
            "customer": str(customer_id) if customer_id else None, "kind": kind}


async def publish(account_id: uuid.UUID, appointment_id: uuid.UUID,
                  customer_id: uuid.UUID | None, kind: str) -> None:
    await pubsub.publish(CHANNEL, payload(account_id, appointment_id, customer_id, kind))
