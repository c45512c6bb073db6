"""Roles: the built-in ones in every account, and custom ones."""

from __future__ import annotations

import uuid
from typing import Any

import asyncpg

from clientele.accounts import events, users
from clientele.accounts.errors import AccountErrorCode
from clientele.accounts.permissions import BUILTIN_ROLES, Permission
from clientele.core import db
from clientele.core.errors import DomainError, NotFound


async def ensure_builtin_roles(account_id: uuid.UUID) -> dict[str, uuid.UUID]:
    """Create (or refresh) the built-in roles of an account; returns name → id."""
    ids: dict[str, uuid.UUID] = {}
    for name, permissions in BUILTIN_ROLES.items():
        rows = await db.fetch(
            """
            INSERT INTO role (id, account, name, permissions, builtin, created_at)
            VALUES (gen_random_uuid(), $1, $2, $3, true, now())
            ON CONFLICT (account, name) DO UPDATE SET permissions = EXCLUDED.permissions
            RETURNING id
            """,
            account_id, name, sorted(p.value for p in permissions),
        )
        ids[name] = rows[0]["id"]
    return ids


async def list_roles(account_id: uuid.UUID) -> list[Any]:
    return list(await db.fetch_records(
        "SELECT * FROM role WHERE account = $1 ORDER BY builtin DESC, name", account_id))


async def get_many(account_id: uuid.UUID, ids: list[uuid.UUID]) -> dict[uuid.UUID, Any]:
    rows = await db.fetch_records(
        "SELECT * FROM role WHERE account = $1 AND id = ANY($2::uuid[])", account_id, ids)
    return {r["id"]: r for r in rows}


def _check_name(name: str) -> str:
    name = name.strip()
    if not name or len(name) > 80:
        raise DomainError.single("name", "A role name of 1 to 80 characters is required.",
                                 AccountErrorCode.INVALID)
    return name


async def create_role(account_id: uuid.UUID, name: str,
                      permissions: frozenset[Permission]) -> Any:
    try:
        rows = await db.fetch_records(
            """INSERT INTO role (id, account, name, permissions, builtin, created_at)
               VALUES (gen_random_uuid(), $1, $2, $3, false, now()) RETURNING *""",
            account_id, _check_name(name), sorted(p.value for p in permissions))
    except asyncpg.UniqueViolationError:
        raise DomainError.single("name", "A role with this name exists.",
                                 AccountErrorCode.DUPLICATE) from None
    return rows[0]


async def _custom_role(account_id: uuid.UUID, role_id: uuid.UUID) -> Any:
    role = (await get_many(account_id, [role_id])).get(role_id)
    if role is None:
        raise NotFound("Role")
    if role["builtin"]:
        raise DomainError.single("id", "Built-in roles cannot be changed.",
                                 AccountErrorCode.BUILTIN_ROLE)
    return role


async def update_role(account_id: uuid.UUID, role_id: uuid.UUID, name: str | None,
                      permissions: frozenset[Permission] | None) -> Any:
    """Rename a custom role or change its permissions. Taking manage:users from the role of the
    last users who have it is LAST_ADMIN, as demoting them would be."""
    try:
        async with db.transaction():
            await users.lock_staff(account_id)
            role = await _custom_role(account_id, role_id)
            rows = await db.fetch_records(
                "UPDATE role SET name = $3, permissions = $4 WHERE account = $1 AND id = $2 "
                "RETURNING *",
                account_id, role_id, _check_name(name) if name is not None else role["name"],
                sorted(p.value for p in permissions) if permissions is not None
                else list(role["permissions"]))
            await users.keep_an_admin(account_id)
    except asyncpg.UniqueViolationError:
        raise DomainError.single("name", "A role with this name exists.",
                                 AccountErrorCode.DUPLICATE) from None
    if sorted(rows[0]["permissions"]) != sorted(role["permissions"]):
        # its holders' open WebSockets and SSE streams end (they reconnect with the new rights)
        await events.announce(account_id, "role", role_id)
    return rows[0]


async def delete_role(account_id: uuid.UUID, role_id: uuid.UUID) -> None:
    """Under the account's staff lock, so no user is given the role between the check and the
    delete (which would otherwise end in a foreign-key error)."""
    async with db.transaction():
        await users.lock_staff(account_id)
        await _custom_role(account_id, role_id)
        in_use = await db.fetch("SELECT 1 FROM staff_user WHERE role = $1 LIMIT 1", role_id)
        if in_use:
            raise DomainError.single("id", "Users still have this role.",
                                     AccountErrorCode.ROLE_IN_USE)
        await db.fetch("DELETE FROM role WHERE account = $1 AND id = $2", account_id, role_id)
