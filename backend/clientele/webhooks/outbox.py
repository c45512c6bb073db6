"""The transactional outbox: `record` an event where it is raised, inside the write's
transaction, and a delivery row exists for each enabled endpoint of the account subscribed to
it exactly when the write commits (a rollback takes both). The HTTP call happens later, in a
dispatcher (webhooks/dispatcher.py), which is woken after the commit.

Events of one transaction are gathered and written in one statement right before it commits
(`db.before_commit`): a calendar sync that raises thousands costs one INSERT, and a write of
an account without endpoints one cheap statement. Outside a transaction (the write has
committed already) the event is written at once.

The body is built here, once, and stored as sent (every attempt and endpoint gets the same
bytes and the same `webhook-id`): the Standard Webhooks payload convention,
`{"type": "customer.created", "timestamp": "…", "data": {…}}`, with ids and a small object
only, never more personal data than a partner needs to look the rest up."""

from __future__ import annotations

import datetime as dt
import json
import secrets
import uuid
from typing import Any

from clientele.core import db, wakeup
from clientele.webhooks.enums import WebhookEventType

_PENDING = "webhooks.outbox"  # the transaction state's key for its gathered events
_work = wakeup.Signal()


def message_id() -> str:
    """A `webhook-id`: msg_ and 32 hex digits (128 random bits)."""
    return "msg_" + secrets.token_bytes(16).hex()


def body(event_type: WebhookEventType, data: dict[str, Any],
         at: dt.datetime | None = None) -> str:
    at = at or dt.datetime.now(dt.UTC)
    return json.dumps({"type": event_type.value,
                       "timestamp": at.isoformat().replace("+00:00", "Z"),
                       "data": data}, separators=(",", ":"), default=str)


async def record(account_id: uuid.UUID, event_type: WebhookEventType,
                 data: dict[str, Any]) -> None:
    """A delivery of this event to each enabled endpoint of the account that subscribed to
    it, written with the current transaction (or at once outside one)."""
    event = (account_id, event_type.value, message_id(), body(event_type, data))
    if not db.in_transaction():
        await _write([event])
        return
    state = db.transaction_state()
    pending = state.get(_PENDING)
    if pending is None:
        pending = state[_PENDING] = []

        async def flush() -> None:
            await _write(pending)
            await db.after_commit(_wake)

        await db.before_commit(flush)
    pending.append(event)


async def _write(events: list[tuple[uuid.UUID, str, str, str]]) -> None:
    rows = await db.fetch(
        """INSERT INTO webhook_delivery (id, account, endpoint, event_type, message_id,
               payload, status, attempts, next_attempt_at, created_at)
           SELECT gen_random_uuid(), e.account, e.id, ev.type, ev.message_id, ev.payload,
                  'PENDING', 0, now(), now()
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY
                AS ev(account, type, message_id, payload, n)
           JOIN webhook_endpoint e ON e.account = ev.account AND e.enabled
                AND ev.type = ANY (e.events)
           ORDER BY ev.n
           RETURNING id""",
        [e[0] for e in events], [e[1] for e in events], [e[2] for e in events],
        [e[3] for e in events])
    if rows and not db.in_transaction():
        wake()


async def _wake() -> None:
    wake()


def wake() -> None:
    """Tell this instance's dispatcher that deliveries are due (others poll)."""
    _work.set()


async def woken(timeout: float) -> None:
    """Until `wake` is called or `timeout` seconds have passed (the dispatcher's idle wait)."""
    await _work.wait(timeout)
