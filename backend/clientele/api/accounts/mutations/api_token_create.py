"""apiTokenCreate: a bearer token for an app or partner, shown once."""

from __future__ import annotations

from typing import Annotated

import strawberry

from clientele.accounts import sessions
from clientele.api.accounts.errors import AccountError
from clientele.api.accounts.types import ApiToken, permission_set
from clientele.api.context import Info
from clientele.api.enums import PermissionEnum
from clientele.api.fields import optional
from clientele.api.mutation import Payload, mutation


@strawberry.type(description="Result of apiTokenCreate.")
class ApiTokenCreatePayload(Payload, errors=AccountError, why="Why nothing was created."):
    api_token: ApiToken | None = optional("The token's record.")
    token: str | None = optional(
        "The secret, shown this once. Send it as `Authorization: Bearer <token>`.")


@mutation(description="Create an API token with a subset of your permissions; the secret is "
                      "returned once.")
async def api_token_create(
    info: Info, name: Annotated[str, strawberry.argument(description="What the token is for.")],
    permissions: Annotated[list[PermissionEnum], strawberry.argument(
        description="Scopes: a subset of your own permissions.")],
) -> ApiTokenCreatePayload:
    token, row = await sessions.create_api_token(info.context.principal, name,
                                                 permission_set(permissions))
    return ApiTokenCreatePayload(api_token=ApiToken.from_row(row), token=token)
