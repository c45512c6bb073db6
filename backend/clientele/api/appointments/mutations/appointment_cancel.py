"""appointmentCancel: cancel an appointment, with a reason."""

from __future__ import annotations

from typing import Annotated

import strawberry

from clientele.accounts.permissions import Permission
from clientele.api.appointments.mutations.payloads import AppointmentId, AppointmentPayload
from clientele.api.context import Info
from clientele.api.errors import parse_id
from clientele.api.mutation import mutation
from clientele.appointments import actions


@mutation(Permission.EDIT_CUSTOMERS,
          description="Cancel a scheduled or requested appointment, with a reason (not one "
                      "its calendar owns: CALENDAR_OWNED).")
async def appointment_cancel(
    info: Info,
    id: AppointmentId,
    reason: Annotated[
        str | None, strawberry.argument(description="Why (at most 500 characters).")
    ] = None,
) -> AppointmentPayload:
    return AppointmentPayload.of(
        await actions.cancel(info.context.actor, parse_id(id, "Appointment"), reason)
    )
