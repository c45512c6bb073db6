"""Payloads shared by the calendar mutations."""

from __future__ import annotations

import strawberry

from clientele.api.calendar_sync.types import CalendarError, CalendarSource, SyncRun
from clientele.api.enums import CalendarErrorCodeEnum
from clientele.api.errors import user_errors
from clientele.core.errors import DomainError


@strawberry.type(description="Result of calendarSourceCreate, calendarSourceUpdate or "
                             "calendarSourceDelete.")
class CalendarSourcePayload:
    calendar_source: CalendarSource | None = strawberry.field(
        description="The source (null after deletion or on error).")
    user_errors: list[CalendarError] = strawberry.field(description="Why nothing changed.")

    @classmethod
    def failed(cls, error: DomainError) -> CalendarSourcePayload:
        return cls(calendar_source=None, user_errors=user_errors(
            error.errors, CalendarError, CalendarErrorCodeEnum))


@strawberry.type(description="Result of calendarSourceSync or calendarUpload.")
class SyncPayload:
    sync_run: SyncRun | None = strawberry.field(
        description="The run, with its figures or its error.")
    user_errors: list[CalendarError] = strawberry.field(
        description="Input problems, and SYNC_FAILED when the run failed (see syncRun.error).")

    @classmethod
    def failed(cls, error: DomainError) -> SyncPayload:
        return cls(sync_run=None, user_errors=user_errors(
            error.errors, CalendarError, CalendarErrorCodeEnum))

    @classmethod
    def of(cls, run: object) -> SyncPayload:
        from clientele.calendar_sync.errors import CalendarErrorCode
        from clientele.core.errors import FieldError

        errors = [] if run["error"] is None else user_errors(  # type: ignore[index]
            [FieldError(None, run["error"], CalendarErrorCode.SYNC_FAILED)],  # type: ignore[index]
            CalendarError, CalendarErrorCodeEnum)
        return cls(sync_run=SyncRun.from_row(run), user_errors=errors)
