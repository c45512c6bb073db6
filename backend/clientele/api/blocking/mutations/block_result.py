"""The payload shared by the blocking mutations."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

from clientele.api.blocking.errors import BlockError
from clientele.api.blocking.types import BlockRule
from clientele.api.fields import optional
from clientele.api.mutation import Payload

if TYPE_CHECKING:
    from clientele.api.customers.types import Customer

CustomerRef = Annotated["Customer", strawberry.lazy("clientele.api.customers.types")]


@strawberry.type(description="Result of customerBlock, customerUnblock, blockRuleCreate or "
                             "blockRuleDelete.")
class BlockPayload(Payload, errors=BlockError):
    customer: CustomerRef | None = optional("The customer, for customerBlock and customerUnblock.")
    block_rules: list[BlockRule] = strawberry.field(
        default_factory=list,
        description="Rules created (customerBlock, blockRuleCreate); empty otherwise.")
    removed_count: int = strawberry.field(default=0, description="Rules removed.")
