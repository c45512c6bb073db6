"""customerUnblock: remove the rules matching a customer's own email, phones and name."""

from __future__ import annotations

from typing import Annotated

import strawberry

from clientele.accounts.permissions import Permission
from clientele.api.blocking.mutations.block_result import BlockPayload
from clientele.api.blocking.types import BlockError
from clientele.api.context import Info
from clientele.api.customers.types import Customer
from clientele.api.enums import BlockErrorCodeEnum
from clientele.api.errors import parse_id, user_errors
from clientele.api.permissions import require
from clientele.blocking import services
from clientele.core.errors import DomainError, NotFound
from clientele.customers import services as customers


async def customer_unblock(
    info: Info,
    id: Annotated[strawberry.ID, strawberry.argument(description="The customer's ID.")],
) -> BlockPayload:
    require(info, Permission.EDIT_BLOCKED_CUSTOMERS)
    try:
        customer = await customers.get(info.context.account.id, parse_id(id, "Customer"))
        if customer is None:
            raise NotFound("Customer")
        removed = await services.unblock_customer(info.context.actor, customer)
    except DomainError as error:
        return BlockPayload(customer=None, block_rules=[], removed_count=0,
                            user_errors=user_errors(error.errors, BlockError,
                                                    BlockErrorCodeEnum))
    return BlockPayload(customer=Customer.from_row(customer), block_rules=[],
                        removed_count=removed, user_errors=[])
