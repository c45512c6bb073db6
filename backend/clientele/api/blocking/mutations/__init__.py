"""The blocking mutations, one per module; the Mutation root inherits this class."""

from __future__ import annotations

import strawberry

from clientele.api.blocking.mutations.block_rule_create import block_rule_create
from clientele.api.blocking.mutations.block_rule_delete import block_rule_delete
from clientele.api.blocking.mutations.customer_block import customer_block
from clientele.api.blocking.mutations.customer_unblock import customer_unblock


@strawberry.type
class BlockingMutations:
    """Blocking customers from online booking, and block rules."""

    customer_block = customer_block
    customer_unblock = customer_unblock
    block_rule_create = block_rule_create
    block_rule_delete = block_rule_delete
