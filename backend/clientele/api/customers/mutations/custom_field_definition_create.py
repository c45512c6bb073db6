"""customFieldDefinitionCreate: a new custom customer field (manage:settings)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from clientele.accounts.permissions import Permission
from clientele.api.context import Info
from clientele.api.customers.mutations.custom_field_payload import CustomFieldDefinitionPayload
from clientele.api.customers.types import CustomFieldDefinition
from clientele.api.enums import CustomFieldTypeEnum
from clientele.api.permissions import require
from clientele.core.errors import DomainError
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


async def custom_field_definition_create(
    info: Info,
    input: Annotated[CustomFieldDefinitionCreateInput, strawberry.argument(
        description="The field.")],
) -> CustomFieldDefinitionPayload:
    require(info, Permission.MANAGE_SETTINGS)
    try:
        definition = await custom_fields.define(
            info.context.account.id, input.key, input.label, CustomFieldType[input.type.name],
            list(input.options), input.required, input.in_booking_form)
    except DomainError as error:
        return CustomFieldDefinitionPayload.failed(error)
    return CustomFieldDefinitionPayload(
        custom_field_definition=CustomFieldDefinition.from_definition(definition),
        archived_instead=False, user_errors=[])
