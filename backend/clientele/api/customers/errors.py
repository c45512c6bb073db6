"""The error type shared by the customer mutations."""

from __future__ import annotations

import strawberry

from clientele.api.enums import CustomerErrorCodeEnum
from clientele.api.errors import user_errors
from clientele.core import ids
from clientele.core.errors import DomainError, ErrorCode, FieldError
from clientele.customers.errors import CustomerErrorCode


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


def invalid_id_error(global_id: str) -> list[CustomerError]:
    """A malformed or wrong-type ID given to a customer mutation."""
    try:
        ids.decode_as(global_id, "Customer")
        message = "Customer not found."
        code: CustomerErrorCode | ErrorCode = CustomerErrorCode.NOT_FOUND
    except ids.InvalidGlobalId as exc:
        message, code = str(exc), CustomerErrorCode.INVALID
    return customer_errors(DomainError([FieldError("id", message, code)]))
