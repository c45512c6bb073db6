"""customerUnblock: remove the rules matching a customer's own email, phones and name."""

from __future__ import annotations

from typing import Annotated

import strawberry

from clientele.accounts.permissions import Permission
from clientele.api.blocking.mutations.block_result import BlockPayload
from clientele.api.context import Info
from clientele.api.customers.types import Customer
from clientele.api.errors import parse_id
from clientele.api.permissions import require
from clientele.blocking import services
from clientele.core.errors import DomainError
from clientele.customers import services as customers


async def customer_unblock(
    info: Info,
    id: Annotated[strawberry.ID, strawberry.argument(description="The customer's ID.")],
) -> BlockPayload:
    require(info, Permission.EDIT_BLOCKED_CUSTOMERS)
    try:
        customer = await customers.get_or_raise(info.context.account.id,
                                                parse_id(id, "Customer"))
        removed = await services.unblock_customer(info.context.actor, customer)
    except DomainError as error:
        return BlockPayload.failed(error)
    return BlockPayload(customer=Customer.from_row(customer), block_rules=[],
                        removed_count=removed, user_errors=[])
