"""Ignore rules: calendar events that are not about customers (team meetings, closed days,
holidays). An event that names no customer and whose title contains a rule's text (any case)
is not an appointment: a sync counts it as ignored and writes nothing for it. Making a rule
removes the synced appointments it covers that name no customer; deleting a rule brings them
back at the next sync (the rules are part of what a sync's content digest covers)."""

from __future__ import annotations

import uuid
from typing import Any

from clientele.accounts.principal import Actor
from clientele.appointments import writes as appointments
from clientele.calendar_sync.errors import CalendarErrorCode
from clientele.core import db
from clientele.core.errors import DomainError, NotFound

MAX_TEXT = 200
MIN_TEXT = 2
MAX_RULES = 200


async def list_rules(account_id: uuid.UUID) -> list[Any]:
    return list(await db.fetch_records(
        "SELECT * FROM calendar_ignore_rule WHERE account = $1 ORDER BY lower(title_contains)",
        account_id))


async def create(actor: Actor, title_contains: str) -> tuple[Any, int]:
    """The rule (an existing one with the same text, any case, is returned as is) and how
    many unmatched appointments it removed."""
    text = " ".join(title_contains.split())
    if not MIN_TEXT <= len(text) <= MAX_TEXT:
        raise DomainError.single("title_contains", f"{MIN_TEXT} to {MAX_TEXT} characters.",
                                 CalendarErrorCode.INVALID)
    async with db.transaction():
        # one rule-maker at a time per account: the count below is then a true bound
        await db.fetch("SELECT pg_advisory_xact_lock(hashtext('ignore-rules'), "
                       "hashtext($1))", str(actor.account_id))
        counted = await db.fetch(
            "SELECT count(*) AS n FROM calendar_ignore_rule WHERE account = $1",
            actor.account_id)
        if counted[0]["n"] >= MAX_RULES:
            raise DomainError.single("title_contains", f"At most {MAX_RULES} ignore rules.",
                                     CalendarErrorCode.INVALID)
        rows = await db.fetch_records(
            """INSERT INTO calendar_ignore_rule (id, account, title_contains, created_at)
               VALUES (gen_random_uuid(), $1, $2, now())
               ON CONFLICT (account, lower(title_contains)) DO UPDATE
               SET title_contains = calendar_ignore_rule.title_contains
               RETURNING *""", actor.account_id, text)
        removed = await appointments.delete_unmatched_titled(actor.account_id, text)
    return rows[0], removed


async def delete(actor: Actor, rule_id: uuid.UUID) -> None:
    rows = await db.fetch("DELETE FROM calendar_ignore_rule WHERE account = $1 AND id = $2 "
                          "RETURNING id", actor.account_id, rule_id)
    if not rows:
        raise NotFound("Ignore rule")
