"""customFieldDefinitionDelete: delete an unused custom field, or archive one in use."""

from __future__ import annotations

from clientele.accounts.permissions import Permission
from clientele.api.context import Info
from clientele.api.customers.mutations.custom_field_payload import CustomFieldDefinitionPayload
from clientele.api.customers.types import DefinitionId
from clientele.api.errors import parse_id
from clientele.api.mutation import mutation
from clientele.customers import custom_fields


@mutation(Permission.MANAGE_SETTINGS,
          description="Delete a custom field nobody uses; one with stored values is archived "
                      "instead, keeping them.")
async def custom_field_definition_delete(info: Info, id: DefinitionId
                                         ) -> CustomFieldDefinitionPayload:
    deleted = await custom_fields.undefine(info.context.account.id,
                                           parse_id(id, "CustomFieldDefinition"))
    return CustomFieldDefinitionPayload(archived_instead=not deleted)
