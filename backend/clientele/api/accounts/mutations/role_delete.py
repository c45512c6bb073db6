"""roleDelete: remove a custom role nobody has."""

from __future__ import annotations

from clientele.accounts import roles
from clientele.accounts.permissions import Permission
from clientele.api.accounts.mutations.role_save import RolePayload
from clientele.api.accounts.types import RoleId
from clientele.api.context import Info
from clientele.api.errors import parse_id
from clientele.api.mutation import mutation


@mutation(Permission.MANAGE_USERS,
          description="Delete a custom role nobody has (manage:users).")
async def role_delete(info: Info, id: RoleId) -> RolePayload:
    await roles.delete_role(info.context.account.id, parse_id(id, "Role"))
    return RolePayload(role=None)
