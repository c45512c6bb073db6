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
from clientele.api.customers.warnings import (
    ALLOW_SHARED_PHONE,
    WARNINGS_DESCRIPTION,
    CustomerWarning,
    shared_phone_warnings,
)
from clientele.api.errors import parse_id
from clientele.api.fields import optional
from clientele.api.mutation import Payload, mutation
from clientele.customers import services


@strawberry.type(description="Result of customerUpdate.")
class CustomerUpdatePayload(Payload, errors=CustomerError,
                            why="Why nothing was changed; empty on success."):
    customer: Customer | None = optional("The customer after the change.")
    warnings: list[CustomerWarning] = strawberry.field(default_factory=list,
                                                       description=WARNINGS_DESCRIPTION)


@mutation(Permission.EDIT_CUSTOMERS,
          description="Change a customer: omitted fields are left alone, null clears a field. "
                      "A new phone another customer has is a SHARED_PHONE warning (nothing "
                      "changed) unless allowSharedPhone.")
async def customer_update(
    info: Info, id: CustomerGlobalId,
    input: Annotated[CustomerUpdateInput, strawberry.argument(description="The changes.")],
    allow_shared_phone: Annotated[bool, strawberry.argument(
        description=ALLOW_SHARED_PHONE)] = False,
) -> CustomerUpdatePayload:
    try:
        row = await services.update(info.context.actor, parse_id(id, "Customer"),
                                    update_values(input), custom_changes(input.custom_fields),
                                    allow_shared_phone=allow_shared_phone)
    except services.SharedPhone as shared:
        return CustomerUpdatePayload(warnings=shared_phone_warnings(shared))
    return CustomerUpdatePayload(customer=Customer.from_row(row))
