"""appointmentConfirm: accept an online request."""

from __future__ import annotations

from clientele.api.appointments.mutations.payloads import status_change
from clientele.appointments import actions

appointment_confirm = status_change(
    actions.confirm,
    "Confirm an online request (REQUESTED becomes SCHEDULED).",
)
