"""Appointment as a GraphQL type."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from clientele.api.context import Info
from clientele.api.enums import AppointmentStatusEnum
from clientele.api.relay import AFTER, FIRST, Connection, Node, check_first, slice_connection
from clientele.api.rows import columns, loaded
from clientele.appointments import actions
from clientele.communications.services import ORDER_COLUMN as COMMUNICATION_ORDER
from clientele.core import ids

if TYPE_CHECKING:
    from clientele.api.communications.types import Communication
    from clientele.api.customers.types import Customer

CustomerRef = Annotated["Customer", strawberry.lazy("clientele.api.customers.types")]
CommunicationRef = Annotated[
    "Communication", strawberry.lazy("clientele.api.communications.types")
]


@strawberry.type(description="A booking or calendar event, past, upcoming or cancelled.")
class Appointment(Node):
    id: strawberry.ID = strawberry.field(description="Global ID of the appointment.")
    title: str = strawberry.field(description="Title (empty once anonymised).")
    services: list[str] = strawberry.field(description="Services booked.")
    starts_at: dt.datetime = strawberry.field(
        description="Start. For all-day events, midnight (UTC) of the first day.")
    ends_at: dt.datetime = strawberry.field(
        description="End (exclusive). For all-day events, midnight after the last day.")
    all_day: bool = strawberry.field(description="An all-day event: show 'All Day', no times.")
    location: str | None = strawberry.field(description="Location, if the event has one.")
    status: AppointmentStatusEnum = strawberry.field(description="Scheduled, cancelled, …")
    anonymised: bool = strawberry.field(
        description="The customer was erased and this appointment kept without personal data.")
    created_at: dt.datetime = strawberry.field(description="When the record was created.")
    updated_at: dt.datetime = strawberry.field(description="When the record last changed.")
    notes: str | None = strawberry.field(description="Internal notes (staff only).")
    cancellation_reason: str | None = strawberry.field(
        description="Why it was cancelled or declined, when staff said.")
    pk: strawberry.Private[uuid.UUID]
    customer_pk: strawberry.Private[uuid.UUID | None]
    source_pk: strawberry.Private[uuid.UUID | None] = None
    calendar_owned: strawberry.Private[bool] = False

    @classmethod
    def from_row(cls, row: Any) -> Appointment:
        return cls(
            id=strawberry.ID(ids.encode("Appointment", row["id"])),
            pk=row["id"],
            customer_pk=row["customer"],
            services=list(row["services"] or ()),
            status=AppointmentStatusEnum[row["status"]],
            anonymised=row["anonymised_at"] is not None,
            source_pk=row["calendar_source_id"],
            calendar_owned=actions.owned_by_calendar(row),
            notes=row.get("notes"), cancellation_reason=row.get("cancellation_reason"),
            **columns(row, "title", "starts_at", "ends_at", "all_day", "location", "created_at",
                      "updated_at"),
        )

    @strawberry.field(description="The calendar source's name for a synced appointment, "
                                  "else null.")
    async def source(self, info: Info) -> str | None:
        if self.source_pk is None:
            return None
        return await info.context.loaders.source_name_by_id.load(self.source_pk)

    @strawberry.field(description="Why staff may not reschedule or cancel it here (its "
                                  "calendar owns those); null when they may.")
    async def read_only_reason(self, info: Info) -> str | None:
        if not self.calendar_owned:
            return None
        return actions.calendar_owned(await self.source(info))

    @strawberry.field(description="The customer, or null while unmatched or once anonymised.")
    async def customer(self, info: Info) -> CustomerRef | None:
        from clientele.api.customers.types import Customer

        return await loaded(info.context.loaders.customer_by_id, self.customer_pk,
                            Customer.from_row)

    @strawberry.field(description="Every message sent about this appointment, oldest first.")
    async def communications(self, info: Info, first: FIRST = 50, after: AFTER = None
                             ) -> Connection[CommunicationRef]:
        from clientele.api.communications.types import Communication

        check_first(first)
        page = await info.context.loaders.communications_by_appointment.load(
            (self.pk, (first, after)))
        return slice_connection(page, Communication.from_row, COMMUNICATION_ORDER, after)
