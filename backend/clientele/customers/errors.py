"""Customer error codes (exposed as the CustomerErrorCode enum)."""

from enum import Enum


class CustomerErrorCode(str, Enum):
    REQUIRED = "REQUIRED"
    INVALID = "INVALID"
    INVALID_EMAIL = "INVALID_EMAIL"
    INVALID_PHONE = "INVALID_PHONE"
    TOO_LONG = "TOO_LONG"
    DUPLICATE = "DUPLICATE"
    NOT_FOUND = "NOT_FOUND"
    UNKNOWN_CUSTOM_FIELD = "UNKNOWN_CUSTOM_FIELD"
    ERASED = "ERASED"
    UPCOMING_APPOINTMENTS = "UPCOMING_APPOINTMENTS"
