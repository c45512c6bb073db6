"""Cleaning of customer field values: trimming, lengths, formats. Collects every error."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from clientele.core.errors import FieldError
from clientele.core.phone import is_valid_region
from clientele.customers.enums import CommunicationStatus, Medium
from clientele.customers.errors import CustomerErrorCode
from clientele.customers.identity import (
    IdentityError,
    normalise_email_value,
    normalise_phone_value,
)
from clientele.customers.limits import MAX_LENGTH

TEXT_FIELDS = (
    "salutation", "first_name", "last_name", "company", "street", "postcode", "city", "notes",
)
LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
OLDEST_BIRTH_DATE = dt.date(1900, 1, 1)


def _text(value: Any, field: str, errors: list[FieldError]) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    if not text:
        return None
    if len(text) > MAX_LENGTH[field]:
        errors.append(FieldError(field, f"At most {MAX_LENGTH[field]} characters.",
                                 CustomerErrorCode.TOO_LONG))
    return text


def clean(values: dict[str, Any], region: str) -> tuple[dict[str, Any], list[FieldError]]:
    """Return the cleaned values (only the keys given) and every error found."""
    errors: list[FieldError] = []
    out: dict[str, Any] = {}
    for field, value in values.items():
        if field in TEXT_FIELDS:
            out[field] = _text(value, field, errors)
        elif field == "email":
            try:
                out[field] = normalise_email_value(value)
            except IdentityError as exc:
                errors.append(exc.error)
        elif field in ("mobile_phone", "landline_phone"):
            try:
                out[field] = normalise_phone_value(value, region, field)
            except IdentityError as exc:
                errors.append(exc.error)
        elif field == "country":
            code = _text(value, field, errors)
            if code and not is_valid_region(code):
                errors.append(FieldError(field, f"{code!r} is not an ISO 3166 country code.",
                                         CustomerErrorCode.INVALID))
            out[field] = code.upper() if code else None
        elif field == "preferred_language":
            tag = _text(value, field, errors)
            if tag and not LANGUAGE_TAG.match(tag):
                errors.append(FieldError(field, f"{tag!r} is not a language tag such as 'de-CH'.",
                                         CustomerErrorCode.INVALID))
            out[field] = tag
        elif field == "date_of_birth":
            if value is not None and not (OLDEST_BIRTH_DATE <= value <= dt.date.today()):
                errors.append(FieldError(field, "Date of birth must lie between 1900 and today.",
                                         CustomerErrorCode.INVALID))
            out[field] = value
        elif field == "preferred_medium":
            out[field] = Medium(value).value if value is not None else None
        elif field == "communication_status":
            out[field] = CommunicationStatus(value).value if value is not None else None
        else:
            out[field] = value
    return out, errors


def name_errors(first_name: str | None, last_name: str | None) -> list[FieldError]:
    if first_name or last_name:
        return []
    return [FieldError("first_name", "A first or last name is required.",
                       CustomerErrorCode.REQUIRED)]


def sort_name(first_name: str | None, last_name: str | None) -> str:
    return f"{last_name or ''} {first_name or ''}".strip().lower()[:210]
