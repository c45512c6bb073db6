"""customerCreate: add a customer after the identity checks."""

from __future__ import annotations

from typing import Annotated

import strawberry

from clientele.accounts.permissions import Permission
from clientele.api.context import Info
from clientele.api.customers.errors import CustomerError
from clientele.api.customers.inputs import CustomerCreateInput, custom_changes
from clientele.api.customers.types import Customer
from clientele.api.customers.values import create_values
from clientele.api.fields import optional
from clientele.api.mutation import Payload, mutation
from clientele.customers import services


@strawberry.type(description="Result of customerCreate.")
class CustomerCreatePayload(Payload, errors=CustomerError,
                            why="Why nothing was created; empty on success."):
    customer: Customer | None = optional("The new customer, if created.")


@mutation(Permission.ADD_CUSTOMERS,
          description="Add a customer. Refused with DUPLICATE when the email or a phone already "
                      "belongs to a customer (the payload names that customer).")
async def customer_create(
    info: Info,
    input: Annotated[CustomerCreateInput, strawberry.argument(description="The new customer.")],
) -> CustomerCreatePayload:
    row = await services.create(info.context.actor, create_values(input),
                                custom_changes(input.custom_fields))
    return CustomerCreatePayload(customer=Customer.from_row(row))
