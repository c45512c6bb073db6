"""calendarSourceUpdate: rename, re-point or re-window a source (manage:settings)."""

from __future__ import annotations

from typing import Annotated, Any

import strawberry

from clientele.accounts.permissions import Permission
from clientele.api.calendar_sync.mutations.payloads import CalendarSourcePayload
from clientele.api.calendar_sync.types import CalendarSource
from clientele.api.context import Info
from clientele.api.errors import parse_id
from clientele.api.permissions import require
from clientele.calendar_sync import sources
from clientele.core.errors import DomainError


@strawberry.input(description="Changes to a calendar source; omitted fields stay.")
class CalendarSourceUpdateInput:
    name: str | None = strawberry.field(default=None, description="New name.")
    url: str | None = strawberry.field(default=None, description="New feed URL.")
    poll_minutes: int | None = strawberry.field(default=None, description="5 to 1440.")
    window_past_days: int | None = strawberry.field(default=None, description="Days back.")
    window_future_days: int | None = strawberry.field(default=None, description="Days ahead.")
    own_domains: list[str] | None = strawberry.field(default=None,
                                                     description="Own email domains.")


async def calendar_source_update(
    info: Info,
    id: Annotated[strawberry.ID, strawberry.argument(description="The source's ID.")],
    input: Annotated[CalendarSourceUpdateInput, strawberry.argument(description="Changes.")],
) -> CalendarSourcePayload:
    require(info, Permission.MANAGE_SETTINGS)
    changes: dict[str, Any] = {k: v for k, v in {
        "name": input.name, "url": input.url, "poll_minutes": input.poll_minutes,
        "window_past_days": input.window_past_days,
        "window_future_days": input.window_future_days, "own_domains": input.own_domains,
    }.items() if v is not None}
    try:
        row = await sources.update(info.context.actor, parse_id(id, "CalendarSource"), changes)
    except DomainError as error:
        return CalendarSourcePayload.failed(error)
    return CalendarSourcePayload(calendar_source=CalendarSource.from_row(row), user_errors=[])
