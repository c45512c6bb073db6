"""The error type shared by the customer mutations."""

from __future__ import annotations

import strawberry

from clientele.api.enums import CustomerErrorCodeEnum
from clientele.api.fields import optional
from clientele.api.mutation import UserError


@strawberry.type(description="Why a customer mutation refused its input; nothing was written.")
class CustomerError(UserError, codes=CustomerErrorCodeEnum):
    field: str | None = strawberry.field(
        description="The input field at fault, as the API spells it (e.g. `mobilePhone`, "
                    "`address.city`, `customFields.<key>`); null when not tied to one field.")
    existing_customer_id: strawberry.ID | None = optional(
        "For DUPLICATE: the customer that already has this email or phone.")
