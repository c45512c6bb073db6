"""Calendar sources and sync runs as GraphQL types."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

import strawberry

from clientele.core import ids

SourceId = Annotated[strawberry.ID, strawberry.argument(description="The source's ID.")]


@strawberry.type(description="One synchronisation of a calendar source.")
class SyncRun:
    id: strawberry.ID = strawberry.field(description="Global ID of the run.")
    source_id: strawberry.ID = strawberry.field(description="The calendar source.")
    started_at: dt.datetime = strawberry.field(description="Start.")
    finished_at: dt.datetime | None = strawberry.field(description="End (null while running).")
    events_seen: int = strawberry.field(description="Event instances in the sync window.")
    appointments_created: int = strawberry.field(description="New appointments.")
    appointments_updated: int = strawberry.field(description="Changed appointments.")
    appointments_cancelled: int = strawberry.field(
        description="Cancelled in the calendar or removed from it.")
    customers_created: int = strawberry.field(description="New customers.")
    customers_matched: int = strawberry.field(description="Existing customers recognised.")
    error: str | None = strawberry.field(
        description="Why the run failed (404, timeout, malformed feed…); nothing was changed.")

    @classmethod
    def from_row(cls, row: Any) -> SyncRun:
        return cls(id=strawberry.ID(ids.encode("SyncRun", row["id"])),
                   source_id=strawberry.ID(ids.encode("CalendarSource", row["source"])),
                   started_at=row["started_at"], finished_at=row["finished_at"],
                   events_seen=row["events_seen"],
                   appointments_created=row["appointments_created"],
                   appointments_updated=row["appointments_updated"],
                   appointments_cancelled=row["appointments_cancelled"],
                   customers_created=row["customers_created"],
                   customers_matched=row["customers_matched"], error=row["error"])


@strawberry.type(description="An iCalendar feed polled by URL, or an uploaded .ics file.")
class CalendarSource:
    id: strawberry.ID = strawberry.field(description="Global ID of the source.")
    name: str = strawberry.field(description="Name shown to staff.")
    kind: str = strawberry.field(description="URL (polled) or UPLOAD.")
    url: str | None = strawberry.field(description="Feed URL (URL sources).")
    poll_minutes: int = strawberry.field(description="Polling interval of URL sources.")
    window_past_days: int = strawberry.field(description="Days back that are synced.")
    window_future_days: int = strawberry.field(description="Days ahead that are synced.")
    own_domains: list[str] = strawberry.field(
        description="The business's own email domains: attendees there are never customers.")
    last_synced_at: dt.datetime | None = strawberry.field(description="Last successful sync.")
    created_at: dt.datetime = strawberry.field(description="Created.")

    @classmethod
    def from_row(cls, row: Any) -> CalendarSource:
        return cls(id=strawberry.ID(ids.encode("CalendarSource", row["id"])), name=row["name"],
                   kind=row["kind"], url=row["url"], poll_minutes=row["poll_minutes"],
                   window_past_days=row["window_past_days"],
                   window_future_days=row["window_future_days"],
                   own_domains=list(row["own_domains"] or ()),
                   last_synced_at=row["last_synced_at"], created_at=row["created_at"])
