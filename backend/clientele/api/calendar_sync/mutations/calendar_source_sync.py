"""calendarSourceSync: sync a URL source now ("Sync now")."""

from __future__ import annotations

from typing import Annotated

import strawberry

from clientele.accounts.permissions import Permission
from clientele.api.calendar_sync.mutations.payloads import SyncPayload
from clientele.api.context import Info
from clientele.api.errors import parse_id
from clientele.api.permissions import require
from clientele.calendar_sync import sources
from clientele.calendar_sync.service import sync_source
from clientele.core.errors import DomainError, NotFound


async def calendar_source_sync(
    info: Info,
    id: Annotated[strawberry.ID, strawberry.argument(description="The source's ID.")],
) -> SyncPayload:
    require(info, Permission.MANAGE_SETTINGS)
    try:
        source = await sources.get(info.context.account.id, parse_id(id, "CalendarSource"))
        if source is None:
            raise NotFound("Calendar source")
    except DomainError as error:
        return SyncPayload.failed(error)
    return SyncPayload.of(await sync_source(info.context.actor, source))
