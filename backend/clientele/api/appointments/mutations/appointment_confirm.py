"""appointmentConfirm: Confirm an online request (REQUESTED becomes SCHEDULED)."""

from __future__ import annotations

from clientele.accounts.permissions import Permission
from clientele.api.appointments.mutations.payloads import AppointmentId, AppointmentPayload
from clientele.api.context import Info
from clientele.api.errors import parse_id
from clientele.api.mutation import mutation
from clientele.appointments import actions


@mutation(
    Permission.EDIT_CUSTOMERS,
    description="Confirm an online request (REQUESTED becomes SCHEDULED).",
)
async def appointment_confirm(
    info: Info,
    id: AppointmentId,
) -> AppointmentPayload:
    return AppointmentPayload.of(
        await actions.confirm(info.context.actor, parse_id(id, "Appointment"))
    )
