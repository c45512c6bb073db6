"""calendarUpload: sync an uploaded .ics file (GraphQL multipart request)."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.file_uploads import Upload

from clientele.accounts.permissions import Permission
from clientele.api.calendar_sync.mutations.payloads import SyncPayload
from clientele.api.context import Info
from clientele.api.permissions import require
from clientele.calendar_sync import ics, sources
from clientele.calendar_sync.errors import CalendarErrorCode
from clientele.calendar_sync.fetch import MAX_FEED_BYTES
from clientele.calendar_sync.service import sync_source
from clientele.core.errors import DomainError


async def calendar_upload(
    info: Info,
    file: Annotated[Upload, strawberry.argument(description="The .ics file.")],
    name: Annotated[str | None, strawberry.argument(
        description="Source name; uploads with the same name update the same appointments. "
                    "Default: the file name.")] = None,
) -> SyncPayload:
    require(info, Permission.MANAGE_SETTINGS)
    if not hasattr(file, "read"):  # a JSON value where the multipart request puts a file
        return SyncPayload.failed(DomainError.single(
            "file", "Send the file as a multipart upload (GraphQL multipart request).",
            CalendarErrorCode.INVALID))
    data = await file.read(MAX_FEED_BYTES + 1)
    if len(data) > MAX_FEED_BYTES:
        return SyncPayload.failed(DomainError.single(
            "file", f"At most {MAX_FEED_BYTES // (1024 * 1024)} MB.", CalendarErrorCode.INVALID))
    problem = ics.sniff(data)  # not a calendar at all: refused before anything is written
    if problem:
        return SyncPayload.failed(DomainError.single("file", problem, CalendarErrorCode.INVALID))
    label = (name or getattr(file, "filename", None) or "upload.ics").strip()[:200]
    source = await sources.find_or_create(info.context.actor, label, "UPLOAD", None)
    return SyncPayload.of(await sync_source(info.context.actor, source, data))
