"""Custom field definitions and the validation of customer values against them."""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import asyncpg

from clientele.core import db
from clientele.core.errors import DomainError, FieldError, NotFound
from clientele.customers.enums import CustomerSource, CustomFieldType
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
    in_booking_form: bool = False


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
        in_booking_form=row["in_booking_form"],
    )


async def definitions(account_id: uuid.UUID) -> dict[str, Definition]:
    rows = await db.fetch(
        "SELECT * FROM custom_field_definition WHERE account = $1 ORDER BY key",
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
    """`define` with the usual defaults (not in the booking form)."""
    return await define(account_id, key, label, field_type, options or [], required, False)


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


def required_when_created_by(source: CustomerSource) -> Callable[[Definition], bool]:
    """Which required fields a new customer must have, by how it arrives: staff entering a
    customer fill in every required field; a booking, the required fields its form asks
    for; calendar events and imports, none (they are never refused for a field nobody could
    have filled in; the profile shows what is missing)."""
    if source is CustomerSource.MANUAL:
        return lambda definition: True
    if source is CustomerSource.BOOKING:
        return lambda definition: definition.in_booking_form
    return lambda definition: False


def apply_values(
    defs: dict[str, Definition],
    current: dict[str, Any],
    changes: dict[str, Any],
    creating: bool,
    must_have: Callable[[Definition], bool] = lambda definition: True,
) -> tuple[dict[str, Any], list[FieldError]]:
    """Merge `changes` (None clears a key) into `current`, validating each value.

    Values of archived definitions stay stored; they can be cleared but not newly set. A
    required field is an error when it is cleared, or missing on creation where `must_have`
    says so.
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
        at_fault = any(e.field == f"custom_fields.{definition.key}" for e in errors)
        if missing and not at_fault and (
                (creating and must_have(definition)) or definition.key in changes):
            errors.append(_error(definition.key, f"{definition.label} is required.",
                                     CustomerErrorCode.REQUIRED))
    return result, errors


KEY_PATTERN = re.compile(r"^[a-z][a-z0-9_]{0,63}$")


def _definition_errors(key: str | None, label: str | None, field_type: CustomFieldType | None,
                       options: list[str] | None) -> list[FieldError]:
    errors: list[FieldError] = []
    if key is not None and not KEY_PATTERN.match(key):
        errors.append(FieldError("key", "1 to 64 characters: a-z, 0-9 and _, starting with a "
                                 "letter.", CustomerErrorCode.INVALID))
    if label is not None and not 0 < len(label.strip()) <= 200:
        errors.append(FieldError("label", "1 to 200 characters.", CustomerErrorCode.INVALID))
    if field_type is CustomFieldType.DROPDOWN and options is not None and (
            not options or len(set(options)) != len(options)
            or any(not o.strip() or len(o) > 200 for o in options)):
        errors.append(FieldError("options", "A dropdown needs distinct, non-empty options of "
                                 "at most 200 characters.", CustomerErrorCode.INVALID))
    return errors


async def _values_in_use(account_id: uuid.UUID, key: str) -> list[Any]:
    rows = await db.fetch(
        "SELECT custom -> $2 AS value FROM customer WHERE account = $1 AND custom ? $2",
        account_id, key)
    return [db.json_value(r["value"])
            for r in rows]


async def define(account_id: uuid.UUID, key: str, label: str, field_type: CustomFieldType,
                 options: list[str], required: bool, in_booking_form: bool) -> Definition:
    errors = _definition_errors(key, label, field_type, options if field_type is
                                CustomFieldType.DROPDOWN else None)
    if errors:
        raise DomainError(errors)
    try:
        rows = await db.fetch(
            """INSERT INTO custom_field_definition (id, account, key, label, field_type,
                   options, required, in_booking_form, created_at)
               VALUES (gen_random_uuid(), $1, $2, $3, $4, $5::jsonb, $6, $7, now())
               RETURNING *""",
            account_id, key, label.strip(), field_type.value,
            json.dumps(options if field_type is CustomFieldType.DROPDOWN else []), required,
            in_booking_form)
    except asyncpg.UniqueViolationError:
        raise DomainError.single("key", "A custom field with this key exists (archived ones "
                                 "too).", CustomerErrorCode.DUPLICATE) from None
    return _definition(rows[0])


async def redefine(account_id: uuid.UUID, definition_id: uuid.UUID, *, label: str | None,
                   options: list[str] | None, required: bool | None,
                   in_booking_form: bool | None, archived: bool | None) -> Definition:
    rows = await db.fetch("SELECT * FROM custom_field_definition WHERE account = $1 AND id = $2",
                          account_id, definition_id)
    if not rows:
        raise NotFound("Custom field")
    current = _definition(rows[0])
    errors = _definition_errors(None, label, current.field_type, options)
    if options is not None and current.field_type is CustomFieldType.DROPDOWN:
        used = {v for v in await _values_in_use(account_id, current.key)}
        dropped = sorted(str(v) for v in used - set(options))
        if dropped:
            errors.append(FieldError("options", "Customers still have these values: "
                                     + ", ".join(dropped), CustomerErrorCode.INVALID))
    if errors:
        raise DomainError(errors)
    updated = await db.fetch(
        """UPDATE custom_field_definition SET label = coalesce($3, label),
               options = coalesce($4::jsonb, options), required = coalesce($5, required),
               in_booking_form = coalesce($6, in_booking_form),
               archived_at = CASE WHEN $7::bool IS NULL THEN archived_at
                                  WHEN $7 THEN coalesce(archived_at, now()) ELSE NULL END
           WHERE account = $1 AND id = $2 RETURNING *""",
        account_id, definition_id, label.strip() if label else None,
        json.dumps(options) if options is not None and
        current.field_type is CustomFieldType.DROPDOWN else None,
        required, in_booking_form, archived)
    return _definition(updated[0])


async def undefine(account_id: uuid.UUID, definition_id: uuid.UUID) -> bool:
    """Delete a definition no customer uses; one with stored values is archived instead (the
    values stay). Returns True when deleted, False when archived."""
    rows = await db.fetch("SELECT key FROM custom_field_definition WHERE account = $1 "
                          "AND id = $2", account_id, definition_id)
    if not rows:
        raise NotFound("Custom field")
    if await _values_in_use(account_id, rows[0]["key"]):
        await db.fetch("UPDATE custom_field_definition SET archived_at = coalesce(archived_at, "
                       "now()) WHERE id = $1", definition_id)
        return False
    await db.fetch("DELETE FROM custom_field_definition WHERE id = $1", definition_id)
    return True
