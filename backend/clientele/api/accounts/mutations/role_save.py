"""roleCreate and roleUpdate share their payload."""

from __future__ import annotations

import strawberry

from clientele.api.accounts.types import AccountError, Role


@strawberry.type(description="Result of roleCreate, roleUpdate or roleDelete.")
class RolePayload:
    role: Role | None = strawberry.field(description="The role (null after deletion).")
    user_errors: list[AccountError] = strawberry.field(description="Why nothing changed.")
