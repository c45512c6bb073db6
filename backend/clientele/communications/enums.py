from enum import Enum


class DeliveryStatus(str, Enum):
    PENDING = "PENDING"  # due (or waiting for its next attempt)
    SENDING = "SENDING"  # claimed by an instance that is sending it (a lease)
    SENT = "SENT"
    FAILED = "FAILED"
    SKIPPED = "SKIPPED"  # nothing sent, on purpose: the reason is in `error`


class MessageKind(str, Enum):
    CONFIRMATION = "CONFIRMATION"
    REQUESTED = "REQUESTED"
    REMINDER = "REMINDER"
    MOVED = "MOVED"
    CANCELLED = "CANCELLED"
    MANUAL = "MANUAL"

