"""Import error codes and the typed errors raised while reading a file or checking a mapping."""

from __future__ import annotations

from enum import Enum
from typing import Any

from clientele.core.errors import DomainError, FieldError


class ImportErrorCode(str, Enum):
    INVALID = "INVALID"
    NOT_FOUND = "NOT_FOUND"
    EMPTY_FILE = "EMPTY_FILE"
    FILE_TOO_LARGE = "FILE_TOO_LARGE"
    TOO_MANY_ROWS = "TOO_MANY_ROWS"
    TOO_MANY_COLUMNS = "TOO_MANY_COLUMNS"
    CELL_TOO_LONG = "CELL_TOO_LONG"
    NOT_A_SPREADSHEET = "NOT_A_SPREADSHEET"
    PASSWORD_PROTECTED = "PASSWORD_PROTECTED"
    BAD_ENCODING = "BAD_ENCODING"
    UNKNOWN_SHEET = "UNKNOWN_SHEET"
    NO_HEADER = "NO_HEADER"
    UNKNOWN_COLUMN = "UNKNOWN_COLUMN"
    UNKNOWN_TARGET = "UNKNOWN_TARGET"
    TARGET_TWICE = "TARGET_TWICE"
    CONFLICTING_TARGETS = "CONFLICTING_TARGETS"
    NOTHING_MAPPED = "NOTHING_MAPPED"
    # the job's state
    JOB_NOT_READY = "JOB_NOT_READY"
    JOB_FINISHED = "JOB_FINISHED"
    NOT_UNDOABLE = "NOT_UNDOABLE"


class ImportFileError(DomainError):
    """The uploaded file cannot be read as a spreadsheet; nothing was imported."""

    def __init__(self, code: ImportErrorCode, message: str, **extra: Any) -> None:
        super().__init__([FieldError("file", message, code, extra)])
        self.code = code


class MappingError(DomainError):
    """The column mapping is not usable; every problem found is in `errors`."""

    @property
    def codes(self) -> list[Enum]:
        return [error.code for error in self.errors]
