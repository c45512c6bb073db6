"""apiTokenRevoke: revoke one of your tokens at once."""

from __future__ import annotations

from typing import Annotated

import strawberry

from clientele.accounts import sessions
from clientele.api.accounts.errors import AccountError
from clientele.api.accounts.types import ApiToken
from clientele.api.context import Info
from clientele.api.errors import parse_id
from clientele.api.fields import optional
from clientele.api.mutation import Payload, mutation
from clientele.core.errors import NotFound


@strawberry.type(description="Result of apiTokenRevoke.")
class ApiTokenRevokePayload(Payload, errors=AccountError):
    api_token: ApiToken | None = optional("The revoked token.")


@mutation(description="Revoke one of your API tokens at once.")
async def api_token_revoke(
    info: Info, id: Annotated[strawberry.ID, strawberry.argument(description="The token's ID.")],
) -> ApiTokenRevokePayload:
    user_id = info.context.principal.user_id
    if user_id is None:  # a token's owner is a staff user
        raise NotFound("API token")
    row = await sessions.revoke_api_token(user_id, parse_id(id, "ApiToken"))
    return ApiTokenRevokePayload(api_token=ApiToken.from_row(row))
