"""The payload shared by the blocking mutations."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

from clientele.api.blocking.types import BlockError, BlockRule
from clientele.api.enums import BlockErrorCodeEnum
from clientele.api.errors import user_errors
from clientele.core.errors import DomainError

if TYPE_CHECKING:
    from clientele.api.customers.types import Customer

CustomerRef = Annotated["Customer", strawberry.lazy("clientele.api.customers.types")]


@strawberry.type(description="Result of customerBlock, customerUnblock, blockRuleCreate or "
                             "blockRuleDelete.")
class BlockPayload:
    customer: CustomerRef | None = strawberry.field(
        description="The customer, for customerBlock and customerUnblock.")
    block_rules: list[BlockRule] = strawberry.field(
        description="Rules created (customerBlock, blockRuleCreate); empty otherwise.")
    removed_count: int = strawberry.field(description="Rules removed.")
    user_errors: list[BlockError] = strawberry.field(description="Why nothing changed.")

    @classmethod
    def failed(cls, error: DomainError) -> BlockPayload:
        return cls(customer=None, block_rules=[], removed_count=0,
                   user_errors=user_errors(error.errors, BlockError, BlockErrorCodeEnum))
