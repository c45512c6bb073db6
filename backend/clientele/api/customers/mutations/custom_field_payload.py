"""The payload of the custom field definition mutations."""

from __future__ import annotations

import strawberry

from clientele.api.customers.errors import CustomerError
from clientele.api.customers.types import CustomFieldDefinition
from clientele.api.fields import optional
from clientele.api.mutation import Payload


@strawberry.type(description="Result of a custom field definition mutation.")
class CustomFieldDefinitionPayload(Payload, errors=CustomerError):
    custom_field_definition: CustomFieldDefinition | None = optional(
        "The definition (null when deleted).")
    archived_instead: bool = strawberry.field(
        default=False,
        description="Delete only: customers have values, so the field was archived instead "
                    "and the values kept.")

    @classmethod
    def of(cls, definition: object) -> CustomFieldDefinitionPayload:
        return cls(custom_field_definition=CustomFieldDefinition.from_definition(definition))
