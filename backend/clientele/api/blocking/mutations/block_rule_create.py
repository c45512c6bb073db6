"""blockRuleCreate: block by email, name, email domain, IP address or phone."""

from __future__ import annotations

from typing import Annotated

import strawberry

from clientele.accounts.permissions import Permission
from clientele.api.blocking.mutations.block_result import BlockPayload
from clientele.api.blocking.types import BlockRule
from clientele.api.context import Info
from clientele.api.enums import BlockKindEnum
from clientele.api.mutation import mutation
from clientele.blocking import services


@mutation(Permission.EDIT_BLOCKED_CUSTOMERS,
          description="Block by email, name, email domain, IP address (or network) or phone.")
async def block_rule_create(
    info: Info,
    kind: Annotated[BlockKindEnum, strawberry.argument(description="What the rule matches.")],
    value: Annotated[str, strawberry.argument(
        description="Email, name, domain (example.com), IP or CIDR network, or phone.")],
    reason: Annotated[str, strawberry.argument(description="Why (staff only).")] = "",
) -> BlockPayload:
    row = await services.create_rule(info.context.actor, services.BlockKind[kind.name],
                                      value, reason)
    return BlockPayload(block_rules=[BlockRule.from_row(row)])
