"""Opaque keyset cursors: base64 of a JSON list of the sort key values."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import uuid
from typing import Any


class InvalidCursor(ValueError):
    pass


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return {"t": value.isoformat()}
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def encode_cursor(*values: Any) -> str:
    # UTF-8 as is (not \u escapes), as PostgreSQL's to_json writes it: the compiled queries
    # (api/compiled) build the same cursors in SQL; cursors written with escapes still decode
    raw = json.dumps([_plain(v) for v in values], separators=(",", ":"), ensure_ascii=False)
    return base64.urlsafe_b64encode(raw.encode()).decode("ascii")


def decode_cursor(cursor: str, kinds: tuple[type, ...]) -> list[Any]:
    """Decode and type-check a cursor whose values are of `kinds` (str, uuid.UUID, datetime)."""
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor.encode("ascii")))
        if not isinstance(values, list) or len(values) != len(kinds):
            raise ValueError("wrong shape")
        out: list[Any] = []
        for value, kind in zip(values, kinds, strict=True):
            if kind is dt.datetime:
                out.append(dt.datetime.fromisoformat(value["t"]))
            elif kind is uuid.UUID:
                out.append(uuid.UUID(value))
            elif isinstance(value, kind):
                out.append(value)
            else:
                raise ValueError("wrong type")
        return out
    except (ValueError, TypeError, KeyError, binascii.Error, UnicodeError) as exc:
        raise InvalidCursor(f"Invalid cursor {cursor!r}.") from exc
