"""One file row as a staged record: the mapping applied, every value cleaned and checked by
the same rules as any other way in (customers.validation, custom_fields), errors collected.

The record goes to the import's staging table by COPY (customers/imports/staging.py), so it is
a plain tuple in `STAGED_COLUMNS` order. A row with errors is staged too (with its errors and
without values): it is counted, previewed and written to the rejected-rows file, never imported.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import phonenumbers

from clientele.customers.custom_fields import Definition, apply_values
from clientele.customers.enums import CustomFieldType
from clientele.customers.errors import CustomerErrorCode
from clientele.customers.imports.mapping import CUSTOM_PREFIX
from clientele.customers.names import split_full_name
from clientele.customers.validation import clean, sort_name

# The customer columns an import can set, in staging order.
VALUE_COLUMNS = ("salutation", "first_name", "last_name", "email", "mobile_phone",
                 "landline_phone", "date_of_birth", "company", "street", "postcode", "city",
                 "country", "preferred_language", "notes")
# sort_name: the customer's sort name as validation.sort_name gives it (PostgreSQL's lower()
# depends on the database's locale), so a new customer is inserted with it; person: the row's
# own number for a valid row (the grouping changes it only for rows of an earlier person)
STAGED_COLUMNS = ("row_number", "cells", "errors", *VALUE_COLUMNS, "custom", "sort_name",
                  "person")
DATE_COLUMNS = frozenset({"date_of_birth"})

_TRUE = frozenset({"1", "true", "yes", "y", "x", "ja", "oui", "si", "sì", "wahr", "vrai", "✓"})
_FALSE = frozenset({"0", "false", "no", "n", "nein", "non", "falsch", "faux", ""})
_DMY = re.compile(r"^\s*(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$")
_MONTH_FIRST = frozenset({"US", "CA", "PH", "FM", "MH", "PW"})  # regions writing M/D/Y


@dataclass(frozen=True)
class RowRules:
    """What a row is read with: the mapping (column index -> target), the account's phone
    region and its custom field definitions."""

    targets: dict[int, str]
    region: str
    definitions: dict[str, Definition]


def text(cell: Any) -> str | None:
    """A cell as the text a person sees: whole numbers without '.0', dates in ISO form."""
    if type(cell) is str:  # a CSV's cells, most of a workbook's: first
        return cell.strip() or None
    if cell is None:
        return None
    if isinstance(cell, bool):
        return "TRUE" if cell else "FALSE"
    if isinstance(cell, float):
        return str(int(cell)) if cell.is_integer() else repr(cell)
    if isinstance(cell, dt.datetime):
        return cell.date().isoformat() if cell.time() == dt.time() else cell.isoformat()
    if isinstance(cell, dt.date | dt.time):
        return cell.isoformat()
    value = str(cell).strip()
    return value or None


def parse_date(cell: Any, region: str) -> dt.date | None:
    """A date cell, or text as 2024-03-01, 1.3.2024, 01/03/2024 (M/D/Y in the US and a few
    other regions) or 1.3.84; raises ValueError for anything else."""
    if isinstance(cell, dt.datetime):
        return cell.date()
    if isinstance(cell, dt.date):
        return cell
    value = text(cell)
    if value is None:
        return None
    if iso := _ISO.match(value):
        return dt.date(int(iso[1]), int(iso[2]), int(iso[3]))
    if found := _DMY.match(value):
        first, second, year = int(found[1]), int(found[2]), int(found[3])
        if len(found[3]) == 2:
            year += 1900 if year > dt.date.today().year % 100 else 2000
        if "/" in value and region.upper() in _MONTH_FIRST:
            first, second = second, first
        return dt.date(year, second, first)
    raise ValueError(value)


def custom_value(definition: Definition, cell: Any, region: str) -> Any:
    """A cell as the value `definition` stores (checked again by custom_fields.apply_values);
    raises ValueError when it cannot be one."""
    kind = definition.field_type
    if text(cell) is None:
        return None  # a blank cell sets nothing
    if kind is CustomFieldType.DATE:
        date = parse_date(cell, region)
        return date.isoformat() if date else None
    if kind is CustomFieldType.CHECKBOX:
        if isinstance(cell, bool):
            return cell
        word = (text(cell) or "").lower()
        if word in _TRUE:
            return True
        if word in _FALSE:
            return False
        raise ValueError(word)
    if kind is CustomFieldType.NUMBER:
        if isinstance(cell, int | float) and not isinstance(cell, bool):
            return cell
        value = (text(cell) or "").replace("'", "").replace("\u2019", "").replace(" ", "")
        if value.count(",") == 1 and "." not in value:
            value = value.replace(",", ".")
        number = float(value)
        return int(number) if number.is_integer() and abs(number) < 2**53 else number
    written = text(cell)
    if kind is CustomFieldType.DROPDOWN and written is not None:
        for option in definition.options:
            if option.casefold() == written.casefold():
                return option
    return written


def _is_mobile(e164: str) -> bool:
    kind = phonenumbers.number_type(phonenumbers.parse(e164))
    return kind in (phonenumbers.PhoneNumberType.MOBILE,
                    phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE)


def _error(field: str | None, message: str, code: Any) -> dict[str, str | None]:
    return {"field": field, "code": getattr(code, "value", str(code)), "message": message}


def stage(row_number: int, cells: Sequence[Any], rules: RowRules) -> tuple[Any, ...]:
    """The staged record of one data row."""
    values: dict[str, Any] = {}
    custom: dict[str, Any] = {}
    errors: list[dict[str, str | None]] = []
    phones: list[tuple[str, Any]] = []
    for index, target in rules.targets.items():
        cell = cells[index] if index < len(cells) else None
        if target.startswith(CUSTOM_PREFIX):
            key = target[len(CUSTOM_PREFIX):]
            definition = rules.definitions[key]
            try:
                value = custom_value(definition, cell, rules.region)
            except (ValueError, OverflowError):
                errors.append(_error(f"custom_fields.{key}",
                                     f"{definition.label}: {text(cell)!r} cannot be read as "
                                     f"{definition.field_type.value.lower()}.",
                                     CustomerErrorCode.INVALID))
                continue
            if value is not None:
                custom[key] = value
        elif target == "full_name":
            parts = split_full_name(text(cell))
            for name, part in (("salutation", parts.salutation),
                               ("first_name", parts.first_name),
                               ("last_name", parts.last_name)):
                if part and not values.get(name):
                    values[name] = part
        elif target in ("mobile_phone", "landline_phone", "phone"):
            if (value := text(cell)) is not None:
                phones.append((target, value))
        elif target in DATE_COLUMNS:
            try:
                values[target] = parse_date(cell, rules.region)
            except (ValueError, OverflowError):
                errors.append(_error(target, f"{text(cell)!r} is not a date.",
                                     CustomerErrorCode.INVALID))
        elif target == "country":
            value = text(cell)
            # a country's name (Google's "Switzerland") is not a code: kept out, not refused
            values[target] = value.upper() if value and len(value) == 2 else None
        else:
            values[target] = text(cell)
    cleaned, problems = clean(values, rules.region)
    errors += [_error(p.field, p.message, p.code) for p in problems]
    _file_phones(phones, cleaned, rules.region, errors)  # cleaned there, once
    if custom:
        _, problems = apply_values(rules.definitions, {}, custom, False,
                                   lambda definition: False)
        errors += [_error(p.field, p.message, p.code) for p in problems]
    if not errors and not any(cleaned.get(k) for k in ("first_name", "last_name", "email",
                                                       "mobile_phone", "landline_phone")):
        errors.append(_error("first_name", "The row has no name, email or phone.",
                             CustomerErrorCode.REQUIRED))
    original = json.dumps([text(c) for c in cells], ensure_ascii=False)
    if errors:
        return (row_number, original, json.dumps(errors, ensure_ascii=False),
                *(None for _ in VALUE_COLUMNS), "{}", None, None)
    return (row_number, original, None, *(cleaned.get(c) for c in VALUE_COLUMNS),
            json.dumps(custom, ensure_ascii=False) if custom else "{}",
            sort_name(cleaned.get("first_name"), cleaned.get("last_name")), row_number)


def _file_phones(phones: list[tuple[str, Any]], values: dict[str, Any], region: str,
                 errors: list[dict[str, str | None]]) -> None:
    """Several phone columns: the first mobile number is the mobile phone, the first other one
    the landline; a number of unknown kind ("phone") is filed by what it is. An invalid number
    is an error of its column's field; numbers beyond these two are left out."""
    from clientele.customers.identity import IdentityError, normalise_phone_value

    for target, raw in phones:
        field = "mobile_phone" if target == "phone" else target
        try:
            e164 = normalise_phone_value(raw, region, field)
        except IdentityError as exc:
            errors.append(_error(exc.error.field, exc.error.message, exc.error.code))
            continue
        if e164 is None:
            continue
        kind = target if target != "phone" else (
            "mobile_phone" if _is_mobile(e164) else "landline_phone")
        if not values.get(kind):
            values[kind] = e164
        elif kind == "mobile_phone" and not values.get("landline_phone"):
            values["landline_phone"] = e164
