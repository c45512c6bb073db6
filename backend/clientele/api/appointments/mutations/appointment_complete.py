"""appointmentComplete: the customer came."""

from __future__ import annotations

from clientele.api.appointments.mutations.payloads import status_change
from clientele.appointments import actions

appointment_complete = status_change(
    actions.complete,
    "Mark an appointment that has begun as completed (synced ones too).",
)
