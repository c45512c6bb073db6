"""The error type shared by the account mutations (sign-in, tokens, users, roles, settings)."""

from __future__ import annotations

import strawberry

from clientele.api.enums import AccountErrorCodeEnum
from clientele.api.mutation import UserError


@strawberry.type(description="Why an account, user, role or token change failed; nothing "
                             "was written.")
class AccountError(UserError, codes=AccountErrorCodeEnum):
    """userErrors of the account mutations."""
