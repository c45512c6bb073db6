"""customerUpdate: change a customer; omitted fields are left alone, null clears."""

from __future__ import annotations

from typing import Annotated

import strawberry

from clientele.accounts.permissions import Permission
from clientele.api.context import Info
from clientele.api.customers.errors import CustomerError
from clientele.api.customers.inputs import CustomerUpdateInput, custom_changes
from clientele.api.customers.types import Customer, CustomerGlobalId
from clientele.api.customers.values import update_values
from clientele.api.errors import parse_id
from clientele.api.fields import optional
from clientele.api.mutation import Payload, mutation
from clientele.customers import services


@strawberry.type(description="Result of customerUpdate.")
class CustomerUpdatePayload(Payload, errors=CustomerError,
                            why="Why nothing was changed; empty on success."):
    customer: Customer | None = optional("The customer after the change.")


@mutation(Permission.EDIT_CUSTOMERS,
          description="Change a customer: omitted fields are left alone, null clears a field.")
async def customer_update(
    info: Info, id: CustomerGlobalId,
    input: Annotated[CustomerUpdateInput, strawberry.argument(description="The changes.")],
) -> CustomerUpdatePayload:
    row = await services.update(info.context.actor, parse_id(id, "Customer"),
                                update_values(input), custom_changes(input.custom_fields))
    return CustomerUpdatePayload(customer=Customer.from_row(row))
