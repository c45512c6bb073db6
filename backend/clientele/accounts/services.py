"""Accounts: the default account that makes the app work out of the box."""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass
from typing import Any

from clientele.core import db

DEFAULT_SLUG = "default"


@dataclass(frozen=True)
class AccountInfo:
    id: uuid.UUID
    name: str
    slug: str
    default_phone_region: str
    default_language: str
    booking_blocked_message: str = ""
    calendar_conflict_policy: str = "FILL_BLANKS"
    own_domains: tuple[str, ...] = ()  # the business's own email domains (never customers)
    reminder_hours: tuple[int, ...] = (24,)  # reminders this many hours before the start
    time_zone: str = "Europe/Zurich"  # IANA zone: dates and times in messages
    # customer lifecycle rules (customers/lifecycle.py): months of inactivity, None: off
    archive_after_months: int | None = None
    erase_after_months: int | None = None
    trusted_documents_only: bool = False  # sessions send documentId only (trusted_documents)


def _info(row: Any) -> AccountInfo:
    return AccountInfo(
        id=row["id"],
        name=row["name"],
        slug=row["slug"],
        default_phone_region=row["default_phone_region"],
        default_language=row["default_language"],
        booking_blocked_message=row["booking_blocked_message"],
        calendar_conflict_policy=row["calendar_conflict_policy"],
        own_domains=tuple(row["own_domains"] or ()),
        reminder_hours=tuple(row["reminder_hours"]),
        time_zone=row["time_zone"],
        archive_after_months=row["archive_after_months"],
        erase_after_months=row["erase_after_months"],
        trusted_documents_only=row["trusted_documents_only"],
    )


async def ensure_default_account(phone_region: str, name: str = "Demo Practice") -> AccountInfo:
    """Return the default account, creating it on first start."""
    rows = await db.fetch(
        """
        INSERT INTO account (id, name, slug, default_phone_region, default_language, created_at)
        VALUES ($1, $2, $3, $4, 'en', now())
        ON CONFLICT (slug) DO UPDATE SET slug = EXCLUDED.slug
        RETURNING *
        """,
        uuid.uuid4(),
        name,
        DEFAULT_SLUG,
        phone_region,
    )
    await _ensure_roles(rows[0]["id"])
    return _info(rows[0])


async def _ensure_roles(account_id: uuid.UUID) -> None:
    from clientele.accounts.roles import ensure_builtin_roles

    await ensure_builtin_roles(account_id)


async def create_account(name: str, slug: str, phone_region: str = "CH") -> AccountInfo:
    rows = await db.fetch(
        """
        INSERT INTO account (id, name, slug, default_phone_region, default_language, created_at)
        VALUES ($1, $2, $3, $4, 'en', now()) RETURNING *
        """,
        uuid.uuid4(),
        name,
        slug,
        phone_region,
    )
    await _ensure_roles(rows[0]["id"])
    return _info(rows[0])


async def update_settings(account_id: uuid.UUID, blocked_message: str | None,
                          conflict_policy: str | None,
                          own_domains: list[str] | None = None,
                          reminder_hours: list[int] | None = None,
                          time_zone: str | None = None,
                          archive_after_months: int | None = None,
                          erase_after_months: int | None = None,
                          lifecycle_off: frozenset[str] = frozenset(),
                          trusted_documents_only: bool | None = None) -> AccountInfo:
    """None leaves a setting as it is. Own domains are stored lower case, without '@';
    reminder hours as given (their order is the reminders' slots), an empty list: none.
    The lifecycle rules named in `lifecycle_off` ("archive", "erase") are turned off."""
    rows = await db.fetch(
        """UPDATE account SET booking_blocked_message = coalesce($2, booking_blocked_message),
                  calendar_conflict_policy = coalesce($3, calendar_conflict_policy),
                  own_domains = coalesce($4, own_domains),
                  reminder_hours = coalesce($5::smallint[], reminder_hours),
                  time_zone = coalesce($6, time_zone),
                  archive_after_months = CASE WHEN $9 THEN NULL
                                              ELSE coalesce($7, archive_after_months) END,
                  erase_after_months = CASE WHEN $10 THEN NULL
                                            ELSE coalesce($8, erase_after_months) END,
                  trusted_documents_only = coalesce($11, trusted_documents_only)
           WHERE id = $1 RETURNING *""",
        account_id, blocked_message, conflict_policy,
        None if own_domains is None else clean_domains(own_domains), reminder_hours, time_zone,
        archive_after_months, erase_after_months, "archive" in lifecycle_off,
        "erase" in lifecycle_off, trusted_documents_only)
    return _info(rows[0])


def clean_domains(domains: list[str]) -> list[str]:
    """Email domains as stored: lower case, no '@', sorted, each once."""
    return sorted({d.strip().lstrip("@").lower() for d in domains if d.strip()})


async def get_account_by_slug(slug: str) -> AccountInfo | None:
    rows = await db.fetch("SELECT * FROM account WHERE slug = $1", slug)
    return _info(rows[0]) if rows else None


async def get_account(account_id: uuid.UUID) -> AccountInfo | None:
    rows = await db.fetch("SELECT * FROM account WHERE id = $1", account_id)
    return _info(rows[0]) if rows else None


_secrets: dict[uuid.UUID, bytes] = {}


async def link_secret(account_id: uuid.UUID) -> bytes:
    """The secret that signs the account's customer links (preferences), made on first use
    (concurrent first uses agree: the first one stored wins); it never changes, so each
    process reads it once."""
    if account_id not in _secrets:
        rows = await db.fetch("SELECT link_secret FROM account WHERE id = $1", account_id)
        if rows and rows[0]["link_secret"] is None:
            rows = await db.fetch(
                """UPDATE account SET link_secret = coalesce(link_secret, $2) WHERE id = $1
                   RETURNING link_secret""", account_id, secrets.token_bytes(32))
        if not rows:
            raise LookupError(f"no account {account_id}")
        _secrets[account_id] = bytes(rows[0]["link_secret"])
    return _secrets[account_id]
