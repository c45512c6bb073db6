"""calendarUpload: sync an uploaded .ics file (GraphQL multipart request)."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.file_uploads import Upload

from clientele.accounts.permissions import Permission
from clientele.api.calendar_sync.mutations.payloads import SyncPayload
from clientele.api.context import Info
from clientele.api.mutation import mutation
from clientele.calendar_sync import ics, sources
from clientele.calendar_sync.errors import CalendarErrorCode
from clientele.calendar_sync.fetch import MAX_FEED_BYTES
from clientele.calendar_sync.service import sync_source
from clientele.core.errors import DomainError


def _refuse(message: str) -> DomainError:
    return DomainError.single("file", message, CalendarErrorCode.INVALID)


@mutation(Permission.MANAGE_SETTINGS,
          description="Sync an uploaded .ics file (GraphQL multipart request spec).")
async def calendar_upload(
    info: Info, file: Annotated[Upload, strawberry.argument(description="The .ics file.")],
    name: Annotated[str | None, strawberry.argument(
        description="Source name; uploads with the same name update the same appointments. "
                    "Default: the file name.")] = None,
    all_dates: Annotated[bool | None, strawberry.argument(
        description="Sync every date in the file (true) or only the source's window "
                    "(false). Default: the source's setting (every date, for a new "
                    "upload).")] = None,
    cancel_missing: Annotated[bool | None, strawberry.argument(
        description="This file lists every event of the calendar (true): events synced "
                    "from earlier uploads of this source and missing here were removed. "
                    "False: the file adds and changes events only. Default: the source's "
                    "setting (true); a file that is an iTIP message (METHOD:REQUEST, "
                    "CANCEL…) never removes others.")] = None,
) -> SyncPayload:
    if not hasattr(file, "read"):  # a JSON value where the multipart request puts a file
        raise _refuse("Send the file as a multipart upload (GraphQL multipart request).")
    data = await file.read(MAX_FEED_BYTES + 1)
    if len(data) > MAX_FEED_BYTES:
        raise _refuse(f"At most {MAX_FEED_BYTES // (1024 * 1024)} MB.")
    problem = ics.sniff(data)  # not a calendar at all: refused before anything is written
    if problem:
        raise _refuse(problem)
    label = (name or getattr(file, "filename", None) or "upload.ics").strip()[:200]
    source = await sources.find_or_create(info.context.actor, label, "UPLOAD", None)
    chosen = {k: v for k, v in (("all_dates", all_dates), ("cancel_missing", cancel_missing))
              if v is not None and v != source[k]}
    if chosen:  # the choice holds for this source's next uploads too
        source = await sources.update(info.context.actor, source["id"], chosen)
    return SyncPayload.of(await sync_source(info.context.actor, source, data))
