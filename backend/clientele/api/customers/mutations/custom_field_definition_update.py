"""customFieldDefinitionUpdate: relabel, change options, archive or restore a custom field."""

from __future__ import annotations

from typing import Annotated

import strawberry

from clientele.accounts.permissions import Permission
from clientele.api.context import Info
from clientele.api.customers.mutations.custom_field_payload import CustomFieldDefinitionPayload
from clientele.api.customers.types import CustomFieldDefinition
from clientele.api.errors import parse_id
from clientele.api.permissions import require
from clientele.core.errors import DomainError
from clientele.customers import custom_fields


@strawberry.input(description="Changes to a custom field; omitted fields stay. The key and "
                              "type never change.")
class CustomFieldDefinitionUpdateInput:
    label: str | None = strawberry.field(default=None, description="New label.")
    options: list[str] | None = strawberry.field(
        default=None, description="DROPDOWN: the new options; values customers have must stay.")
    required: bool | None = strawberry.field(default=None, description="Required or not.")
    in_booking_form: bool | None = strawberry.field(default=None,
                                                    description="Asked in the booking form.")
    archived: bool | None = strawberry.field(
        default=None, description="Archive (values kept, no new values) or restore.")


async def custom_field_definition_update(
    info: Info,
    id: Annotated[strawberry.ID, strawberry.argument(description="The definition's ID.")],
    input: Annotated[CustomFieldDefinitionUpdateInput, strawberry.argument(
        description="The changes.")],
) -> CustomFieldDefinitionPayload:
    require(info, Permission.MANAGE_SETTINGS)
    try:
        definition = await custom_fields.redefine(
            info.context.account.id, parse_id(id, "CustomFieldDefinition"), label=input.label,
            options=input.options, required=input.required,
            in_booking_form=input.in_booking_form, archived=input.archived)
    except DomainError as error:
        return CustomFieldDefinitionPayload.failed(error)
    return CustomFieldDefinitionPayload(
        custom_field_definition=CustomFieldDefinition.from_definition(definition),
        archived_instead=False, user_errors=[])
