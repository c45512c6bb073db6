"""Calendar sources of an account."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from clientele.accounts.principal import Actor
from clientele.accounts.services import clean_domains
from clientele.appointments import writes as appointments
from clientele.calendar_sync.details import GENERIC_DOMAINS
from clientele.calendar_sync.errors import CalendarErrorCode
from clientele.core import db
from clientele.core import fetch as fetch_guard
from clientele.core.errors import DomainError, FieldError, NotFound

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
               window_past_days, window_future_days, own_domains, all_dates, created_at)
           VALUES (gen_random_uuid(), $1, $2, $3, $4, 15, 90, 365, '{}', $5, now())
           RETURNING *""",
        actor.account_id, name[:200], kind, url, kind == "UPLOAD")
    return created[0]


async def get(account_id: uuid.UUID, source_id: uuid.UUID) -> Any | None:
    rows = await db.fetch_records(
        "SELECT * FROM calendar_source WHERE account = $1 AND id = $2", account_id, source_id)
    return rows[0] if rows else None


async def get_run(account_id: uuid.UUID, run_id: uuid.UUID) -> Any | None:
    """One sync run of the account's sources, or None."""
    rows = await db.fetch_records(
        "SELECT * FROM sync_run WHERE account = $1 AND id = $2", account_id, run_id)
    return rows[0] if rows else None


async def list_sources(account_id: uuid.UUID) -> list[Any]:
    return list(await db.fetch_records(
        "SELECT * FROM calendar_source WHERE account = $1 ORDER BY name, id", account_id))


async def domain_suggestions(account_id: uuid.UUID, own: Sequence[str]) -> list[str]:
    """Business domains the account's feeds showed as organisers' that are not yet among its
    own (generic mail domains never are)."""
    rows = await db.fetch(
        """SELECT DISTINCT d FROM calendar_source s, unnest(s.seen_domains) AS d
           WHERE s.account = $1 ORDER BY d""", account_id)
    known = {d.lower() for d in own}
    return [r["d"] for r in rows if r["d"] not in known and r["d"] not in GENERIC_DOMAINS]


async def create(actor: Any, name: str, kind: str, url: str | None, poll_minutes: int,
                 past_days: int, future_days: int, own_domains: list[str],
                 all_dates: bool | None = None, cancel_missing: bool = True) -> Any:
    """A new source. `all_dates` (every date of the file instead of the window) defaults to
    true for uploads and false for URL feeds."""
    _validate(name, url if kind == "URL" else "upload", poll_minutes, past_days, future_days)
    rows = await db.fetch_records(
        """INSERT INTO calendar_source (id, account, name, kind, url, poll_minutes,
               window_past_days, window_future_days, own_domains, all_dates, cancel_missing,
               created_at)
           VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now())
           RETURNING *""",
        actor.account_id, name.strip(), kind, url, poll_minutes, past_days, future_days,
        clean_domains(own_domains), kind == "UPLOAD" if all_dates is None else all_dates,
        cancel_missing)
    return rows[0]


async def update(actor: Any, source_id: uuid.UUID, changes: dict[str, Any]) -> Any:
    current = await get(actor.account_id, source_id)
    if current is None:
        raise NotFound("Calendar source")
    merged = {**{k: current[k] for k in ("name", "url", "poll_minutes", "window_past_days",
                                          "window_future_days", "own_domains", "all_dates",
                                          "cancel_missing")}, **changes}
    _validate(merged["name"], merged["url"] if current["kind"] == "URL" else "upload",
              merged["poll_minutes"], merged["window_past_days"], merged["window_future_days"])
    rows = await db.fetch_records(
        """UPDATE calendar_source SET name = $3, url = $4, poll_minutes = $5,
               window_past_days = $6, window_future_days = $7, own_domains = $8,
               all_dates = $9, cancel_missing = $10,
               etag = CASE WHEN url IS DISTINCT FROM $4 THEN NULL ELSE etag END,
               last_modified = CASE WHEN url IS DISTINCT FROM $4 THEN NULL ELSE last_modified END
           WHERE account = $1 AND id = $2 RETURNING *""",
        actor.account_id, source_id, merged["name"].strip(), merged["url"],
        merged["poll_minutes"], merged["window_past_days"], merged["window_future_days"],
        clean_domains(merged["own_domains"]), merged["all_dates"], merged["cancel_missing"])
    return rows[0]


async def delete(actor: Any, source_id: uuid.UUID) -> None:
    """Removes the source and its runs; its appointments stay (history), unlinked."""
    async with db.transaction():
        await appointments.unlink_source(actor.account_id, source_id)
        rows = await db.fetch("DELETE FROM calendar_source WHERE account = $1 AND id = $2 "
                              "RETURNING id", actor.account_id, source_id)
    if not rows:
        raise NotFound("Calendar source")


def _validate(name: str, url: str | None, poll_minutes: int, past_days: int,
              future_days: int) -> None:
    errors = []
    if not name.strip() or len(name) > 200:
        errors.append(FieldError("name", "A name of 1 to 200 characters is required.",
                                 CalendarErrorCode.INVALID))
    if not url or (url != "upload" and not url.startswith(("http://", "https://",
                                                          "webcal://"))):
        errors.append(FieldError("url", "An http(s) or webcal URL is required.",
                                 CalendarErrorCode.INVALID))
    elif url != "upload":
        try:  # the early word; the check when connecting is the real guard
            fetch_guard.precheck(url, "calendar URL")
        except fetch_guard.FetchError as exc:
            errors.append(FieldError("url", str(exc), CalendarErrorCode.INVALID))
    if not 5 <= poll_minutes <= 1440:
        errors.append(FieldError("poll_minutes", "Between 5 and 1440 minutes.",
                                 CalendarErrorCode.INVALID))
    if not (0 <= past_days <= 3650 and 0 <= future_days <= 3650):
        errors.append(FieldError("window_past_days", "Windows of 0 to 3650 days.",
                                 CalendarErrorCode.INVALID))
    if errors:
        raise DomainError(errors)
