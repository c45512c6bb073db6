"""calendarSourceCreate: add an iCalendar feed URL (manage:settings)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from clientele.accounts.permissions import Permission
from clientele.api.calendar_sync.mutations.payloads import CalendarSourcePayload
from clientele.api.context import Info
from clientele.api.mutation import mutation
from clientele.calendar_sync import sources


@strawberry.input(description="A calendar feed to poll.")
class CalendarSourceInput:
    name: str = strawberry.field(description="Name shown to staff (1 to 200 characters).")
    url: str = strawberry.field(description="http(s) or webcal URL of the .ics feed.")
    poll_minutes: int = strawberry.field(default=15, description="5 to 1440 minutes.")
    window_past_days: int = strawberry.field(default=90, description="Days back to sync.")
    window_future_days: int = strawberry.field(default=365, description="Days ahead to sync.")
    own_domains: list[str] = strawberry.field(
        default_factory=list,
        description="The business's own email domains (attendees there are never customers).")
    all_dates: bool = strawberry.field(
        default=False, description="Sync every date the feed holds instead of the window.")
    cancel_missing: bool = strawberry.field(
        default=True, description="The feed lists every event: one missing from it was "
                                  "removed.")


@mutation(Permission.MANAGE_SETTINGS,
          description="Add an iCalendar feed URL; it is polled in the background "
                      "(manage:settings).")
async def calendar_source_create(
    info: Info, input: Annotated[CalendarSourceInput, strawberry.argument(description="The feed.")],
) -> CalendarSourcePayload:
    return CalendarSourcePayload.of(await sources.create(
        info.context.actor, input.name, "URL", input.url.strip(), input.poll_minutes,
        input.window_past_days, input.window_future_days, input.own_domains, input.all_dates,
        input.cancel_missing))
