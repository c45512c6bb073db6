"""The error type shared by the blocking mutations."""

from __future__ import annotations

import strawberry

from clientele.api.enums import BlockErrorCodeEnum
from clientele.api.mutation import UserError


@strawberry.type(description="Why a blocking change failed; nothing was written.")
class BlockError(UserError, codes=BlockErrorCodeEnum):
    """userErrors of customerBlock, customerUnblock, blockRuleCreate and blockRuleDelete."""
