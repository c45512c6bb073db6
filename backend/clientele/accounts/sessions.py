"""Browser sessions and API tokens, resolved to a Principal in one statement each."""

from __future__ import annotations

import datetime as dt
import time
import uuid
from typing import Any

from clientele.accounts import events
from clientele.accounts.credentials import new_token, token_hash
from clientele.accounts.errors import AccountErrorCode
from clientele.accounts.permissions import Permission, parse
from clientele.accounts.principal import Principal
from clientele.accounts.services import AccountInfo, _info
from clientele.core import db
from clientele.core.errors import DomainError, NotFound

SESSION_LIFETIME = dt.timedelta(days=14)
SESSION_PREFIX = "cls"
TOKEN_PREFIX = "clt"

_PRINCIPAL_SQL = """
SELECT u.id AS user_id, u.name AS user_name, r.id AS role_id, r.permissions AS role_permissions,
       a.id, a.name, a.slug, a.default_phone_region, a.default_language,
       a.booking_blocked_message, a.calendar_conflict_policy, a.own_domains,
       a.reminder_hours, a.time_zone, a.archive_after_months, a.erase_after_months,
       a.trusted_documents_only,
       {extra}
FROM {table} t
JOIN staff_user u ON u.id = t."user" AND u.is_active
JOIN role r ON r.id = u.role
JOIN account a ON a.id = u.account
WHERE t.token_hash = $1 AND {condition}
"""


async def create_session(user_id: uuid.UUID) -> tuple[str, str]:
    """Returns (cookie value, CSRF token)."""
    token, csrf = new_token(SESSION_PREFIX), new_token("csrf")
    await db.fetch(
        """INSERT INTO staff_session (id, "user", token_hash, csrf_token, created_at, expires_at)
           VALUES (gen_random_uuid(), $1, $2, $3, now(), now() + $4::interval)""",
        user_id, token_hash(token), csrf, SESSION_LIFETIME)
    return token, csrf


async def end_session(session_id: uuid.UUID) -> None:
    rows = await db.fetch_records(
        """DELETE FROM staff_session s USING staff_user u WHERE s.id = $1 AND u.id = s."user"
           RETURNING u.account""", session_id)
    if rows:  # its open WebSockets and SSE streams end too, on every instance
        await events.announce(rows[0]["account"], "session", session_id)


async def principal_for_session(token: str) -> Principal | None:
    resolved_at = time.monotonic()
    rows = await db.fetch_records(
        _PRINCIPAL_SQL.format(table="staff_session", extra="t.id AS session_id, t.csrf_token",
                              condition="t.expires_at > now()"),
        token_hash(token))
    if not rows:
        return None
    row = rows[0]
    return Principal(account=_account(row), permissions=parse(row["role_permissions"]),
                     user_id=row["user_id"], name=row["user_name"], via="session",
                     session_id=row["session_id"], csrf_token=row["csrf_token"],
                     role_id=row["role_id"], resolved_at=resolved_at)


async def principal_for_token(token: str) -> Principal | None:
    resolved_at = time.monotonic()
    rows = await db.fetch_records(
        _PRINCIPAL_SQL.format(table="api_token",
                              extra="t.id AS token_id, t.permissions AS token_permissions",
                              condition="t.revoked_at IS NULL"),
        token_hash(token))
    if not rows:
        return None
    row = rows[0]
    # a token never holds more than its user holds now
    permissions = parse(row["token_permissions"]) & parse(row["role_permissions"])
    return Principal(account=_account(row), permissions=permissions, user_id=row["user_id"],
                     name=row["user_name"], via="token", token_id=row["token_id"],
                     role_id=row["role_id"], resolved_at=resolved_at)


async def current_permissions(token_ids: list[uuid.UUID], session_ids: list[uuid.UUID]
                              ) -> dict[uuid.UUID, frozenset[Permission]]:
    """The effective permissions now of each token and session that is still valid (revoked,
    expired, logged-out ones and those of inactive users are absent), in one statement: the
    periodic re-check of open connections (api/live.py) for revocations it did not hear of."""
    rows = await db.fetch_records(
        """SELECT t.id, t.permissions AS token_permissions, r.permissions AS role_permissions
           FROM api_token t JOIN staff_user u ON u.id = t."user" AND u.is_active
           JOIN role r ON r.id = u.role
           WHERE t.id = ANY($1::uuid[]) AND t.revoked_at IS NULL
           UNION ALL
           SELECT s.id, NULL, r.permissions
           FROM staff_session s JOIN staff_user u ON u.id = s."user" AND u.is_active
           JOIN role r ON r.id = u.role
           WHERE s.id = ANY($2::uuid[]) AND s.expires_at > now()""",
        token_ids, session_ids)
    current: dict[uuid.UUID, frozenset[Permission]] = {}
    for row in rows:
        permissions = parse(row["role_permissions"])
        if row["token_permissions"] is not None:
            permissions &= parse(row["token_permissions"])
        current[row["id"]] = permissions
    return current


def _account(row: Any) -> AccountInfo:
    return _info(row)


async def create_api_token(principal: Principal, name: str,
                           permissions: frozenset[Permission]) -> tuple[str, Any]:
    """A new token for the principal's user (shown once); scopes must be ones the user holds."""
    if principal.user_id is None:
        raise DomainError.single(None, "Only staff users own API tokens.",
                                 AccountErrorCode.INVALID)
    if not name.strip() or len(name) > 100:
        raise DomainError.single("name", "A name of 1 to 100 characters is required.",
                                 AccountErrorCode.REQUIRED)
    extra = permissions - principal.permissions
    if extra:
        raise DomainError.single(
            "permissions", "You cannot grant what you do not hold: "
            + ", ".join(sorted(p.value for p in extra)), AccountErrorCode.PERMISSION_NOT_HELD)
    token = new_token(TOKEN_PREFIX)
    rows = await db.fetch_records(
        """INSERT INTO api_token (id, "user", name, token_hash, prefix, permissions, created_at)
           VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, now()) RETURNING *""",
        principal.user_id, name.strip(), token_hash(token), token[:12],
        sorted(p.value for p in permissions))
    return token, rows[0]


async def list_api_tokens(user_id: uuid.UUID) -> list[Any]:
    return list(await db.fetch_records(
        'SELECT * FROM api_token WHERE "user" = $1 ORDER BY created_at DESC', user_id))


async def revoke_api_token(user_id: uuid.UUID, token_id: uuid.UUID) -> Any:
    rows = await db.fetch_records(
        """UPDATE api_token t SET revoked_at = coalesce(revoked_at, now()) FROM staff_user u
           WHERE t."user" = $1 AND t.id = $2 AND u.id = t."user"
           RETURNING t.*, u.account AS account_id""", user_id, token_id)
    if not rows:
        raise NotFound("API token")
    # open WebSockets and SSE streams riding on it end too, on every instance
    await events.announce(rows[0]["account_id"], "token", token_id)
    return rows[0]
