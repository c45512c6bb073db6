"""calendarSourceSync: sync a URL source now ("Sync now")."""

from __future__ import annotations

from clientele.accounts.permissions import Permission
from clientele.api.calendar_sync.mutations.payloads import SyncPayload
from clientele.api.calendar_sync.types import SourceId
from clientele.api.context import Info
from clientele.api.errors import parse_id
from clientele.api.mutation import mutation
from clientele.calendar_sync import sources
from clientele.calendar_sync.service import sync_source
from clientele.core.errors import NotFound


@mutation(Permission.MANAGE_SETTINGS, description="Sync a feed now; returns the run.")
async def calendar_source_sync(info: Info, id: SourceId) -> SyncPayload:
    source = await sources.get(info.context.account.id, parse_id(id, "CalendarSource"))
    if source is None:
        raise NotFound("Calendar source")
    return SyncPayload.of(await sync_source(info.context.actor, source))
