"""calendarSourceDelete: stop syncing a source; its appointments stay as history."""

from __future__ import annotations

from clientele.accounts.permissions import Permission
from clientele.api.calendar_sync.mutations.payloads import CalendarSourcePayload
from clientele.api.calendar_sync.types import SourceId
from clientele.api.context import Info
from clientele.api.errors import parse_id
from clientele.api.mutation import mutation
from clientele.calendar_sync import sources


@mutation(Permission.MANAGE_SETTINGS,
          description="Stop syncing a source; its appointments stay as history. Events in the "
                      "calendar itself are never touched.")
async def calendar_source_delete(info: Info, id: SourceId) -> CalendarSourcePayload:
    await sources.delete(info.context.actor, parse_id(id, "CalendarSource"))
    return CalendarSourcePayload(calendar_source=None)
