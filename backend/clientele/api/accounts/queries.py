"""Who am I, users, roles, my API tokens."""

from __future__ import annotations

import strawberry

from clientele.accounts import roles, sessions, users
from clientele.accounts.permissions import Permission
from clientele.api.accounts.types import (
    ApiToken,
    Me,
    Role,
    StaffUser,
    permission_list,
    settings_of,
)
from clientele.api.context import Info
from clientele.api.customers.lifecycle import LifecycleQueries
from clientele.api.permissions import require, require_login
from clientele.core import ids


def me_of(info: Info, csrf_token: str | None = None) -> Me:
    principal = info.context.principal
    account = principal.account
    return Me(
        user_id=strawberry.ID(ids.encode("StaffUser", principal.user_id))
        if principal.user_id else None,
        name=principal.name, via=principal.via,
        permissions=permission_list([p.value for p in principal.permissions]),
        csrf_token=csrf_token or principal.csrf_token,
        account=settings_of(account),
    )


@strawberry.type
class AccountQueries(LifecycleQueries):
    @strawberry.field(description="The signed-in user or token; null when anonymous.")
    def me(self, info: Info) -> Me | None:
        return me_of(info) if info.context.principal.authenticated else None

    @strawberry.field(description="Staff users of the account (manage:users).")
    async def users(self, info: Info) -> list[StaffUser]:
        require(info, Permission.MANAGE_USERS)
        account_id = info.context.account.id
        rows = await users.list_users(account_id)
        role_rows = {r["id"]: r for r in await roles.list_roles(account_id)}
        return [StaffUser.from_row(r, role_rows[r["role"]]) for r in rows]

    @strawberry.field(description="Roles of the account, built-in first (manage:users).")
    async def roles(self, info: Info) -> list[Role]:
        require(info, Permission.MANAGE_USERS)
        return [Role.from_row(r) for r in await roles.list_roles(info.context.account.id)]

    @strawberry.field(description="Your own API tokens (secrets are never shown again).")
    async def api_tokens(self, info: Info) -> list[ApiToken]:
        require_login(info)
        user_id = info.context.principal.user_id
        if user_id is None:
            return []
        return [ApiToken.from_row(r) for r in await sessions.list_api_tokens(user_id)]
