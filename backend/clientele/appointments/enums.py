from enum import Enum


class AppointmentStatus(str, Enum):
    REQUESTED = "REQUESTED"  # asked for online; staff confirm or decline
    SCHEDULED = "SCHEDULED"
    CANCELLED = "CANCELLED"
    COMPLETED = "COMPLETED"
    NO_SHOW = "NO_SHOW"


class AppointmentWhen(str, Enum):
    PAST = "PAST"
    UPCOMING = "UPCOMING"
    ALL = "ALL"
