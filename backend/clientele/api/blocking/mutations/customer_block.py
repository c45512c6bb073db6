"""customerBlock: keep a customer from booking online (edit:blocked-customers)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from clientele.accounts.permissions import Permission
from clientele.api.blocking.mutations.block_result import BlockPayload
from clientele.api.blocking.types import BlockRule
from clientele.api.context import Info
from clientele.api.customers.types import Customer
from clientele.api.errors import parse_id
from clientele.api.permissions import require
from clientele.blocking import services
from clientele.core.errors import DomainError
from clientele.customers import services as customers


async def customer_block(
    info: Info,
    id: Annotated[strawberry.ID, strawberry.argument(description="The customer's ID.")],
    reason: Annotated[str, strawberry.argument(
        description="Why (kept with the rules and in the customer's history).")] = "",
) -> BlockPayload:
    require(info, Permission.EDIT_BLOCKED_CUSTOMERS)
    try:
        customer = await customers.get_or_raise(info.context.account.id,
                                                parse_id(id, "Customer"))
        rules = await services.block_customer(info.context.actor, customer, reason)
    except DomainError as error:
        return BlockPayload.failed(error)
    return BlockPayload(customer=Customer.from_row(customer),
                        block_rules=[BlockRule.from_row(r) for r in rules], removed_count=0,
                        user_errors=[])
