"""customerMerge: merge one customer into another, reversibly (customerUnmerge)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from clientele.accounts.permissions import Permission
from clientele.api.context import Info
from clientele.api.customers.merge_types import (
    CustomerMerge,
    CustomerMergeError,
    CustomerMergeFieldChoice,
    domain_choices,
)
from clientele.api.customers.types import Customer
from clientele.api.errors import parse_id
from clientele.api.fields import optional
from clientele.api.mutation import Payload, mutation
from clientele.customers import merge


@strawberry.type(description="Result of customerMerge.")
class CustomerMergePayload(Payload, errors=CustomerMergeError,
                           why="Why nothing was merged; empty on success."):
    customer: Customer | None = optional("The kept customer after the merge.")
    merge: CustomerMerge | None = optional("The merge (its ID undoes it: customerUnmerge).")


@mutation(Permission.EDIT_CUSTOMERS,
          description="Merge a customer into another in one step: appointments, messages, "
                      "history and a block move to the kept customer, the chosen values are "
                      "kept, the other email or phone fills an empty slot (else it is named in "
                      "the history), and the merged customer is deleted. Undo with "
                      f"customerUnmerge within {merge.UNMERGE_DAYS} days. Refused (nothing "
                      "written): NOT_FOUND, SAME_CUSTOMER, IMPORT_RUNNING, INVALID (a choice "
                      "naming no field).")
async def customer_merge(
    info: Info,
    keep_id: Annotated[strawberry.ID, strawberry.argument(
        description="The customer that stays.")],
    merge_id: Annotated[strawberry.ID, strawberry.argument(
        description="The customer merged into it (deleted).")],
    field_choices: Annotated[list[CustomerMergeFieldChoice] | None, strawberry.argument(
        description="Whose value differing fields take; a field not named takes its default "
                    "(customerMergePreview).")] = None,
) -> CustomerMergePayload:
    done = await merge.merge(info.context.actor, parse_id(keep_id, "Customer", "keep_id"),
                             parse_id(merge_id, "Customer", "merge_id"),
                             domain_choices(field_choices))
    return CustomerMergePayload(customer=Customer.from_row(done.customer),
                                merge=CustomerMerge.from_row(done.merge))
