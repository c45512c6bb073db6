"""Webhook endpoints of an account: create (the secret is returned this once), change,
delete, enable again; manual redelivery; the endpoints and their delivery log for the API.
Every statement is scoped by the account."""

from __future__ import annotations

import base64
import secrets
import uuid
from collections.abc import Sequence
from typing import Any

from clientele.core import db
from clientele.core import fetch as fetch_guard
from clientele.core.errors import DomainError, FieldError
from clientele.webhooks import outbox
from clientele.webhooks.enums import WebhookErrorCode as Code
from clientele.webhooks.enums import WebhookEventType

MAX_URL = 2000
MAX_ENDPOINTS = 20  # per account
SECRET_BYTES = 32
WHAT = "webhook URL"


def new_secret() -> str:
    """whsec_ and the base64 of 32 random bytes (the Standard Webhooks form)."""
    return "whsec_" + base64.b64encode(secrets.token_bytes(SECRET_BYTES)).decode("ascii")


def check_url(url: str) -> str:
    """The URL, trimmed, or DomainError: http(s), at most MAX_URL characters, and not an
    address outside the public internet on its face (NOT_PUBLIC; FETCH_ALLOW_NETWORKS
    allows a network). Names are judged again at every send, when connecting."""
    url = url.strip()
    if not url or len(url) > MAX_URL:
        raise DomainError.single("url", f"A URL of 1 to {MAX_URL} characters is required.",
                                 Code.INVALID)
    if not url.lower().startswith(("http://", "https://")):
        raise DomainError.single("url", "Webhook URLs are http or https.", Code.INVALID)
    try:
        fetch_guard.precheck(url, WHAT)
    except fetch_guard.FetchRefused as refused:
        raise DomainError.single("url", str(refused), Code.NOT_PUBLIC) from None
    except fetch_guard.FetchError as exc:
        raise DomainError.single("url", str(exc), Code.INVALID) from None
    return url


def check_events(events: Sequence[WebhookEventType]) -> list[str]:
    if not events:
        raise DomainError.single("events", "Choose at least one event.", Code.INVALID)
    return sorted({WebhookEventType(e).value for e in events})


async def create(account_id: uuid.UUID, url: str,
                 events: Sequence[WebhookEventType]) -> dict[str, Any]:
    """A new endpoint (enabled); its row includes the secret, which no other call returns."""
    url, types = check_url(url), check_events(events)
    async with db.transaction():
        # one creation at a time per account, so the limit holds under concurrent calls
        await db.fetch("SELECT pg_advisory_xact_lock($1)",
                       db.advisory_key("webhook-endpoints", str(account_id)))
        count = await db.fetch("SELECT count(*) AS n FROM webhook_endpoint WHERE account = $1",
                               account_id)
        if count[0]["n"] >= MAX_ENDPOINTS:
            raise DomainError.single(None, f"An account has at most {MAX_ENDPOINTS} webhook "
                                           "endpoints; delete one first.",
                                     Code.TOO_MANY_ENDPOINTS)
        rows = await db.fetch(
            """INSERT INTO webhook_endpoint (id, account, url, events, secret)
               VALUES (gen_random_uuid(), $1, $2, $3, $4) RETURNING *""",
            account_id, url, types, new_secret())
    return rows[0]


async def update(account_id: uuid.UUID, endpoint_id: uuid.UUID, url: str | None = None,
                 events: Sequence[WebhookEventType] | None = None) -> dict[str, Any]:
    """A new URL and/or event list (None: unchanged). Deliveries already recorded keep going
    to the endpoint (to its new URL)."""
    new_url = check_url(url) if url is not None else None
    types = check_events(events) if events is not None else None
    rows = await db.fetch(
        """UPDATE webhook_endpoint SET url = coalesce($3, url), events = coalesce($4, events),
                  updated_at = now()
           WHERE account = $1 AND id = $2 RETURNING *""",
        account_id, endpoint_id, new_url, types)
    return _found(rows)


async def delete(account_id: uuid.UUID, endpoint_id: uuid.UUID) -> None:
    """The endpoint goes with its deliveries and their log (nothing more is sent to it)."""
    _found(await db.fetch("DELETE FROM webhook_endpoint WHERE account = $1 AND id = $2 "
                          "RETURNING id", account_id, endpoint_id))


async def enable(account_id: uuid.UUID, endpoint_id: uuid.UUID) -> dict[str, Any]:
    """Enabled again (after automatic disabling): its failure streak starts from zero and its
    pending deliveries are sent; those failed stay failed (redeliver them one by one)."""
    rows = await db.fetch(
        """UPDATE webhook_endpoint SET enabled = true, disabled_reason = NULL,
                  disabled_at = NULL, failure_streak = 0, failing_since = NULL,
                  updated_at = now()
           WHERE account = $1 AND id = $2 RETURNING *""", account_id, endpoint_id)
    row = _found(rows)
    outbox.wake()
    return row


async def redeliver(account_id: uuid.UUID, delivery_id: uuid.UUID) -> dict[str, Any]:
    """One more attempt of a delivery, now, with the same webhook-id and body (the partner's
    idempotency by webhook-id makes a repeat harmless). A pending one is simply made due now.
    Refused while it is being sent, and for a disabled endpoint (enable it first)."""
    async with db.transaction():
        rows = await db.fetch(
            """SELECT d.status, e.enabled FROM webhook_delivery d
               JOIN webhook_endpoint e ON e.id = d.endpoint
               WHERE d.account = $1 AND d.id = $2 FOR UPDATE OF d""", account_id, delivery_id)
        found = _found(rows, "Webhook delivery")
        if not found["enabled"]:
            raise DomainError.single("delivery_id", "The endpoint is disabled; enable it "
                                     "first.", Code.ENDPOINT_DISABLED)
        if found["status"] == "SENDING":
            raise DomainError.single("delivery_id", "The delivery is being sent right now.",
                                     Code.DELIVERY_IN_PROGRESS)
        updated = await db.fetch(
            """UPDATE webhook_delivery SET status = 'PENDING', next_attempt_at = now(),
                      manual = (status <> 'PENDING')
               WHERE id = $1 RETURNING *""", delivery_id)
        await db.after_commit(_wake)
    return updated[0]


async def _wake() -> None:
    outbox.wake()


def _found(rows: list[dict[str, Any]], what: str = "Webhook endpoint") -> dict[str, Any]:
    if not rows:
        raise DomainError([FieldError("id", f"{what} not found.", Code.NOT_FOUND)])
    return rows[0]


# ------------------------------------------------------------------ reads (the API's)

async def list_for(account_id: uuid.UUID) -> list[dict[str, Any]]:
    return await db.fetch("SELECT * FROM webhook_endpoint WHERE account = $1 "
                          "ORDER BY created_at, id", account_id)


async def get(account_id: uuid.UUID, endpoint_id: uuid.UUID) -> dict[str, Any] | None:
    rows = await db.fetch("SELECT * FROM webhook_endpoint WHERE account = $1 AND id = $2",
                          account_id, endpoint_id)
    return rows[0] if rows else None


async def deliveries(account_id: uuid.UUID, endpoint_id: uuid.UUID, limit: int,
                     before: tuple[Any, uuid.UUID] | None = None) -> list[dict[str, Any]]:
    """The endpoint's deliveries, newest first (keyset: those older than `before`, a
    (created_at, id) pair)."""
    return await db.fetch(
        """SELECT * FROM webhook_delivery
           WHERE account = $1 AND endpoint = $2
             AND ($3::timestamptz IS NULL OR (created_at, id) < ($3, $4))
           ORDER BY created_at DESC, id DESC LIMIT $5""",
        account_id, endpoint_id, before[0] if before else None,
        before[1] if before else None, limit)


async def delivery_count(account_id: uuid.UUID, endpoint_id: uuid.UUID) -> int:
    rows = await db.fetch("SELECT count(*) AS n FROM webhook_delivery "
                          "WHERE account = $1 AND endpoint = $2", account_id, endpoint_id)
    return int(rows[0]["n"])


async def attempts(delivery_id: uuid.UUID, limit: int = 50) -> list[dict[str, Any]]:
    """A delivery's log, oldest first (at most `limit`, the newest of them)."""
    rows = await db.fetch("SELECT * FROM webhook_attempt WHERE delivery = $1 "
                          "ORDER BY id DESC LIMIT $2", delivery_id, limit)
    return rows[::-1]
