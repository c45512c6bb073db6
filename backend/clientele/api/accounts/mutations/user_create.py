"""userCreate: add a staff user with a role (manage:users)."""

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


@strawberry.input(description="A new staff user.")
class UserCreateInput:
    email: str = strawberry.field(description="Login email.")
    name: str = strawberry.field(description="Display name (1 to 200 characters).")
    password: str = strawberry.field(description="Initial password, at least 10 characters.")
    role_id: strawberry.ID = strawberry.field(description="The role's ID.")


@strawberry.type(description="Result of userCreate.")
class UserCreatePayload:
    user: StaffUser | None = strawberry.field(description="The new user.")
    user_errors: list[AccountError] = strawberry.field(description="Why nothing was created.")


async def user_create(
    info: Info,
    input: Annotated[UserCreateInput, strawberry.argument(description="The new user.")],
) -> UserCreatePayload:
    require(info, Permission.MANAGE_USERS)
    account_id = info.context.account.id
    try:
        role_id = parse_id(input.role_id, "Role", "role_id")
        row = await users.create_user(account_id, input.email, input.name, input.password,
                                      role_id)
    except DomainError as error:
        return UserCreatePayload(user=None, user_errors=user_errors(
            error.errors, AccountError, AccountErrorCodeEnum))
    role = (await roles.get_many(account_id, [row["role"]]))[row["role"]]
    return UserCreatePayload(user=StaffUser.from_row(row, role), user_errors=[])
