"""appointmentDecline: decline an online request."""

from __future__ import annotations

from clientele.api.appointments.mutations.payloads import status_change
from clientele.appointments import actions

appointment_decline = status_change(
    actions.decline,
    "Decline an online request (REQUESTED), with a reason.",
    with_reason=True,
)
