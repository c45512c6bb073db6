"""customerUnblock: remove the rules matching a customer's own email, phones and name."""

from __future__ import annotations

from clientele.accounts.permissions import Permission
from clientele.api.blocking.mutations.block_result import BlockPayload
from clientele.api.context import Info
from clientele.api.customers.types import Customer, CustomerId
from clientele.api.errors import parse_id
from clientele.api.mutation import mutation
from clientele.blocking import services
from clientele.customers import services as customers


@mutation(Permission.EDIT_BLOCKED_CUSTOMERS,
          description="Remove the rules matching the customer's own email, phones and name.")
async def customer_unblock(info: Info, id: CustomerId) -> BlockPayload:
    customer = await customers.get_or_raise(info.context.account.id, parse_id(id, "Customer"))
    removed = await services.unblock_customer(info.context.actor, customer)
    return BlockPayload(customer=Customer.from_row(customer), removed_count=removed)
