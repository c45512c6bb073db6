"""The customer list's filter as JSON (the GraphQL `CustomerFilter` input, camelCase keys), for
callers outside GraphQL: the export endpoint's `filter` parameter and `clientele export
--filter`. Everything is checked here before any SQL is built; anything malformed is an
InvalidFilter (INVALID_FILTER), never a crash.

    {"communicationStatus": "ALLOWED", "blocked": false, "archived": null,
     "customFields": [{"key": "level", "in": ["gold", "silver"]},
                      {"key": "city", "contains": "zurich"}]}
"""

from __future__ import annotations

import datetime as dt
import json
import math
from typing import Any

import dateutil.parser

from clientele.core.time_range import out_of_range
from clientele.customers.enums import CommunicationStatus, CustomerSource
from clientele.customers.filters import CustomerFilter, CustomFieldCondition, InvalidFilter

MAX_JSON_CHARS = 20_000
MAX_CUSTOM_CONDITIONS = 20  # as customers(filter:) (api/customers/queries.py)
MAX_LIST_VALUES = 200
MAX_TEXT = 1_000

_FLAGS = ("blocked", "hasUpcomingAppointment")
_INSTANTS = ("lastAppointmentBefore", "lastAppointmentAfter", "createdAfter", "createdBefore")
_TOP_KEYS = {"search", "communicationStatus", "source", "archived", "customFields",
             *_FLAGS, *_INSTANTS}
_CONDITION_KEYS = {"key", "equals", "in", "contains", "numberMin", "numberMax", "dateFrom",
                   "dateTo", "checked"}


def parse(text: str | None) -> tuple[CustomerFilter, str | None]:
    """The filter, and the deprecated `search` inside it (None when absent). An empty or
    absent text is the list's default filter (active customers)."""
    if text is None or not text.strip():
        return CustomerFilter(), None
    if len(text) > MAX_JSON_CHARS:
        raise InvalidFilter(f"The filter is longer than {MAX_JSON_CHARS} characters.")
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        raise InvalidFilter("The filter is not JSON (an object like "
                            '{"communicationStatus": "ALLOWED"}).') from None
    return from_data(data)


def from_data(data: Any) -> tuple[CustomerFilter, str | None]:
    if not isinstance(data, dict):
        raise InvalidFilter("The filter is a JSON object.")
    unknown = sorted(set(data) - _TOP_KEYS)
    if unknown:
        raise InvalidFilter(f"Unknown filter field {unknown[0][:60]!r} (known: "
                            f"{', '.join(sorted(_TOP_KEYS))}).")
    search = _text(data, "search")
    status = _enum(data, "communicationStatus", CommunicationStatus)
    source = _enum(data, "source", CustomerSource)
    archived = data.get("archived", False)  # absent: active customers, as the list
    if archived is not None and not isinstance(archived, bool):
        raise InvalidFilter("archived is true, false or null.")
    flags = {}
    for name in _FLAGS:
        value = data.get(name)
        if value is not None and not isinstance(value, bool):
            raise InvalidFilter(f"{name} is true, false or null.")
        flags[name] = value
    instants = {name: _instant(data.get(name), name) for name in _INSTANTS}
    conditions = data.get("customFields") or []
    if not isinstance(conditions, list):
        raise InvalidFilter("customFields is a list of conditions.")
    if len(conditions) > MAX_CUSTOM_CONDITIONS:
        raise InvalidFilter(f"At most {MAX_CUSTOM_CONDITIONS} custom field conditions.")
    return CustomerFilter(
        communication_status=status,
        source=source,
        archived=archived,
        blocked=flags["blocked"],
        has_upcoming_appointment=flags["hasUpcomingAppointment"],
        last_appointment_before=instants["lastAppointmentBefore"],
        last_appointment_after=instants["lastAppointmentAfter"],
        created_after=instants["createdAfter"],
        created_before=instants["createdBefore"],
        custom_fields=tuple(_condition(c) for c in conditions),
    ), search


def storable(value: str, name: str) -> str:
    """`value`, unless PostgreSQL could not take it as text (NUL, a lone surrogate from a
    JSON escape): then InvalidFilter rather than a database error."""
    if "\x00" in value:
        raise InvalidFilter(f"{name} contains a NUL character.")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidFilter(f"{name} is not valid Unicode text.") from None
    return value


def _text(data: dict[str, Any], name: str) -> str | None:
    value = data.get(name)
    if value is not None and not isinstance(value, str):
        raise InvalidFilter(f"{name} is a string.")
    if value is not None and len(value) > MAX_TEXT:
        raise InvalidFilter(f"{name} is longer than {MAX_TEXT} characters.")
    return None if value is None else storable(value, name)


def _enum(data: dict[str, Any], name: str, kind: Any) -> str | None:
    value = data.get(name)
    if value is None:
        return None
    names = [member.value for member in kind]
    if value not in names:
        raise InvalidFilter(f"{name} is one of {', '.join(names)}.")
    return value


def _instant(value: Any, name: str) -> dt.datetime | None:
    if value is None:
        return None
    if not isinstance(value, str) or len(value) > 64:
        raise InvalidFilter(f"{name} is an ISO 8601 date and time such as "
                            "'2030-05-01T09:00:00+02:00'.")
    try:
        parsed = dateutil.parser.isoparse(value)
    except (ValueError, OverflowError):
        raise InvalidFilter(f"{name}: {value!r} is not an ISO 8601 date and time such as "
                            "'2030-05-01T09:00:00+02:00'.") from None
    problem = out_of_range(parsed)
    if problem:
        raise InvalidFilter(f"{name}: {problem}")
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def _date(value: Any, name: str) -> dt.date | None:
    if value is None:
        return None
    try:
        if not isinstance(value, str):
            raise ValueError
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidFilter(f"{name} is a date such as '1990-04-30'.") from None


def _number(value: Any, name: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) \
            or not math.isfinite(value):
        raise InvalidFilter(f"{name} is a number.")
    return float(value)


def _condition(data: Any) -> CustomFieldCondition:
    if not isinstance(data, dict):
        raise InvalidFilter("A custom field condition is an object with a key.")
    unknown = sorted(set(data) - _CONDITION_KEYS)
    if unknown:
        raise InvalidFilter(f"Unknown custom field condition field {unknown[0][:60]!r}.")
    key = data.get("key")
    if not isinstance(key, str) or not key or len(key) > 64:
        raise InvalidFilter("A custom field condition names its field: key.")
    texts: dict[str, str | None] = {}
    for name in ("equals", "contains"):
        value = data.get(name)
        if value is not None and (not isinstance(value, str) or len(value) > MAX_TEXT):
            raise InvalidFilter(f"Custom field {key!r}: {name} is a string of at most "
                                f"{MAX_TEXT} characters.")
        texts[name] = value
    any_of = data.get("in")
    if any_of is not None and (
            not isinstance(any_of, list) or len(any_of) > MAX_LIST_VALUES
            or not all(isinstance(v, str) and len(v) <= MAX_TEXT for v in any_of)):
        raise InvalidFilter(f"Custom field {key!r}: in is a list of at most "
                            f"{MAX_LIST_VALUES} strings.")
    for text in (key, *texts.values(), *(any_of or ())):
        if text is not None:
            storable(text, f"Custom field {key[:60]!r}")
    checked = data.get("checked")
    if checked is not None and not isinstance(checked, bool):
        raise InvalidFilter(f"Custom field {key!r}: checked is true or false.")
    return CustomFieldCondition(
        key=key, equals=texts["equals"], contains=texts["contains"],
        any_of=tuple(any_of) if any_of is not None else None,
        number_min=_number(data.get("numberMin"), f"{key}.numberMin"),
        number_max=_number(data.get("numberMax"), f"{key}.numberMax"),
        date_from=_date(data.get("dateFrom"), f"{key}.dateFrom"),
        date_to=_date(data.get("dateTo"), f"{key}.dateTo"),
        checked=checked)
