"""customFieldDefinitionUpdate: relabel, change options, archive or restore a custom field."""

from __future__ import annotations

from typing import Annotated

import strawberry

from clientele.accounts.permissions import Permission
from clientele.api.context import Info
from clientele.api.customers.mutations.custom_field_payload import CustomFieldDefinitionPayload
from clientele.api.customers.types import DefinitionId
from clientele.api.errors import parse_id
from clientele.api.fields import optional
from clientele.api.mutation import mutation
from clientele.customers import custom_fields


@strawberry.input(description="Changes to a custom field; omitted fields stay. The key and "
                              "type never change.")
class CustomFieldDefinitionUpdateInput:
    label: str | None = optional("New label.")
    options: list[str] | None = optional(
        "DROPDOWN: the new options; values customers have must stay.")
    required: bool | None = optional("Required or not.")
    in_booking_form: bool | None = optional("Asked in the booking form.")
    archived: bool | None = optional("Archive (values kept, no new values) or restore.")


@mutation(Permission.MANAGE_SETTINGS,
          description="Change a custom field's label, options, flags, or archive it. Dropdown "
                      "options that customers use cannot be removed.")
async def custom_field_definition_update(
    info: Info, id: DefinitionId,
    input: Annotated[CustomFieldDefinitionUpdateInput, strawberry.argument(
        description="The changes.")],
) -> CustomFieldDefinitionPayload:
    return CustomFieldDefinitionPayload.of(await custom_fields.redefine(
        info.context.account.id, parse_id(id, "CustomFieldDefinition"), label=input.label,
        options=input.options, required=input.required,
        in_booking_form=input.in_booking_form, archived=input.archived))
