"""customerCreate: add a customer after the identity checks."""

from __future__ import annotations

from typing import Annotated

import strawberry

from clientele.accounts.permissions import Permission
from clientele.api.context import Info
from clientele.api.customers.errors import CustomerError, customer_errors
from clientele.api.customers.inputs import CustomerCreateInput, custom_changes
from clientele.api.customers.types import Customer
from clientele.api.customers.values import create_values
from clientele.api.permissions import require
from clientele.core.errors import DomainError
from clientele.customers import services


@strawberry.type(description="Result of customerCreate.")
class CustomerCreatePayload:
    customer: Customer | None = strawberry.field(description="The new customer, if created.")
    user_errors: list[CustomerError] = strawberry.field(
        description="Why nothing was created; empty on success.")


async def customer_create(
    info: Info,
    input: Annotated[CustomerCreateInput, strawberry.argument(description="The new customer.")],
) -> CustomerCreatePayload:
    require(info, Permission.ADD_CUSTOMERS)
    try:
        row = await services.create(
            info.context.actor, create_values(input),
            custom_changes(input.custom_fields),
        )
    except DomainError as error:
        return CustomerCreatePayload(customer=None, user_errors=customer_errors(error))
    return CustomerCreatePayload(customer=Customer.from_row(row), user_errors=[])
