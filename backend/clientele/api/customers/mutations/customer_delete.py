"""customerDelete: erase a customer, optionally keeping anonymised history."""

from __future__ import annotations

from typing import Annotated

import strawberry

from clientele.accounts.permissions import Permission
from clientele.api.context import Info
from clientele.api.customers.errors import CustomerError
from clientele.api.customers.types import CustomerGlobalId
from clientele.api.errors import parse_id
from clientele.api.fields import optional
from clientele.api.mutation import Payload, mutation
from clientele.customers import services


@strawberry.type(description="Result of customerDelete.")
class CustomerDeletePayload(Payload, errors=CustomerError,
                            why="Why nothing was deleted; empty on success."):
    deleted_id: strawberry.ID | None = optional(
        "The ID of the erased customer; null if nothing was deleted.")


@mutation(Permission.DELETE_CUSTOMERS,
          description="Erase a customer and their history, or keep the history anonymised.")
async def customer_delete(
    info: Info, id: CustomerGlobalId,
    keep_history: Annotated[bool | None, strawberry.argument(
        description="true: keep their appointments and communications, anonymised (no name, "
                    "recipient, subject or body). false or omitted: delete them too. Events in "
                    "the source calendar are never touched.")] = False,
) -> CustomerDeletePayload:
    await services.delete(info.context.actor, parse_id(id, "Customer"), bool(keep_history))
    return CustomerDeletePayload(deleted_id=id)
