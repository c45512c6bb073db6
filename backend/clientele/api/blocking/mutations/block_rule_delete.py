"""blockRuleDelete: remove one block rule."""

from __future__ import annotations

from typing import Annotated

import strawberry

from clientele.accounts.permissions import Permission
from clientele.api.blocking.mutations.block_result import BlockPayload
from clientele.api.context import Info
from clientele.api.errors import parse_id
from clientele.api.permissions import require
from clientele.blocking import services
from clientele.core.errors import DomainError


async def block_rule_delete(
    info: Info,
    id: Annotated[strawberry.ID, strawberry.argument(description="The rule's ID.")],
) -> BlockPayload:
    require(info, Permission.EDIT_BLOCKED_CUSTOMERS)
    try:
        await services.delete_rule(info.context.actor, parse_id(id, "BlockRule"))
    except DomainError as error:
        return BlockPayload.failed(error)
    return BlockPayload(customer=None, block_rules=[], removed_count=1, user_errors=[])
