"""The `appointment` channel: an appointment was written (a booking, a calendar sync).

Messages carry ids only, like every event: `{"account", "id", "customer", "kind"}` with
`customer` the appointment's customer id or None (subscribers filter by it) and `kind`
`created` (a booking or a staff booking), `synced` (calendar sync) or `updated` (a staff
action: rescheduled, cancelled, completed, no-show, confirmed, declined). Subscribers reload the
appointment with their own context (api/calendar_sync/subscriptions.py).

`publish` goes through `core.pubsub.publish`: inside a transaction the message waits for the
outermost commit and is dropped on rollback. The same call records the partners' webhook in
that transaction (webhooks/outbox.py): `appointment.created`, `appointment.synced`, and for
`updated` `appointment.cancelled` when the written `row` is cancelled, else
`appointment.changed`. Its data: the IDs, and the status and times when the row is at hand.
"""

from __future__ import annotations

import uuid
from typing import Any

from clientele.core import ids, pubsub
from clientele.webhooks import outbox
from clientele.webhooks.enums import WebhookEventType as W

CHANNEL = "appointment"
KINDS = ("created", "synced", "updated")


def payload(account_id: uuid.UUID, appointment_id: uuid.UUID, customer_id: uuid.UUID | None,
            kind: str) -> dict[str, Any]:
    assert kind in KINDS, kind
    return {"account": str(account_id), "id": str(appointment_id),
            "customer": str(customer_id) if customer_id else None, "kind": kind}


def webhook(appointment_id: uuid.UUID, customer_id: uuid.UUID | None, kind: str,
            row: Any | None = None) -> tuple[W, dict[str, Any]]:
    """The webhook event type and data of an appointment event."""
    status = row["status"] if row is not None else None
    event_type = {"created": W.APPOINTMENT_CREATED, "synced": W.APPOINTMENT_SYNCED}.get(kind) \
        or (W.APPOINTMENT_CANCELLED if status == "CANCELLED" else W.APPOINTMENT_CHANGED)
    data: dict[str, Any] = {
        "id": ids.encode("Appointment", appointment_id),
        "customerId": ids.encode("Customer", customer_id) if customer_id else None}
    if row is not None:
        data |= {"status": status, "startsAt": row["starts_at"].isoformat(),
                 "endsAt": row["ends_at"].isoformat()}
    return event_type, data


async def publish(account_id: uuid.UUID, appointment_id: uuid.UUID,
                  customer_id: uuid.UUID | None, kind: str, row: Any | None = None) -> None:
    await pubsub.publish(CHANNEL, payload(account_id, appointment_id, customer_id, kind))
    await outbox.record(account_id, *webhook(appointment_id, customer_id, kind, row))
