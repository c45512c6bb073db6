"""Communication (a message sent to a customer) as a GraphQL type."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from clientele.api.context import Info
from clientele.api.enums import DeliveryStatusEnum, MediumEnum
from clientele.api.relay import Node
from clientele.api.rows import columns, loaded
from clientele.core import ids

if TYPE_CHECKING:
    from clientele.api.appointments.types import Appointment

AppointmentRef = Annotated["Appointment", strawberry.lazy("clientele.api.appointments.types")]


@strawberry.type(description="A message sent (or attempted) to a customer.")
class Communication(Node):
    id: strawberry.ID = strawberry.field(description="Global ID of the message.")
    medium: MediumEnum = strawberry.field(description="Email or SMS.")
    recipient: str | None = strawberry.field(
        description="Email address or phone number it was sent to (null once anonymised).")
    subject: str | None = strawberry.field(description="Subject line (emails only).")
    body: str | None = strawberry.field(description="The full message body.")
    status: DeliveryStatusEnum = strawberry.field(description="Delivery outcome.")
    error: str | None = strawberry.field(description="Error details when delivery failed.")
    attempts: int = strawberry.field(description="Delivery attempts made.")
    sent_at: dt.datetime | None = strawberry.field(description="When it was delivered.")
    created_at: dt.datetime = strawberry.field(description="When it was queued.")
    appointment_pk: strawberry.Private[uuid.UUID | None]

    @classmethod
    def from_row(cls, row: Any) -> Communication:
        return cls(
            id=strawberry.ID(ids.encode("Communication", row["id"])),
            appointment_pk=row["appointment"],
            medium=MediumEnum[row["medium"]],
            status=DeliveryStatusEnum[row["status"]],
            **columns(row, "recipient", "subject", "body", "error", "attempts", "sent_at",
                      "created_at"),
        )

    @strawberry.field(description="The appointment the message is about, if any.")
    async def appointment(self, info: Info) -> AppointmentRef | None:
        from clientele.api.appointments.types import Appointment

        return await loaded(info.context.loaders.appointment_by_id, self.appointment_pk,
                            Appointment.from_row)
