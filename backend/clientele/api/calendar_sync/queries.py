"""Calendar sources, their runs, unmatched and upcoming appointments."""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable
from typing import Annotated

import strawberry

from clientele.accounts.permissions import Permission
from clientele.api.appointments.types import Appointment
from clientele.api.calendar_sync.types import CalendarIgnoreRule, CalendarSource, SyncRun
from clientele.api.context import Info
from clientele.api.errors import ApiError, decode_id
from clientele.api.permissions import require
from clientele.api.relay import AFTER, FIRST, Connection, check_first, slice_connection
from clientele.appointments import services as appointments
from clientele.calendar_sync import ignore_rules, sources
from clientele.core.cursors import InvalidCursor
from clientele.core.slices import Slice, slices_by_key


async def _appointment_page(fetch: Awaitable[Slice], after: str | None
                            ) -> Connection[Appointment]:
    try:
        page = await fetch
    except InvalidCursor as exc:
        raise ApiError(str(exc), "INVALID_CURSOR") from exc
    return slice_connection(page, Appointment.from_row, "starts_at", after)


@strawberry.type
class CalendarQueries:
    @strawberry.field(description="The account's calendar sources (read:customers).")
    async def calendar_sources(self, info: Info) -> list[CalendarSource]:
        require(info, Permission.READ_CUSTOMERS)
        return [CalendarSource.from_row(r)
                for r in await sources.list_sources(info.context.account.id)]

    @strawberry.field(description="The account's calendar ignore rules (read:customers).")
    async def calendar_ignore_rules(self, info: Info) -> list[CalendarIgnoreRule]:
        require(info, Permission.READ_CUSTOMERS)
        return [CalendarIgnoreRule.from_row(r)
                for r in await ignore_rules.list_rules(info.context.account.id)]

    @strawberry.field(description="Sync runs of one source, newest first (read:customers).")
    async def sync_runs(
        self, info: Info,
        source_id: Annotated[strawberry.ID, strawberry.argument(description="The source.")],
        first: FIRST = 20, after: AFTER = None,
    ) -> Connection[SyncRun]:
        require(info, Permission.READ_CUSTOMERS)
        check_first(first)
        pk = decode_id(source_id, "CalendarSource")
        try:
            page = (await slices_by_key(table="sync_run", key_column="source",
                                        account_id=info.context.account.id, keys=[pk],
                                        order_column="started_at", first=first, after=after,
                                        descending=True))[pk]
        except InvalidCursor as exc:
            raise ApiError(str(exc), "INVALID_CURSOR") from exc
        return slice_connection(page, SyncRun.from_row, "started_at", after)

    @strawberry.field(description="Appointments of every customer from `from` on, in time "
                                  "order: the 'Today & upcoming' dashboard (read:customers).")
    async def upcoming_appointments(
        self, info: Info,
        from_: Annotated[dt.datetime | None, strawberry.argument(
            name="from", description="Start of the list (default: midnight UTC today).")] = None,
        first: FIRST = 50, after: AFTER = None,
    ) -> Connection[Appointment]:
        require(info, Permission.READ_CUSTOMERS)
        check_first(first)
        start = from_ or dt.datetime.now(dt.UTC).replace(hour=0, minute=0, second=0,
                                                          microsecond=0)
        return await _appointment_page(
            appointments.upcoming(info.context.account.id, start, first, after), after)

    @strawberry.field(description="Synced appointments whose event named no customer, newest "
                                  "first; link them with appointmentLinkCustomer.")
    async def unmatched_appointments(self, info: Info, first: FIRST = 20,
                                     after: AFTER = None) -> Connection[Appointment]:
        require(info, Permission.READ_CUSTOMERS)
        check_first(first)
        return await _appointment_page(
            appointments.unmatched(info.context.account.id, first, after), after)
