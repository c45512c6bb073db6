"""The payload shared by the blocking mutations."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

from clientele.api.blocking.types import BlockError, BlockRule

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
