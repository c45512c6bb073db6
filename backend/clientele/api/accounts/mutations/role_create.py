"""roleCreate: a custom role (manage:users)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from clientele.accounts import roles
from clientele.accounts.permissions import Permission
from clientele.api.accounts.mutations.role_save import RolePayload
from clientele.api.accounts.types import Role, permission_set
from clientele.api.context import Info
from clientele.api.enums import PermissionEnum
from clientele.api.mutation import mutation


@mutation(Permission.MANAGE_USERS, description="Create a custom role (manage:users).")
async def role_create(
    info: Info,
    name: Annotated[str, strawberry.argument(description="Role name, unique in the account.")],
    permissions: Annotated[list[PermissionEnum], strawberry.argument(
        description="What the role allows.")],
) -> RolePayload:
    row = await roles.create_role(info.context.account.id, name, permission_set(permissions))
    return RolePayload(role=Role.from_row(row))
