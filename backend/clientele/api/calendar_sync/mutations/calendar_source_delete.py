"""calendarSourceDelete: stop syncing a source; its appointments stay as history."""

from __future__ import annotations

from typing import Annotated

import strawberry

from clientele.accounts.permissions import Permission
from clientele.api.calendar_sync.mutations.payloads import CalendarSourcePayload
from clientele.api.context import Info
from clientele.api.errors import parse_id
from clientele.api.permissions import require
from clientele.calendar_sync import sources
from clientele.core.errors import DomainError


async def calendar_source_delete(
    info: Info,
    id: Annotated[strawberry.ID, strawberry.argument(description="The source's ID.")],
) -> CalendarSourcePayload:
    require(info, Permission.MANAGE_SETTINGS)
    try:
        await sources.delete(info.context.actor, parse_id(id, "CalendarSource"))
    except DomainError as error:
        return CalendarSourcePayload.failed(error)
    return CalendarSourcePayload(calendar_source=None, user_errors=[])
