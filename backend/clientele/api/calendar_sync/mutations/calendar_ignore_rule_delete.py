"""calendarIgnoreRuleDelete: events the rule covered become appointments again at the next
sync (manage:settings)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from clientele.accounts.permissions import Permission
from clientele.api.calendar_sync.mutations.payloads import CalendarIgnoreRulePayload
from clientele.api.context import Info
from clientele.api.errors import parse_id
from clientele.api.mutation import mutation
from clientele.calendar_sync import ignore_rules


@mutation(Permission.MANAGE_SETTINGS,
          description="Remove an ignore rule; the events it covered come back at the next "
                      "sync (manage:settings).")
async def calendar_ignore_rule_delete(
    info: Info, id: Annotated[strawberry.ID, strawberry.argument(description="The rule's ID.")],
) -> CalendarIgnoreRulePayload:
    await ignore_rules.delete(info.context.actor, parse_id(id, "CalendarIgnoreRule"))
    return CalendarIgnoreRulePayload(rule=None)
