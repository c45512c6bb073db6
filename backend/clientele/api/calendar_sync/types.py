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
    events_outside: int = strawberry.field(
        description="Events of the file with no date in the synced window (they were not "
                    "synced; widen the window or sync all dates to include them).")
    events_ignored: int = strawberry.field(
        description="Events that named no customer and matched an ignore rule.")
    window_start: dt.datetime | None = strawberry.field(
        description="First moment synced; null when every date of the file was synced.")
    window_end: dt.datetime | None = strawberry.field(
        description="End of the dates synced (open recurrences stop here).")
    error: str | None = strawberry.field(
        description="Why the run failed, in words for staff (404, timeout, malformed "
                    "feed…); nothing was changed.")
    error_detail: str | None = strawberry.field(
        description="The technical reason behind `error` (for whoever fixes the feed).")

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
                   customers_matched=row["customers_matched"],
                   events_outside=row["events_outside"], events_ignored=row["events_ignored"],
                   window_start=row["window_start"], window_end=row["window_end"],
                   error=row["error"], error_detail=row["error_detail"])


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
        description="The business's own email domains for this source (besides the "
                    "account's): attendees there are never customers.")
    all_dates: bool = strawberry.field(
        description="Every date of the file is synced (uploads, by default) instead of the "
                    "window; open recurrences still stop windowFutureDays ahead.")
    cancel_missing: bool = strawberry.field(
        description="The source lists every event: an event missing from it was removed "
                    "(its appointment is cancelled once no source carries it). Off for a "
                    "file that carries only some events. Files that are iTIP messages "
                    "(METHOD:REQUEST, CANCEL…) never remove others.")
    last_synced_at: dt.datetime | None = strawberry.field(description="Last successful sync.")
    created_at: dt.datetime = strawberry.field(description="Created.")

    @classmethod
    def from_row(cls, row: Any) -> CalendarSource:
        return cls(id=strawberry.ID(ids.encode("CalendarSource", row["id"])), name=row["name"],
                   kind=row["kind"], url=row["url"], poll_minutes=row["poll_minutes"],
                   window_past_days=row["window_past_days"],
                   window_future_days=row["window_future_days"],
                   own_domains=list(row["own_domains"] or ()), all_dates=row["all_dates"],
                   cancel_missing=row["cancel_missing"],
                   last_synced_at=row["last_synced_at"], created_at=row["created_at"])


@strawberry.type(description="Calendar events that name no customer and whose title contains "
                             "this text (any case) are not appointments (team meetings, "
                             "closed days, holidays).")
class CalendarIgnoreRule:
    id: strawberry.ID = strawberry.field(description="Global ID of the rule.")
    title_contains: str = strawberry.field(description="The text titles are matched by.")
    created_at: dt.datetime = strawberry.field(description="Created.")

    @classmethod
    def from_row(cls, row: Any) -> CalendarIgnoreRule:
        return cls(id=strawberry.ID(ids.encode("CalendarIgnoreRule", row["id"])),
                   title_contains=row["title_contains"], created_at=row["created_at"])
