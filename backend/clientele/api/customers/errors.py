"""The error type shared by the customer mutations."""

from __future__ import annotations

import strawberry

from clientele.api.enums import CustomerErrorCodeEnum
from clientele.api.errors import user_errors
from clientele.core.errors import DomainError


@strawberry.type(description="Why a customer mutation refused its input; nothing was written.")
class CustomerError:
    field: str | None = strawberry.field(
        description="The input field at fault, as the API spells it (e.g. `mobilePhone`, "
                    "`address.city`, `customFields.<key>`); null when not tied to one field.")
    message: str = strawberry.field(description="A sentence to show the user.")
    code: CustomerErrorCodeEnum = strawberry.field(description="Machine-readable reason.")
    existing_customer_id: strawberry.ID | None = strawberry.field(
        default=None,
        description="For DUPLICATE: the customer that already has this email or phone.")


def customer_errors(error: DomainError) -> list[CustomerError]:
    return user_errors(error.errors, CustomerError, CustomerErrorCodeEnum)
