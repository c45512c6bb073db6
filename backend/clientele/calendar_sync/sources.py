"""Calendar sources of an account."""

from __future__ import annotations

import uuid
from typing import Any

from clientele.accounts.principal import Actor
from clientele.core import db

KINDS = ("URL", "UPLOAD")


async def find_or_create(actor: Actor, name: str, kind: str, url: str | None) -> Any:
    """The account's source with this URL (or upload name), created on first use."""
    rows = await db.fetch_records(
        """SELECT * FROM calendar_source WHERE account = $1 AND kind = $2
             AND coalesce(url, name) = coalesce($3, $4)""",
        actor.account_id, kind, url, name)
    if rows:
        return rows[0]
    created = await db.fetch_records(
        """INSERT INTO calendar_source (id, account, name, kind, url, poll_minutes,
               window_past_days, window_future_days, own_domains, created_at)
           VALUES (gen_random_uuid(), $1, $2, $3, $4, 15, 90, 365, '{}', now()) RETURNING *""",
        actor.account_id, name[:200], kind, url)
    return created[0]


async def get(account_id: uuid.UUID, source_id: uuid.UUID) -> Any | None:
    rows = await db.fetch_records(
        "SELECT * FROM calendar_source WHERE account = $1 AND id = $2", account_id, source_id)
    return rows[0] if rows else None


async def save_validators(source_id: uuid.UUID, etag: str | None,
                          last_modified: str | None) -> None:
    await db.fetch("UPDATE calendar_source SET etag = $2, last_modified = $3 WHERE id = $1",
                   source_id, etag, last_modified)
