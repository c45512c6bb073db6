"""roleCreate, roleUpdate and roleDelete share their payload."""

from __future__ import annotations

import strawberry

from clientele.api.accounts.errors import AccountError
from clientele.api.accounts.types import Role
from clientele.api.fields import optional
from clientele.api.mutation import Payload


@strawberry.type(description="Result of roleCreate, roleUpdate or roleDelete.")
class RolePayload(Payload, errors=AccountError):
    role: Role | None = optional("The role (null after deletion).")
