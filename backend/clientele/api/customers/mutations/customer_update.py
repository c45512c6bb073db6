"""customerUpdate: change a customer; omitted fields are left alone, null clears."""

from __future__ import annotations

from typing import Annotated

import strawberry

from clientele.accounts.permissions import Permission
from clientele.api.context import Info
from clientele.api.customers.errors import CustomerError, customer_errors
from clientele.api.customers.inputs import CustomerUpdateInput, custom_changes
from clientele.api.customers.types import Customer
from clientele.api.customers.values import update_values
from clientele.api.errors import parse_id
from clientele.api.permissions import require
from clientele.core.errors import DomainError, FieldError
from clientele.customers import services
from clientele.customers.errors import CustomerErrorCode


@strawberry.type(description="Result of customerUpdate.")
class CustomerUpdatePayload:
    customer: Customer | None = strawberry.field(description="The customer after the change.")
    user_errors: list[CustomerError] = strawberry.field(
        description="Why nothing was changed; empty on success.")


def _archived(input: CustomerUpdateInput) -> bool | None:
    if input.archived is None:
        return None
    if input.archived.value is None:
        raise DomainError([FieldError("archived", "Give true or false.",
                                      CustomerErrorCode.REQUIRED)])
    return input.archived.value


async def customer_update(
    info: Info,
    id: Annotated[strawberry.ID, strawberry.argument(description="The customer's global ID.")],
    input: Annotated[CustomerUpdateInput, strawberry.argument(description="The changes.")],
) -> CustomerUpdatePayload:
    require(info, Permission.EDIT_CUSTOMERS)
    try:
        pk = parse_id(id, "Customer")
        archived = _archived(input)
        row = await services.update(
            info.context.actor, pk, update_values(input),
            custom_changes(input.custom_fields), archived=archived,
        )
    except DomainError as error:
        return CustomerUpdatePayload(customer=None, user_errors=customer_errors(error))
    return CustomerUpdatePayload(customer=Customer.from_row(row), user_errors=[])
