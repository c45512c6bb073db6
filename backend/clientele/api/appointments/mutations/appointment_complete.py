"""appointmentComplete: Mark an appointment that has begun as completed (synced ones too)."""

from __future__ import annotations

from clientele.accounts.permissions import Permission
from clientele.api.appointments.mutations.payloads import AppointmentId, AppointmentPayload
from clientele.api.context import Info
from clientele.api.errors import parse_id
from clientele.api.mutation import mutation
from clientele.appointments import actions


@mutation(
    Permission.EDIT_CUSTOMERS,
    description="Mark an appointment that has begun as completed (synced ones too).",
)
async def appointment_complete(
    info: Info,
    id: AppointmentId,
) -> AppointmentPayload:
    return AppointmentPayload.of(
        await actions.complete(info.context.actor, parse_id(id, "Appointment"))
    )
