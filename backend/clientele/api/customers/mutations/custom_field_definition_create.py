"""customFieldDefinitionCreate: a new custom customer field (manage:settings)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from clientele.accounts.permissions import Permission
from clientele.api.context import Info
from clientele.api.customers.mutations.custom_field_payload import CustomFieldDefinitionPayload
from clientele.api.enums import CustomFieldTypeEnum
from clientele.api.mutation import mutation
from clientele.customers import custom_fields
from clientele.customers.enums import CustomFieldType


@strawberry.input(description="A custom field definition.")
class CustomFieldDefinitionCreateInput:
    key: str = strawberry.field(
        description="Stable key: a-z, 0-9 and _, starting with a letter, at most 64.")
    label: str = strawberry.field(description="Label shown to staff (1 to 200 characters).")
    type: CustomFieldTypeEnum = strawberry.field(description="Value type (cannot change).")
    options: list[str] = strawberry.field(default_factory=list,
                                          description="DROPDOWN only: the allowed values.")
    required: bool = strawberry.field(default=False,
                                      description="New customers must have a value.")
    in_booking_form: bool = strawberry.field(default=False,
                                             description="Asked in the booking form.")


@mutation(Permission.MANAGE_SETTINGS,
          description="Define a custom customer field (manage:settings).")
async def custom_field_definition_create(
    info: Info,
    input: Annotated[CustomFieldDefinitionCreateInput, strawberry.argument(
        description="The field.")],
) -> CustomFieldDefinitionPayload:
    return CustomFieldDefinitionPayload.of(await custom_fields.define(
        info.context.account.id, input.key, input.label, CustomFieldType[input.type.name],
        list(input.options), input.required, input.in_booking_form))
