"""userUpdate: rename, change role, deactivate or reset the password of a user."""

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


@strawberry.input(description="Changes to a staff user; omitted fields stay as they are.")
class UserUpdateInput:
    name: str | None = optional("Display name.")
    role_id: strawberry.ID | None = optional("New role.")
    is_active: bool | None = optional("false signs the user out everywhere and blocks sign-in.")
    password: str | None = optional("New password (at least 10 characters); ends sessions.")


@strawberry.type(description="Result of userUpdate.")
class UserUpdatePayload(Payload, errors=AccountError):
    user: StaffUser | None = optional("The user after the change.")


@mutation(Permission.MANAGE_USERS,
          description="Change a staff user's name, role, password or active state "
                      "(manage:users). The last user who can manage users cannot be removed.")
async def user_update(
    info: Info, id: Annotated[strawberry.ID, strawberry.argument(description="The user's ID.")],
    input: Annotated[UserUpdateInput, strawberry.argument(description="The changes.")],
) -> UserUpdatePayload:
    account_id = info.context.account.id
    row = await users.update_user(
        account_id, parse_id(id, "StaffUser"), name=input.name,
        role_id=parse_id(input.role_id, "Role", "role_id") if input.role_id else None,
        is_active=input.is_active, password=input.password)
    return UserUpdatePayload(user=await StaffUser.load_role(account_id, row))
