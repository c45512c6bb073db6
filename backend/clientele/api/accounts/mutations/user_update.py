"""userUpdate: rename, change role, deactivate or reset the password of a user."""

from __future__ import annotations

from typing import Annotated

import strawberry

from clientele.accounts import roles, users
from clientele.accounts.permissions import Permission
from clientele.api.accounts.types import AccountError, StaffUser
from clientele.api.context import Info
from clientele.api.enums import AccountErrorCodeEnum
from clientele.api.errors import parse_id, user_errors
from clientele.api.permissions import require
from clientele.core.errors import DomainError


@strawberry.input(description="Changes to a staff user; omitted fields stay as they are.")
class UserUpdateInput:
    name: str | None = strawberry.field(default=None, description="Display name.")
    role_id: strawberry.ID | None = strawberry.field(default=None, description="New role.")
    is_active: bool | None = strawberry.field(
        default=None, description="false signs the user out everywhere and blocks sign-in.")
    password: str | None = strawberry.field(
        default=None, description="New password (at least 10 characters); ends sessions.")


@strawberry.type(description="Result of userUpdate.")
class UserUpdatePayload:
    user: StaffUser | None = strawberry.field(description="The user after the change.")
    user_errors: list[AccountError] = strawberry.field(description="Why nothing changed.")


async def user_update(
    info: Info,
    id: Annotated[strawberry.ID, strawberry.argument(description="The user's ID.")],
    input: Annotated[UserUpdateInput, strawberry.argument(description="The changes.")],
) -> UserUpdatePayload:
    require(info, Permission.MANAGE_USERS)
    account_id = info.context.account.id
    try:
        row = await users.update_user(
            account_id, parse_id(id, "StaffUser"), name=input.name,
            role_id=parse_id(input.role_id, "Role", "role_id") if input.role_id else None,
            is_active=input.is_active, password=input.password)
    except DomainError as error:
        return UserUpdatePayload(user=None, user_errors=user_errors(
            error.errors, AccountError, AccountErrorCodeEnum))
    role = (await roles.get_many(account_id, [row["role"]]))[row["role"]]
    return UserUpdatePayload(user=StaffUser.from_row(row, role), user_errors=[])
