"""Payloads shared by the calendar mutations."""

from __future__ import annotations

from typing import Any

import strawberry

from clientele.api.calendar_sync.errors import CalendarError
from clientele.api.calendar_sync.types import CalendarIgnoreRule, CalendarSource, SyncRun
from clientele.api.fields import optional
from clientele.api.mutation import Payload
from clientele.calendar_sync.errors import CalendarErrorCode
from clientele.core.errors import DomainError


@strawberry.type(description="Result of calendarSourceCreate, calendarSourceUpdate or "
                             "calendarSourceDelete.")
class CalendarSourcePayload(Payload, errors=CalendarError):
    calendar_source: CalendarSource | None = optional(
        "The source (null after deletion or on error).")

    @classmethod
    def of(cls, row: Any) -> CalendarSourcePayload:
        return cls(calendar_source=CalendarSource.from_row(row))


@strawberry.type(description="Result of calendarSourceSync or calendarUpload.")
class SyncPayload(Payload, errors=CalendarError,
                  why="Input problems, and SYNC_FAILED when the run failed (see syncRun.error)."):
    sync_run: SyncRun | None = optional("The run, with its figures or its error.")

    @classmethod
    def of(cls, run: Any) -> SyncPayload:
        """The run; a failed run also says SYNC_FAILED in userErrors."""
        payload = cls() if run["error"] is None else cls.failed(DomainError.single(
            None, run["error"], CalendarErrorCode.SYNC_FAILED))
        payload.sync_run = SyncRun.from_row(run)
        return payload


@strawberry.type(description="Result of calendarIgnoreRuleCreate or calendarIgnoreRuleDelete.")
class CalendarIgnoreRulePayload(Payload, errors=CalendarError):
    rule: CalendarIgnoreRule | None = optional("The rule (null after deletion or on error).")
    removed_appointments: int = strawberry.field(
        default=0, description="Unmatched synced appointments the new rule removed.")
