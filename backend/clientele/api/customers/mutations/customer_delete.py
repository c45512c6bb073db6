"""customerDelete: erase a customer, optionally keeping anonymised history."""

from __future__ import annotations

from typing import Annotated

import strawberry

from clientele.accounts.permissions import Permission
from clientele.api.context import Info
from clientele.api.customers.errors import CustomerError, customer_errors
from clientele.api.errors import parse_id
from clientele.api.permissions import require
from clientele.core.errors import DomainError
from clientele.customers import services


@strawberry.type(description="Result of customerDelete.")
class CustomerDeletePayload:
    deleted_id: strawberry.ID | None = strawberry.field(
        description="The ID of the erased customer; null if nothing was deleted.")
    user_errors: list[CustomerError] = strawberry.field(
        description="Why nothing was deleted; empty on success.")


async def customer_delete(
    info: Info,
    id: Annotated[strawberry.ID, strawberry.argument(description="The customer's global ID.")],
    keep_history: Annotated[bool | None, strawberry.argument(
        description="true: keep their appointments and communications, anonymised (no name, "
                    "recipient, subject or body). false or omitted: delete them too. Events in "
                    "the source calendar are never touched.")] = False,
) -> CustomerDeletePayload:
    require(info, Permission.DELETE_CUSTOMERS)
    try:
        await services.delete(info.context.actor, parse_id(id, "Customer"), bool(keep_history))
    except DomainError as error:
        return CustomerDeletePayload(deleted_id=None, user_errors=customer_errors(error))
    return CustomerDeletePayload(deleted_id=id, user_errors=[])
