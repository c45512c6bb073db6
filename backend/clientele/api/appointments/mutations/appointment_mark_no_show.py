"""appointmentMarkNoShow: the customer did not come."""

from __future__ import annotations

from clientele.api.appointments.mutations.payloads import status_change
from clientele.appointments import actions

appointment_mark_no_show = status_change(
    actions.mark_no_show,
    "Mark an appointment that has begun as missed (synced ones too).",
)
