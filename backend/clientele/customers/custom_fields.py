"""Custom field definitions and the validation of customer values against them."""

from __future__ import annotations

import datetime as dt
import json
import math
import uuid
from dataclasses import dataclass
from typing import Any

from clientele.core import db
from clientele.core.errors import FieldError
from clientele.customers.enums import CustomFieldType
from clientele.customers.errors import CustomerErrorCode

MAX_TEXT_VALUE = 1000


@dataclass(frozen=True)
class Definition:
    id: uuid.UUID
    key: str
    label: str
    field_type: CustomFieldType
    options: tuple[str, ...]
    required: bool
    archived: bool


def _definition(row: dict[str, Any]) -> Definition:
    options = row["options"]
    if isinstance(options, str):
        options = json.loads(options)
    return Definition(
        id=row["id"],
        key=row["key"],
        label=row["label"],
        field_type=CustomFieldType(row["field_type"]),
        options=tuple(options or ()),
        required=row["required"],
        archived=row["archived_at"] is not None,
    )


async def definitions(account_id: uuid.UUID) -> dict[str, Definition]:
    rows = await db.fetch(
        "SELECT * FROM custom_field_definition WHERE account = $1 ORDER BY position, key",
        account_id,
    )
    return {row["key"]: _definition(row) for row in rows}


async def create_definition(
    account_id: uuid.UUID,
    key: str,
    label: str,
    field_type: CustomFieldType,
    options: list[str] | None = None,
    required: bool = False,
) -> Definition:
    rows = await db.fetch(
        """
        INSERT INTO custom_field_definition
            (id, account, key, label, field_type, options, required, in_booking_form, position,
             created_at)
        VALUES (gen_random_uuid(), $1, $2, $3, $4, $5::jsonb, $6, false, '0', now())
        RETURNING *
        """,
        account_id, key, label, field_type.value, json.dumps(options or []), required,
    )
    return _definition(rows[0])


def _error(key: str, message: str, code: CustomerErrorCode) -> FieldError:
    return FieldError(f"custom_fields.{key}", message, code)


def coerce_value(definition: Definition, value: Any) -> tuple[Any, FieldError | None]:
    """Return the stored form of `value` for `definition`, or an error."""
    key, kind = definition.key, definition.field_type
    if kind is CustomFieldType.TEXT:
        if not isinstance(value, str):
            return None, _error(key, f"{definition.label}: expected text.",
                                CustomerErrorCode.INVALID)
        if len(value) > MAX_TEXT_VALUE:
            return None, _error(key, f"{definition.label}: at most {MAX_TEXT_VALUE} characters.",
                                CustomerErrorCode.TOO_LONG)
        return value, None
    if kind is CustomFieldType.DROPDOWN:
        if value not in definition.options:
            allowed = ", ".join(definition.options)
            return None, _error(key, f"{definition.label}: {value!r} is not one of: {allowed}.",
                                CustomerErrorCode.INVALID)
        return value, None
    if kind is CustomFieldType.DATE:
        try:
            return dt.date.fromisoformat(str(value)).isoformat(), None
        except ValueError:
            return None, _error(key, f"{definition.label}: {value!r} is not a date (YYYY-MM-DD).",
                                CustomerErrorCode.INVALID)
    if kind is CustomFieldType.CHECKBOX:
        if not isinstance(value, bool):
            return None, _error(key, f"{definition.label}: expected true or false.",
                                CustomerErrorCode.INVALID)
        return value, None
    # NUMBER
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return None, _error(key, f"{definition.label}: expected a number.",
                            CustomerErrorCode.INVALID)
    return value, None


def apply_values(
    defs: dict[str, Definition],
    current: dict[str, Any],
    changes: dict[str, Any],
    creating: bool,
) -> tuple[dict[str, Any], list[FieldError]]:
    """Merge `changes` (None clears a key) into `current`, validating each value.

    Values of archived definitions stay stored; they can be cleared but not newly set.
    """
    result = dict(current)
    errors: list[FieldError] = []
    for key, value in changes.items():
        definition = defs.get(key)
        if definition is None:
            errors.append(_error(key, f"Unknown custom field {key!r}.",
                                 CustomerErrorCode.UNKNOWN_CUSTOM_FIELD))
            continue
        if value is None:
            result.pop(key, None)
            continue
        if definition.archived:
            errors.append(_error(key, f"{definition.label} is archived and cannot be set.",
                                 CustomerErrorCode.INVALID))
            continue
        stored, error = coerce_value(definition, value)
        if error:
            errors.append(error)
        else:
            result[key] = stored
    for definition in defs.values():
        missing = definition.required and not definition.archived and definition.key not in result
        if missing and (creating or definition.key in changes):
            errors.append(_error(definition.key, f"{definition.label} is required.",
                                     CustomerErrorCode.REQUIRED))
    return result, errors
