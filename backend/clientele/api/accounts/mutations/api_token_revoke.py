"""apiTokenRevoke: revoke one of your tokens at once."""

from __future__ import annotations

from typing import Annotated

import strawberry

from clientele.accounts import sessions
from clientele.api.accounts.types import AccountError, ApiToken
from clientele.api.context import Info
from clientele.api.enums import AccountErrorCodeEnum
from clientele.api.errors import parse_id, user_errors
from clientele.api.permissions import require_login
from clientele.core.errors import DomainError


@strawberry.type(description="Result of apiTokenRevoke.")
class ApiTokenRevokePayload:
    api_token: ApiToken | None = strawberry.field(description="The revoked token.")
    user_errors: list[AccountError] = strawberry.field(description="Why nothing changed.")


async def api_token_revoke(
    info: Info,
    id: Annotated[strawberry.ID, strawberry.argument(description="The token's ID.")],
) -> ApiTokenRevokePayload:
    require_login(info)
    try:
        user_id = info.context.principal.user_id
        row = await sessions.revoke_api_token(user_id, parse_id(id, "ApiToken")) \
            if user_id else None
        if row is None:
            raise DomainError.single("id", "API token not found.", AccountErrorCodeEnum.NOT_FOUND)
    except DomainError as error:
        return ApiTokenRevokePayload(api_token=None, user_errors=user_errors(
            error.errors, AccountError, AccountErrorCodeEnum))
    return ApiTokenRevokePayload(api_token=ApiToken.from_row(row), user_errors=[])
