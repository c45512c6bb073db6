"""calendarIgnoreRuleCreate: events whose title contains a text and that name no customer are
not appointments (manage:settings); the unmatched ones already synced go."""

from __future__ import annotations

from typing import Annotated

import strawberry

from clientele.accounts.permissions import Permission
from clientele.api.calendar_sync.mutations.payloads import CalendarIgnoreRulePayload
from clientele.api.calendar_sync.types import CalendarIgnoreRule
from clientele.api.context import Info
from clientele.api.mutation import mutation
from clientele.calendar_sync import ignore_rules


@mutation(Permission.MANAGE_SETTINGS,
          description="Ignore calendar events that name no customer and whose title contains "
                      "a text (team meetings, closed days, holidays); the unmatched "
                      "appointments it covers are removed (manage:settings).")
async def calendar_ignore_rule_create(
    info: Info,
    title_contains: Annotated[str, strawberry.argument(
        description=f"{ignore_rules.MIN_TEXT} to {ignore_rules.MAX_TEXT} characters, matched "
                    "in any case.")],
) -> CalendarIgnoreRulePayload:
    rule, removed = await ignore_rules.create(info.context.actor, title_contains)
    return CalendarIgnoreRulePayload(rule=CalendarIgnoreRule.from_row(rule),
                                     removed_appointments=removed)
