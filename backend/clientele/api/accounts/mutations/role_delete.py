"""roleDelete: remove a custom role nobody has."""

from __future__ import annotations

from typing import Annotated

import strawberry

from clientele.accounts import roles
from clientele.accounts.permissions import Permission
from clientele.api.accounts.mutations.role_save import RolePayload
from clientele.api.accounts.types import AccountError
from clientele.api.context import Info
from clientele.api.enums import AccountErrorCodeEnum
from clientele.api.errors import parse_id, user_errors
from clientele.api.permissions import require
from clientele.core.errors import DomainError


async def role_delete(
    info: Info,
    id: Annotated[strawberry.ID, strawberry.argument(description="The role's ID.")],
) -> RolePayload:
    require(info, Permission.MANAGE_USERS)
    try:
        await roles.delete_role(info.context.account.id, parse_id(id, "Role"))
    except DomainError as error:
        return RolePayload(role=None, user_errors=user_errors(
            error.errors, AccountError, AccountErrorCodeEnum))
    return RolePayload(role=None, user_errors=[])
