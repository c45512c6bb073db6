from enum import Enum


class CalendarErrorCode(str, Enum):
    INVALID = "INVALID"
    NOT_FOUND = "NOT_FOUND"
    SYNC_FAILED = "SYNC_FAILED"
