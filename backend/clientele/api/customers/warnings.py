"""Warnings of the customer mutations: something to confirm, not a refusal."""

from __future__ import annotations

from enum import Enum

import strawberry

from clientele.api.customers.types import Customer
from clientele.api.errors import api_field
from clientele.customers.services import SharedPhone


@strawberry.enum(description="Why a customer mutation asks for confirmation.")
class CustomerWarningCode(Enum):
    SHARED_PHONE = strawberry.enum_value(
        "SHARED_PHONE", description="Another customer already has this phone number (a shared "
                                    "landline, a family's phone); repeat with "
                                    "allowSharedPhone: true to save anyway.")


@strawberry.type(description="Why nothing was saved yet: the input needs a confirmation. "
                             "Repeating the mutation with the confirmation saves it.")
class CustomerWarning:
    code: CustomerWarningCode = strawberry.field(description="Machine-readable reason.")
    field: str | None = strawberry.field(
        description="The input field concerned (e.g. `mobilePhone`).")
    message: str = strawberry.field(description="A sentence to show the user.")
    customer: Customer = strawberry.field(
        description="The other customer (for SHARED_PHONE: the one who has had the phone "
                    "longest).")


def shared_phone_warnings(error: SharedPhone) -> list[CustomerWarning]:
    return [CustomerWarning(code=CustomerWarningCode.SHARED_PHONE, field=api_field(s.field),
                            message="Another customer already has this phone number.",
                            customer=Customer.from_row(s.customer))
            for s in error.shared]


WARNINGS_DESCRIPTION = ("Shared phone numbers to confirm (allowSharedPhone: true); nothing was "
                        "saved while any are listed.")
ALLOW_SHARED_PHONE = ("Save even though another customer has a phone given (families and "
                      "colleagues share landlines). Without it such a phone is a warning and "
                      "nothing is saved; an email another customer has is always refused.")
