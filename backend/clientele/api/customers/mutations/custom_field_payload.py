"""The payload of the custom field definition mutations."""

from __future__ import annotations

import strawberry

from clientele.api.customers.errors import CustomerError, customer_errors
from clientele.api.customers.types import CustomFieldDefinition
from clientele.core.errors import DomainError


@strawberry.type(description="Result of a custom field definition mutation.")
class CustomFieldDefinitionPayload:
    custom_field_definition: CustomFieldDefinition | None = strawberry.field(
        description="The definition (null when deleted).")
    archived_instead: bool = strawberry.field(
        description="Delete only: customers have values, so the field was archived instead "
                    "and the values kept.")
    user_errors: list[CustomerError] = strawberry.field(description="Why nothing changed.")

    @classmethod
    def failed(cls, error: DomainError) -> CustomFieldDefinitionPayload:
        return cls(custom_field_definition=None, archived_instead=False,
                   user_errors=customer_errors(error))
