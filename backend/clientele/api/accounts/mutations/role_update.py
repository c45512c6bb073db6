"""roleUpdate: rename a custom role or change its permissions."""

from __future__ import annotations

from typing import Annotated

import strawberry

from clientele.accounts import roles
from clientele.accounts.permissions import Permission
from clientele.api.accounts.mutations.role_save import RolePayload
from clientele.api.accounts.types import Role, RoleId, permission_set
from clientele.api.context import Info
from clientele.api.enums import PermissionEnum
from clientele.api.errors import parse_id
from clientele.api.mutation import mutation


@mutation(Permission.MANAGE_USERS, description="Change a custom role (manage:users).")
async def role_update(
    info: Info, id: RoleId,
    name: Annotated[str | None, strawberry.argument(description="New name.")] = None,
    permissions: Annotated[list[PermissionEnum] | None, strawberry.argument(
        description="New permissions (replaces the old list).")] = None,
) -> RolePayload:
    row = await roles.update_role(
        info.context.account.id, parse_id(id, "Role"), name,
        permission_set(permissions) if permissions is not None else None)
    return RolePayload(role=Role.from_row(row))
