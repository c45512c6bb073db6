"""Field declarations that types and inputs share."""

from __future__ import annotations

from typing import Any

import strawberry


def optional(description: str, **options: Any) -> Any:
    """A field that is null unless given: an input field one may omit, a payload's result
    (null when the mutation refused its input)."""
    return strawberry.field(default=None, description=description, **options)
