"""customerBlock: keep a customer from booking online (edit:blocked-customers)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from clientele.accounts.permissions import Permission
from clientele.api.blocking.mutations.block_result import BlockPayload
from clientele.api.blocking.types import BlockRule
from clientele.api.context import Info
from clientele.api.customers.types import Customer, CustomerId
from clientele.api.errors import parse_id
from clientele.api.mutation import mutation
from clientele.blocking import services
from clientele.customers import services as customers

Reason = Annotated[str, strawberry.argument(
    description="Why (kept with the rules and in the customer's history).")]


@mutation(Permission.EDIT_BLOCKED_CUSTOMERS,
          description="Block a customer from online booking: rules for their email and phones "
                      "(their name when they have neither). Needs edit:blocked-customers.")
async def customer_block(info: Info, id: CustomerId, reason: Reason = "") -> BlockPayload:
    customer = await customers.get_or_raise(info.context.account.id, parse_id(id, "Customer"))
    rules = await services.block_customer(info.context.actor, customer, reason)
    return BlockPayload(customer=Customer.from_row(customer),
                        block_rules=[BlockRule.from_row(r) for r in rules])
