"""candidateDismiss: these customers are not the same person."""

from __future__ import annotations

from typing import Annotated

import strawberry

from clientele.accounts.permissions import Permission
from clientele.api.context import Info
from clientele.api.customers.errors import CustomerError
from clientele.api.errors import parse_id
from clientele.api.mutation import Payload, mutation
from clientele.core import ids
from clientele.customers import duplicates


@strawberry.type(description="Result of candidateDismiss.")
class CandidateDismissPayload(Payload, errors=CustomerError,
                              why="Why nothing was dismissed; empty on success."):
    customer_ids: list[strawberry.ID] = strawberry.field(
        default_factory=list, description="The customers whose every pair is now dismissed.")


@mutation(Permission.EDIT_CUSTOMERS,
          description="Mark customers as not the same person: every pair of them is left out "
                      "of duplicateCandidates from now on, whatever the next refresh finds.")
async def candidate_dismiss(
    info: Info,
    customer_ids: Annotated[list[strawberry.ID], strawberry.argument(
        description=f"Two to {duplicates.MAX_DISMISS} customers (usually a candidate's "
                    "customers).")],
) -> CandidateDismissPayload:
    pks = [parse_id(i, "Customer", "customer_ids") for i in customer_ids]
    done = await duplicates.dismiss(info.context.actor, pks)
    return CandidateDismissPayload(
        customer_ids=[strawberry.ID(ids.encode("Customer", pk)) for pk in done])
