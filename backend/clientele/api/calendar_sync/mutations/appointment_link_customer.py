"""appointmentLinkCustomer: give an unmatched appointment (one whose calendar event named no
customer, see unmatchedAppointments) its customer (edit:customers)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from clientele.accounts.permissions import Permission
from clientele.api.appointments.types import Appointment
from clientele.api.calendar_sync.errors import CalendarError
from clientele.api.context import Info
from clientele.api.errors import parse_id
from clientele.api.fields import optional
from clientele.api.mutation import Payload, mutation
from clientele.appointments import services
from clientele.core.errors import NotFound


@strawberry.type(description="Result of appointmentLinkCustomer.")
class AppointmentLinkCustomerPayload(Payload, errors=CalendarError):
    appointment: Appointment | None = optional("The linked appointment.")


@mutation(Permission.EDIT_CUSTOMERS,
          description="Link an unmatched appointment to a customer (edit:customers).")
async def appointment_link_customer(
    info: Info,
    appointment_id: Annotated[strawberry.ID, strawberry.argument(description="Appointment.")],
    customer_id: Annotated[strawberry.ID, strawberry.argument(description="Customer.")],
) -> AppointmentLinkCustomerPayload:
    row = await services.link_customer(
        info.context.account.id, parse_id(appointment_id, "Appointment", "appointment_id"),
        parse_id(customer_id, "Customer", "customer_id"))
    if row is None:
        raise NotFound("Appointment or customer")
    return AppointmentLinkCustomerPayload(appointment=Appointment.from_row(row))
