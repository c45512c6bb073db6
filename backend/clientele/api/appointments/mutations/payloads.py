"""The payload and error type of the staff actions on appointments."""

from __future__ import annotations

from typing import Annotated

import strawberry

from clientele.api.appointments.types import Appointment
from clientele.api.enums import AppointmentErrorCodeEnum
from clientele.api.fields import optional
from clientele.api.mutation import Payload, UserError
from clientele.appointments.actions import Done

AppointmentId = Annotated[strawberry.ID, strawberry.argument(description="The appointment.")]


@strawberry.type(description="Why an appointment change was refused; nothing was written.")
class AppointmentError(UserError, codes=AppointmentErrorCodeEnum):
    """userErrors of appointmentCreate, appointmentReschedule, appointmentCancel, …"""


@strawberry.type(description="Result of a staff action on an appointment.")
class AppointmentPayload(Payload, errors=AppointmentError):
    appointment: Appointment | None = optional("The appointment as it is now (null on error).")
    customer_blocked: bool = strawberry.field(
        default=False, description="appointmentCreate: the customer is blocked from online "
                                   "booking (staff may book them all the same).")

    @classmethod
    def of(cls, done: Done) -> AppointmentPayload:
        return cls(appointment=Appointment.from_row(done.appointment),
                   customer_blocked=done.customer_blocked)
