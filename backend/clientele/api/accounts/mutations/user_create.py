"""userCreate: add a staff user with a role (manage:users)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from clientele.accounts import users
from clientele.accounts.permissions import Permission
from clientele.api.accounts.errors import AccountError
from clientele.api.accounts.types import StaffUser
from clientele.api.context import Info
from clientele.api.errors import parse_id
from clientele.api.fields import optional
from clientele.api.mutation import Payload, mutation


@strawberry.input(description="A new staff user.")
class UserCreateInput:
    email: str = strawberry.field(description="Login email.")
    name: str = strawberry.field(description="Display name (1 to 200 characters).")
    password: str = strawberry.field(description="Initial password, at least 10 characters.")
    role_id: strawberry.ID = strawberry.field(description="The role's ID.")


@strawberry.type(description="Result of userCreate.")
class UserCreatePayload(Payload, errors=AccountError, why="Why nothing was created."):
    user: StaffUser | None = optional("The new user.")


@mutation(Permission.MANAGE_USERS, description="Add a staff user (manage:users).")
async def user_create(
    info: Info, input: Annotated[UserCreateInput, strawberry.argument(description="The new user.")],
) -> UserCreatePayload:
    account_id = info.context.account.id
    row = await users.create_user(account_id, input.email, input.name, input.password,
                                  parse_id(input.role_id, "Role", "role_id"))
    return UserCreatePayload(user=await StaffUser.load_role(account_id, row))
