"""appointmentCreate: staff book an appointment for a customer."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry

from clientele.accounts.permissions import Permission
from clientele.api.appointments.mutations.payloads import AppointmentPayload
from clientele.api.context import Info
from clientele.api.errors import parse_id
from clientele.api.mutation import mutation
from clientele.appointments import actions


@strawberry.input(description="A new appointment for a customer.")
class AppointmentCreateInput:
    customer_id: strawberry.ID = strawberry.field(description="The customer.")
    starts_at: dt.datetime = strawberry.field(
        description="Start, with an offset. All-day: any time on that day (UTC).")
    ends_at: dt.datetime | None = strawberry.field(
        default=None, description="End: 5 minutes to 24 hours after the start. Leave out "
                                  "for an all-day appointment.")
    all_day: bool = strawberry.field(default=False, description="A whole day.")
    services: list[str] = strawberry.field(default_factory=list,
                                           description="Services booked (the first is the "
                                                       "title).")
    location: str | None = strawberry.field(default=None, description="Where.")
    notes: str | None = strawberry.field(default=None,
                                         description="Internal notes (staff only).")


@mutation(Permission.ADD_CUSTOMERS,
          description="Book an appointment for a customer (staff may book a blocked customer; "
                      "customerBlocked says so).")
async def appointment_create(
    info: Info, input: Annotated[AppointmentCreateInput, strawberry.argument(
        description="The appointment.")],
) -> AppointmentPayload:
    return AppointmentPayload.of(await actions.create(info.context.actor, actions.NewAppointment(
        customer_id=parse_id(input.customer_id, "Customer", "customerId"),
        starts_at=input.starts_at, ends_at=input.ends_at, all_day=input.all_day,
        services=input.services, location=input.location, notes=input.notes)))
