"""Block rules and the log of refused online bookings."""

from __future__ import annotations

import strawberry

from clientele.accounts.permissions import Permission
from clientele.api.blocking.types import BlockedBookingAttempt, BlockRule
from clientele.api.context import Info
from clientele.api.permissions import require
from clientele.api.relay import AFTER, FIRST, Connection, check_first, slice_connection
from clientele.blocking import services


@strawberry.type
class BlockingQueries:
    @strawberry.field(description="The account's block rules, newest first (read:customers).")
    async def block_rules(self, info: Info) -> list[BlockRule]:
        require(info, Permission.READ_CUSTOMERS)
        return [BlockRule.from_row(r) for r in await services.list_rules(info.context.account.id)]

    @strawberry.field(description="Online bookings refused by a block rule, newest first "
                                  "(edit:blocked-customers).")
    async def blocked_booking_attempts(self, info: Info, first: FIRST = 20, after: AFTER = None
                                       ) -> Connection[BlockedBookingAttempt]:
        require(info, Permission.EDIT_BLOCKED_CUSTOMERS)
        check_first(first)
        page = await services.list_attempts(info.context.account.id, first, after)
        return slice_connection(page, BlockedBookingAttempt.from_row, "created_at", after)
