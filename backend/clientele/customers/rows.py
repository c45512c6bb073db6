"""Reading stored customer rows (asyncpg records or dicts)."""

from __future__ import annotations

import json
from typing import Any


def custom_values(row: Any) -> dict[str, Any]:
    """The custom field values of a customer row (JSONB arrives as text from asyncpg)."""
    custom = row["custom"]
    return json.loads(custom) if isinstance(custom, str) else dict(custom or {})


def address_line(row: Any) -> str:
    """Street, postcode and city on one line; empty when there is none."""
    return " ".join(p for p in (row["street"], row["postcode"], row["city"]) if p)
