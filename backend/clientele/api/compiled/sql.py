"""SQL expressions that write a value exactly as the resolvers' Python writes it into the
response: ISO 8601 times as `datetime.isoformat()`, global IDs as `core.ids.encode`, keyset
cursors as `core.cursors.encode_cursor`. The differential test (tests/api/compiled) holds
each one to its Python twin."""

from __future__ import annotations

from typing import Any


class Params:
    """Bind parameters of one statement, in order."""

    def __init__(self) -> None:
        self.args: list[Any] = []

    def arg(self, value: Any) -> str:
        self.args.append(value)
        return f"${len(self.args)}"

    def add(self, value: Any, cast: str = "") -> str:
        return self.arg(value) + cast


def iso(column: str) -> str:
    """`datetime.isoformat()` of a timestamptz read back in UTC: microseconds only when not 0
    (the format has one '.', so '.000000' can only be the fraction); NULL stays NULL."""
    return (f"(replace(to_char(({column} AT TIME ZONE 'UTC'), "
            f"'YYYY-MM-DD\"T\"HH24:MI:SS.US'), '.000000', '') || '+00:00')")


def _base64(text_sql: str, short: bool = False) -> str:
    """Standard base64 with padding. PostgreSQL breaks lines every 76 characters: not reached
    by input of at most 57 bytes (`short`)."""
    encoded = f"encode(convert_to({text_sql}, 'UTF8'), 'base64')"
    return encoded if short else f"translate({encoded}, E'\\n', '')"


def global_id(type_name: str, column: str) -> str:
    """core.ids.encode(type_name, id): "Type:" and a 36-character UUID."""
    return _base64(f"'{type_name}:' || {column}::text", short=len(type_name) + 37 <= 57)


def cursor(sort_json_sql: str, id_column: str) -> str:
    """core.cursors.encode_cursor(sort value, id): URL-safe base64 of the compact JSON list."""
    raw = f"'[' || {sort_json_sql} || ',\"' || {id_column}::text || '\"]'"
    return f"translate(encode(convert_to({raw}, 'UTF8'), 'base64'), E'+/\\n', '-_')"


def time_key(column: str) -> str:
    """A datetime sort value as encode_cursor writes it: {"t": isoformat}."""
    return f"'{{\"t\":\"' || {iso(column)} || '\"}}'"


def text_key(column: str) -> str:
    """A string sort value as encode_cursor writes it (JSON string, UTF-8 as is)."""
    return f"to_json({column})::text"


def literal(value: str) -> str:
    """A constant string (type names, field keys: code and document names, never data)."""
    return "'" + value.replace("'", "''") + "'"
