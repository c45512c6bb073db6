"""calendarSourceUpdate: rename, re-point or re-window a source (manage:settings)."""

from __future__ import annotations

from typing import Annotated, Any

import strawberry

from clientele.accounts.permissions import Permission
from clientele.api.calendar_sync.mutations.payloads import CalendarSourcePayload
from clientele.api.calendar_sync.types import SourceId
from clientele.api.context import Info
from clientele.api.errors import parse_id
from clientele.api.fields import optional
from clientele.api.mutation import mutation
from clientele.calendar_sync import sources


@strawberry.input(description="Changes to a calendar source; omitted fields stay.")
class CalendarSourceUpdateInput:
    name: str | None = optional("New name.")
    url: str | None = optional("New feed URL.")
    poll_minutes: int | None = optional("5 to 1440.")
    window_past_days: int | None = optional("Days back.")
    window_future_days: int | None = optional("Days ahead.")
    own_domains: list[str] | None = optional("Own email domains.")
    all_dates: bool | None = optional("Sync every date of the file instead of the window.")
    cancel_missing: bool | None = optional(
        "The source lists every event: one missing from it was removed.")


@mutation(Permission.MANAGE_SETTINGS, description="Change a calendar source.")
async def calendar_source_update(
    info: Info, id: SourceId,
    input: Annotated[CalendarSourceUpdateInput, strawberry.argument(description="Changes.")],
) -> CalendarSourcePayload:
    changes: dict[str, Any] = {k: v for k, v in vars(input).items() if v is not None}
    return CalendarSourcePayload.of(await sources.update(
        info.context.actor, parse_id(id, "CalendarSource"), changes))
