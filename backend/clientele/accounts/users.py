"""Staff users: creation, login, listing, role changes."""

from __future__ import annotations

import uuid
from typing import Any

import asyncpg

from clientele.accounts import events
from clientele.accounts.credentials import hash_password_async, verify_password_async
from clientele.accounts.errors import AccountErrorCode
from clientele.core import db
from clientele.core.email import InvalidEmail, normalise_email
from clientele.core.errors import DomainError, FieldError, NotFound

MIN_PASSWORD_LENGTH = 10


def _validate(email: str, name: str, password: str | None) -> tuple[str, str]:
    errors: list[FieldError] = []
    try:
        clean_email = normalise_email(email)
    except InvalidEmail as exc:
        errors.append(FieldError("email", str(exc), AccountErrorCode.INVALID_EMAIL))
        clean_email = ""
    if not name.strip() or len(name) > 200:
        errors.append(FieldError("name", "A name of 1 to 200 characters is required.",
                                 AccountErrorCode.REQUIRED))
    if password is not None and len(password) < MIN_PASSWORD_LENGTH:
        errors.append(FieldError("password",
                                 f"At least {MIN_PASSWORD_LENGTH} characters.",
                                 AccountErrorCode.TOO_SHORT))
    if errors:
        raise DomainError(errors)
    return clean_email, name.strip()


async def create_user(account_id: uuid.UUID, email: str, name: str, password: str,
                      role_id: uuid.UUID) -> Any:
    clean_email, clean_name = _validate(email, name, password)
    password_hash = await hash_password_async(password)  # slow: not while holding the lock
    try:
        async with db.transaction():
            await lock_staff(account_id)  # the role cannot be deleted meanwhile
            await _role_exists(account_id, role_id)
            rows = await db.fetch_records(
                """INSERT INTO staff_user (id, account, email, name, password_hash, role,
                                           is_active, created_at)
                   VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, true, now()) RETURNING *""",
                account_id, clean_email, clean_name, password_hash, role_id)
    except asyncpg.UniqueViolationError:
        raise DomainError.single("email", "A user with this email exists.",
                                 AccountErrorCode.DUPLICATE) from None
    return rows[0]


async def authenticate(email: str, password: str) -> Any | None:
    """The active user with this email and password, or None (same work either way)."""
    try:
        clean_email = normalise_email(email)
    except InvalidEmail:
        clean_email = ""
    rows = await db.fetch_records(
        "SELECT * FROM staff_user WHERE email = $1 AND is_active", clean_email)
    user = rows[0] if rows else None
    if not await verify_password_async(user["password_hash"] if user else None, password) \
            or user is None:
        return None
    await db.fetch("UPDATE staff_user SET last_login_at = now() WHERE id = $1", user["id"])
    return user


async def list_users(account_id: uuid.UUID) -> list[Any]:
    return list(await db.fetch_records(
        "SELECT * FROM staff_user WHERE account = $1 ORDER BY name, id", account_id))


async def get_many(account_id: uuid.UUID, ids: list[uuid.UUID]) -> dict[uuid.UUID, Any]:
    rows = await db.fetch_records(
        "SELECT * FROM staff_user WHERE account = $1 AND id = ANY($2::uuid[])", account_id, ids)
    return {r["id"]: r for r in rows}


async def update_user(account_id: uuid.UUID, user_id: uuid.UUID, *, name: str | None = None,
                      role_id: uuid.UUID | None = None, is_active: bool | None = None,
                      password: str | None = None) -> Any:
    user = (await get_many(account_id, [user_id])).get(user_id)
    if user is None:
        raise NotFound("User")
    if name is not None or password is not None:
        _validate(user["email"], name if name is not None else user["name"], password)
    password_hash = await hash_password_async(password) if password else None
    async with db.transaction():
        await lock_staff(account_id)
        if role_id is not None:
            await _role_exists(account_id, role_id)
        rows = await db.fetch_records(
            """UPDATE staff_user SET name = coalesce($3, name), role = coalesce($4, role),
                      is_active = coalesce($5, is_active),
                      password_hash = coalesce($6, password_hash)
               WHERE account = $1 AND id = $2 RETURNING *""",
            account_id, user_id, name.strip() if name else None, role_id, is_active,
            password_hash)
        await keep_an_admin(account_id)
        if is_active is False or password:
            await db.fetch("DELETE FROM staff_session WHERE \"user\" = $1", user_id)
    # committed: end the user's open WebSockets and SSE streams on every instance
    if is_active is False or (role_id is not None and role_id != user["role"]):
        await events.announce(account_id, "user", user_id)
    elif password:
        await events.announce(account_id, "user_sessions", user_id)
    return rows[0]


async def lock_staff(account_id: uuid.UUID) -> None:
    """Changes to an account's users and roles run one at a time (until the transaction
    ends). The last-admin rule counts the admins after the write: without this, two demotions
    side by side would each still see the other admin and both commit, leaving none."""
    await db.fetch("SELECT pg_advisory_xact_lock($1)",
                   db.advisory_key("staff", str(account_id)))


async def _role_exists(account_id: uuid.UUID, role_id: uuid.UUID) -> None:
    if not await db.fetch("SELECT 1 FROM role WHERE account = $1 AND id = $2",
                          account_id, role_id):
        raise NotFound("Role", field="role_id")


async def keep_an_admin(account_id: uuid.UUID) -> None:
    """Raise LAST_ADMIN (rolling the caller's transaction back) when no active user who can
    manage users is left. Call under `lock_staff`, after the write."""
    rows = await db.fetch(
        """SELECT count(*) AS n FROM staff_user u JOIN role r ON r.id = u.role
           WHERE u.account = $1 AND u.is_active AND 'manage:users' = ANY(r.permissions)""",
        account_id)
    if rows[0]["n"] == 0:
        raise DomainError.single(None, "The account must keep an active user who can manage "
                                 "users.", AccountErrorCode.LAST_ADMIN)
