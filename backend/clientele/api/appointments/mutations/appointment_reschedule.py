"""appointmentReschedule: move an appointment."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry

from clientele.accounts.permissions import Permission
from clientele.api.appointments.mutations.payloads import AppointmentId, AppointmentPayload
from clientele.api.context import Info
from clientele.api.errors import parse_id
from clientele.api.mutation import mutation
from clientele.appointments import actions


@mutation(Permission.EDIT_CUSTOMERS,
          description="Move a scheduled or requested appointment (not one its calendar owns: "
                      "CALENDAR_OWNED).")
async def appointment_reschedule(
    info: Info, id: AppointmentId,
    starts_at: Annotated[dt.datetime, strawberry.argument(description="New start.")],
    ends_at: Annotated[dt.datetime, strawberry.argument(description="New end.")],
) -> AppointmentPayload:
    return AppointmentPayload.of(await actions.reschedule(
        info.context.actor, parse_id(id, "Appointment"), starts_at, ends_at))
