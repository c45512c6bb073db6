"""The appointment mutations, one per module; the Mutation root inherits this class."""

from __future__ import annotations

import strawberry

from clientele.api.appointments.mutations.booking_create import booking_create


@strawberry.type
class AppointmentMutations:
    """Bookings: the public booking form's and staff's."""

    booking_create = booking_create
