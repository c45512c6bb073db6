"""The appointment mutations, one per module; the Mutation root inherits this class."""

from __future__ import annotations

import strawberry

from clientele.api.appointments.mutations.appointment_cancel import appointment_cancel
from clientele.api.appointments.mutations.appointment_complete import appointment_complete
from clientele.api.appointments.mutations.appointment_confirm import appointment_confirm
from clientele.api.appointments.mutations.appointment_create import appointment_create
from clientele.api.appointments.mutations.appointment_decline import appointment_decline
from clientele.api.appointments.mutations.appointment_mark_no_show import (
    appointment_mark_no_show,
)
from clientele.api.appointments.mutations.appointment_reschedule import appointment_reschedule
from clientele.api.appointments.mutations.booking_create import booking_create


@strawberry.type
class AppointmentMutations:
    """Bookings (the public booking form's and staff's) and staff actions on appointments."""

    booking_create = booking_create
    appointment_create = appointment_create
    appointment_reschedule = appointment_reschedule
    appointment_cancel = appointment_cancel
    appointment_complete = appointment_complete
    appointment_mark_no_show = appointment_mark_no_show
    appointment_confirm = appointment_confirm
    appointment_decline = appointment_decline
