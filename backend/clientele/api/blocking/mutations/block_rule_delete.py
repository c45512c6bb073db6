"""blockRuleDelete: remove one block rule."""

from __future__ import annotations

from typing import Annotated

import strawberry

from clientele.accounts.permissions import Permission
from clientele.api.blocking.mutations.block_result import BlockPayload
from clientele.api.context import Info
from clientele.api.errors import parse_id
from clientele.api.mutation import mutation
from clientele.blocking import services


@mutation(Permission.EDIT_BLOCKED_CUSTOMERS, description="Remove a block rule.")
async def block_rule_delete(
    info: Info, id: Annotated[strawberry.ID, strawberry.argument(description="The rule's ID.")],
) -> BlockPayload:
    await services.delete_rule(info.context.actor, parse_id(id, "BlockRule"))
    return BlockPayload(removed_count=1)
