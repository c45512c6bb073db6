"""Typed errors shared by every domain.

Domain services raise `DomainError` subclasses (or return them in bulk results); the API layer
turns them into `userErrors` with the same `code`. `field` names the domain field (snake_case,
dotted for nested values such as `custom.shoe_size`); the API spells it in camelCase so a client
can show the message beside the right input.
"""

from __future__ import annotations

import dataclasses
from enum import Enum
from typing import Any


class ErrorCode(str, Enum):
    """Codes every domain may use; domains extend the set with their own enums."""

    REQUIRED = "REQUIRED"
    INVALID = "INVALID"
    TOO_LONG = "TOO_LONG"
    DUPLICATE = "DUPLICATE"
    NOT_FOUND = "NOT_FOUND"


@dataclasses.dataclass
class FieldError:
    field: str | None
    message: str
    code: Enum
    extra: dict[str, Any] = dataclasses.field(default_factory=dict)


class DomainError(Exception):
    """One or more expected failures; nothing was written."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__("; ".join(e.message for e in errors))
        self.errors = errors

    @classmethod
    def single(cls, field: str | None, message: str, code: Enum, **extra: Any) -> DomainError:
        return cls([FieldError(field, message, code, extra)])


class NotFound(DomainError):
    def __init__(self, what: str, field: str | None = "id") -> None:
        super().__init__([FieldError(field, f"{what} not found.", ErrorCode.NOT_FOUND)])
