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
from clientele.api.customers.warnings import (
    ALLOW_SHARED_PHONE,
    WARNINGS_DESCRIPTION,
    CustomerWarning,
    shared_phone_warnings,
)
from clientele.api.fields import optional
from clientele.api.mutation import Payload, mutation
from clientele.customers import services


@strawberry.type(description="Result of customerCreate.")
class CustomerCreatePayload(Payload, errors=CustomerError,
                            why="Why nothing was created; empty on success."):
    customer: Customer | None = optional("The new customer, if created.")
    warnings: list[CustomerWarning] = strawberry.field(default_factory=list,
                                                       description=WARNINGS_DESCRIPTION)


@mutation(Permission.ADD_CUSTOMERS,
          description="Add a customer. Refused with DUPLICATE when the email already belongs to "
                      "a customer (the payload names that customer); a phone another customer "
                      "has is a SHARED_PHONE warning (nothing created) unless allowSharedPhone.")
async def customer_create(
    info: Info,
    input: Annotated[CustomerCreateInput, strawberry.argument(description="The new customer.")],
    allow_shared_phone: Annotated[bool, strawberry.argument(
        description=ALLOW_SHARED_PHONE)] = False,
) -> CustomerCreatePayload:
    try:
        row = await services.create(info.context.actor, create_values(input),
                                    custom_changes(input.custom_fields),
                                    allow_shared_phone=allow_shared_phone)
    except services.SharedPhone as shared:
        return CustomerCreatePayload(warnings=shared_phone_warnings(shared))
    return CustomerCreatePayload(customer=Customer.from_row(row))
