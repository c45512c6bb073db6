"""apiTokenCreate: a bearer token for an app or partner, shown once."""

from __future__ import annotations

from typing import Annotated

import strawberry

from clientele.accounts import sessions
from clientele.api.accounts.types import AccountError, ApiToken, permission_set
from clientele.api.context import Info
from clientele.api.enums import AccountErrorCodeEnum, PermissionEnum
from clientele.api.errors import user_errors
from clientele.api.permissions import require_login
from clientele.core.errors import DomainError


@strawberry.type(description="Result of apiTokenCreate.")
class ApiTokenCreatePayload:
    api_token: ApiToken | None = strawberry.field(description="The token's record.")
    token: str | None = strawberry.field(
        description="The secret, shown this once. Send it as `Authorization: Bearer <token>`.")
    user_errors: list[AccountError] = strawberry.field(description="Why nothing was created.")


async def api_token_create(
    info: Info,
    name: Annotated[str, strawberry.argument(description="What the token is for.")],
    permissions: Annotated[list[PermissionEnum], strawberry.argument(
        description="Scopes: a subset of your own permissions.")],
) -> ApiTokenCreatePayload:
    require_login(info)
    try:
        token, row = await sessions.create_api_token(info.context.principal, name,
                                                     permission_set(permissions))
    except DomainError as error:
        return ApiTokenCreatePayload(api_token=None, token=None, user_errors=user_errors(
            error.errors, AccountError, AccountErrorCodeEnum))
    return ApiTokenCreatePayload(api_token=ApiToken.from_row(row), token=token, user_errors=[])
