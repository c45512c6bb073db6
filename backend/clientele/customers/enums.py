"""Customer enums, stored by name in the database and exposed under the same names in the API."""

from enum import Enum


class CommunicationStatus(str, Enum):
    ALLOWED = "ALLOWED"
    BLOCKED = "BLOCKED"


class Medium(str, Enum):
    EMAIL = "EMAIL"
    SMS = "SMS"


class CustomerSource(str, Enum):
    CALENDAR = "CALENDAR"
    BOOKING = "BOOKING"
    IMPORT = "IMPORT"  # nothing produces it yet: the CSV import (the next issue) will
    MANUAL = "MANUAL"


class ConflictPolicy(str, Enum):
    """What new details about a known customer (calendar, booking, import) do."""

    FILL_BLANKS = "FILL_BLANKS"
    OVERWRITE = "OVERWRITE"
    IGNORE = "IGNORE"


class CustomFieldType(str, Enum):
    TEXT = "TEXT"
    DROPDOWN = "DROPDOWN"
    DATE = "DATE"
    CHECKBOX = "CHECKBOX"
    NUMBER = "NUMBER"
