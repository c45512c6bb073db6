"""Appointment as a GraphQL type."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from clientele.api.context import Info
from clientele.api.enums import AppointmentStatusEnum
from clientele.api.relay import AFTER, FIRST, Connection, Node, check_first, make_connection
from clientele.communications.services import ORDER_COLUMN as COMMUNICATION_ORDER
from clientele.core import ids
from clientele.core.slices import row_cursor

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
    pk: strawberry.Private[uuid.UUID]
    customer_pk: strawberry.Private[uuid.UUID | None]

    @classmethod
    def from_row(cls, row: Any) -> Appointment:
        return cls(
            id=strawberry.ID(ids.encode("Appointment", row["id"])),
            pk=row["id"],
            customer_pk=row["customer"],
            title=row["title"],
            services=list(row["services"] or ()),
            starts_at=row["starts_at"],
            ends_at=row["ends_at"],
            all_day=row["all_day"],
            location=row["location"],
            status=AppointmentStatusEnum[row["status"]],
            anonymised=row["anonymised_at"] is not None,
            created_at=row["created_at"],
            updated_at=row["updated_at"],
        )

    @strawberry.field(description="The customer, or null while unmatched or once anonymised.")
    async def customer(self, info: Info) -> CustomerRef | None:
        from clientele.api.customers.types import Customer

        if self.customer_pk is None:
            return None
        row = await info.context.loaders.customer_by_id.load(self.customer_pk)
        return Customer.from_row(row) if row else None

    @strawberry.field(description="Every message sent about this appointment, oldest first.")
    async def communications(
        self,
        info: Info,
        first: FIRST = 50,
        after: AFTER = None,
    ) -> Connection[CommunicationRef]:
        from clientele.api.communications.types import Communication

        check_first(first)
        page = await info.context.loaders.communications_by_appointment.load(
            (self.pk, (first, after)))
        return make_connection(
            [Communication.from_row(r) for r in page.rows],
            [row_cursor(r, COMMUNICATION_ORDER) for r in page.rows],
            page.has_next_page,
            after,
            page.total,
        )
