"""customerMergePreview: what merging two customers would make (edit:customers)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from clientele.accounts.permissions import Permission
from clientele.api.context import Info
from clientele.api.customers.merge_types import CustomerMergePreview, preview_of, query_error
from clientele.api.errors import decode_id
from clientele.api.permissions import require
from clientele.core.errors import DomainError
from clientele.customers import merge

DESCRIPTION = ("What customerMerge would make of two customers of your account: the resulting "
               "record, and per differing field both values and the default choice. Nothing is "
               "written. Errors: NOT_FOUND (either ID is no customer of your account), "
               "SAME_CUSTOMER.")


async def customer_merge_preview(
    info: Info,
    keep_id: Annotated[strawberry.ID, strawberry.argument(
        description="The customer that stays.")],
    merge_id: Annotated[strawberry.ID, strawberry.argument(
        description="The customer merged into it.")],
) -> CustomerMergePreview | None:
    require(info, Permission.EDIT_CUSTOMERS)
    keep, other = decode_id(keep_id, "Customer"), decode_id(merge_id, "Customer")
    try:
        plan = await merge.preview(info.context.actor, keep, other)
    except DomainError as error:
        raise query_error(error) from error
    return preview_of(plan)
