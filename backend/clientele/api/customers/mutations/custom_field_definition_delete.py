"""customFieldDefinitionDelete: delete an unused custom field, or archive one in use."""

from __future__ import annotations

from typing import Annotated

import strawberry

from clientele.accounts.permissions import Permission
from clientele.api.context import Info
from clientele.api.customers.mutations.custom_field_payload import CustomFieldDefinitionPayload
from clientele.api.errors import parse_id
from clientele.api.permissions import require
from clientele.core.errors import DomainError
from clientele.customers import custom_fields


async def custom_field_definition_delete(
    info: Info,
    id: Annotated[strawberry.ID, strawberry.argument(description="The definition's ID.")],
) -> CustomFieldDefinitionPayload:
    require(info, Permission.MANAGE_SETTINGS)
    try:
        deleted = await custom_fields.undefine(info.context.account.id,
                                               parse_id(id, "CustomFieldDefinition"))
    except DomainError as error:
        return CustomFieldDefinitionPayload.failed(error)
    return CustomFieldDefinitionPayload(custom_field_definition=None,
                                        archived_instead=not deleted, user_errors=[])
