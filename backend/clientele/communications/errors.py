"""Message error codes (exposed as the MessageErrorCode enum): staff's messages, templates
and the customers' preferences page."""

from enum import Enum


class MessageErrorCode(str, Enum):
    REQUIRED = "REQUIRED"
    INVALID = "INVALID"
    TOO_LONG = "TOO_LONG"
    NOT_FOUND = "NOT_FOUND"
    INVALID_EMAIL = "INVALID_EMAIL"
    INVALID_PHONE = "INVALID_PHONE"
    DUPLICATE = "DUPLICATE"
    COMMUNICATION_BLOCKED = "COMMUNICATION_BLOCKED"
    CHANNEL_UNAVAILABLE = "CHANNEL_UNAVAILABLE"
    INVALID_STATE = "INVALID_STATE"
    INVALID_LINK = "INVALID_LINK"
    LINK_EXPIRED = "LINK_EXPIRED"
    RATE_LIMITED = "RATE_LIMITED"
