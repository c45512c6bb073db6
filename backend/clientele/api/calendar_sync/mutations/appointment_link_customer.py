"""appointmentLinkCustomer: give an unmatched appointment its customer (edit:customers)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from clientele.accounts.permissions import Permission
from clientele.api.appointments.types import Appointment
from clientele.api.calendar_sync.types import CalendarError
from clientele.api.context import Info
from clientele.api.enums import CalendarErrorCodeEnum
from clientele.api.errors import parse_id, user_errors
from clientele.api.permissions import require
from clientele.appointments import services
from clientele.core.errors import DomainError, NotFound


@strawberry.type(description="Result of appointmentLinkCustomer.")
class AppointmentLinkCustomerPayload:
    appointment: Appointment | None = strawberry.field(description="The linked appointment.")
    user_errors: list[CalendarError] = strawberry.field(description="Why nothing changed.")


async def appointment_link_customer(
    info: Info,
    appointment_id: Annotated[strawberry.ID, strawberry.argument(description="Appointment.")],
    customer_id: Annotated[strawberry.ID, strawberry.argument(description="Customer.")],
) -> AppointmentLinkCustomerPayload:
    require(info, Permission.EDIT_CUSTOMERS)
    try:
        row = await services.link_customer(
            info.context.account.id, parse_id(appointment_id, "Appointment", "appointment_id"),
            parse_id(customer_id, "Customer", "customer_id"))
        if row is None:
            raise NotFound("Appointment or customer")
    except DomainError as error:
        return AppointmentLinkCustomerPayload(appointment=None, user_errors=user_errors(
            error.errors, CalendarError, CalendarErrorCodeEnum))
    return AppointmentLinkCustomerPayload(appointment=Appointment.from_row(row), user_errors=[])
