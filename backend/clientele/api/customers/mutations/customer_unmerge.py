"""customerUnmerge: undo a merge within its window."""

from __future__ import annotations

import strawberry

from clientele.accounts.permissions import Permission
from clientele.api.context import Info
from clientele.api.customers.merge_types import CustomerMerge, CustomerMergeError, MergeId
from clientele.api.customers.types import Customer
from clientele.api.errors import parse_id
from clientele.api.fields import optional
from clientele.api.mutation import Payload, mutation
from clientele.customers import merge


@strawberry.type(description="Result of customerUnmerge.")
class CustomerUnmergePayload(Payload, errors=CustomerMergeError,
                             why="Why nothing was undone; empty on success."):
    customer: Customer | None = optional("The customer that was kept, with the fields the "
                                         "merge changed back.")
    restored_customer: Customer | None = optional(
        "The merged customer, back with its own ID, values, appointments, messages and history.")
    merge: CustomerMerge | None = optional("The merge, now undone.")


@mutation(Permission.EDIT_CUSTOMERS,
          description="Undo a merge: the merged customer comes back exactly as it was (same "
                      "ID) with what belonged to it; the kept customer's fields the merge "
                      "changed go back. Once per merge, within "
                      f"{merge.UNMERGE_DAYS} days. Refused (nothing written): NOT_FOUND, "
                      "ALREADY_UNMERGED, UNMERGE_EXPIRED, CHANGED_SINCE (a field the merge "
                      "changed was changed again), DUPLICATE.")
async def customer_unmerge(info: Info, merge_id: MergeId) -> CustomerUnmergePayload:
    done = await merge.unmerge(info.context.actor,
                               parse_id(merge_id, "CustomerMerge", "merge_id"))
    return CustomerUnmergePayload(customer=Customer.from_row(done.customer),
                                  restored_customer=Customer.from_row(done.restored),
                                  merge=CustomerMerge.from_row(done.merge))
