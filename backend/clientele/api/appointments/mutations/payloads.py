"""The payload and error type of the staff actions on appointments."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated, Any

import strawberry

from clientele.accounts.permissions import Permission
from clientele.api.appointments.types import Appointment
from clientele.api.context import Info
from clientele.api.enums import AppointmentErrorCodeEnum
from clientele.api.errors import parse_id
from clientele.api.fields import optional
from clientele.api.mutation import Payload, UserError, mutation
from clientele.appointments.actions import Done

AppointmentId = Annotated[strawberry.ID, strawberry.argument(description="The appointment.")]
Reason = Annotated[str | None, strawberry.argument(
    description="Why (at most 500 characters).")]


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


def status_change(action: Callable[..., Awaitable[Done]], description: str,
                  with_reason: bool = False) -> Any:
    """The mutation of a staff action that changes one appointment's status (edit:customers):
    `action(actor, appointment id[, reason])` from appointments.actions."""
    if with_reason:
        async def resolve_with_reason(info: Info, id: AppointmentId,
                                      reason: Reason = None) -> AppointmentPayload:
            return AppointmentPayload.of(await action(
                info.context.actor, parse_id(id, "Appointment"), reason))

        return mutation(Permission.EDIT_CUSTOMERS, description=description)(
            resolve_with_reason)

    async def resolve(info: Info, id: AppointmentId) -> AppointmentPayload:
        return AppointmentPayload.of(await action(info.context.actor,
                                                  parse_id(id, "Appointment")))

    return mutation(Permission.EDIT_CUSTOMERS, description=description)(resolve)
