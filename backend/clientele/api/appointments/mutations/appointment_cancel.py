"""appointmentCancel: cancel an appointment, keeping the reason."""

from __future__ import annotations

from clientele.api.appointments.mutations.payloads import status_change
from clientele.appointments import actions

appointment_cancel = status_change(
    actions.cancel,
    "Cancel a scheduled or requested appointment, with a reason (not one its calendar "
    "owns: CALENDAR_OWNED).",
    with_reason=True,
)
