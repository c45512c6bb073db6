"""roleCreate: a custom role (manage:users)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from clientele.accounts import roles
from clientele.accounts.permissions import Permission
from clientele.api.accounts.mutations.role_save import RolePayload
from clientele.api.accounts.types import AccountError, Role, permission_set
from clientele.api.context import Info
from clientele.api.enums import AccountErrorCodeEnum, PermissionEnum
from clientele.api.errors import user_errors
from clientele.api.permissions import require
from clientele.core.errors import DomainError


async def role_create(
    info: Info,
    name: Annotated[str, strawberry.argument(description="Role name, unique in the account.")],
    permissions: Annotated[list[PermissionEnum], strawberry.argument(
        description="What the role allows.")],
) -> RolePayload:
    require(info, Permission.MANAGE_USERS)
    try:
        row = await roles.create_role(info.context.account.id, name, permission_set(permissions))
    except DomainError as error:
        return RolePayload(role=None, user_errors=user_errors(
            error.errors, AccountError, AccountErrorCodeEnum))
    return RolePayload(role=Role.from_row(row), user_errors=[])
