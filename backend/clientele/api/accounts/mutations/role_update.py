"""roleUpdate: rename a custom role or change its permissions."""

from __future__ import annotations

from typing import Annotated

import strawberry

from clientele.accounts import roles
from clientele.accounts.permissions import Permission
from clientele.api.accounts.mutations.role_save import RolePayload
from clientele.api.accounts.types import AccountError, Role, permission_set
from clientele.api.context import Info
from clientele.api.enums import AccountErrorCodeEnum, PermissionEnum
from clientele.api.errors import parse_id, user_errors
from clientele.api.permissions import require
from clientele.core.errors import DomainError


async def role_update(
    info: Info,
    id: Annotated[strawberry.ID, strawberry.argument(description="The role's ID.")],
    name: Annotated[str | None, strawberry.argument(description="New name.")] = None,
    permissions: Annotated[list[PermissionEnum] | None, strawberry.argument(
        description="New permissions (replaces the old list).")] = None,
) -> RolePayload:
    require(info, Permission.MANAGE_USERS)
    try:
        row = await roles.update_role(
            info.context.account.id, parse_id(id, "Role"), name,
            permission_set(permissions) if permissions is not None else None)
    except DomainError as error:
        return RolePayload(role=None, user_errors=user_errors(
            error.errors, AccountError, AccountErrorCodeEnum))
    return RolePayload(role=Role.from_row(row), user_errors=[])
