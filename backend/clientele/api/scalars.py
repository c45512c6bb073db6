"""DateTime and Date as the API reads them: Strawberry's scalars (same names, same
descriptions, so the SDL does not change) whose parsing refuses, with the code INVALID_DATE,
anything that is not an ISO 8601 value Clientele can store.

Strawberry's own parsers raise an error without a code for unparsable text, and accept
`0001-01-01T00:00:00+14:00` or `9999-12-31T23:59:59-14:00`, which overflow when converted to UTC
as they are written: the first rows of a booking were in by then. These are refused while the
request's variables (or literals) are coerced, before any resolver runs.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import dateutil.parser
from strawberry.schema.types.base_scalars import DateDefinition, DateTimeDefinition
from strawberry.types.scalar import ScalarDefinition

from clientele.api.errors import ApiError
from clientele.core.time_range import out_of_range

INVALID_DATE = "INVALID_DATE"


def parse_datetime(value: object) -> dt.datetime:
    if not isinstance(value, str):
        raise ApiError("A DateTime is an ISO 8601 string such as "
                       "'2030-05-01T09:00:00+02:00'.", INVALID_DATE)
    try:
        parsed = dateutil.parser.isoparse(value)
    except (ValueError, OverflowError):
        raise ApiError(f"{value[:40]!r} is not an ISO 8601 date and time such as "
                       "'2030-05-01T09:00:00+02:00'.", INVALID_DATE) from None
    problem = out_of_range(parsed)
    if problem:
        raise ApiError(problem, INVALID_DATE)
    return parsed


def parse_date(value: object) -> dt.date:
    """Any calendar date Python can hold (years 1 to 9999): a date has no offset, so it never
    overflows on the way to the database; which dates make sense (a birth date in the past…)
    is the domain's call, with a user error it can word."""
    if not isinstance(value, str):
        raise ApiError("A Date is an ISO 8601 string such as '1990-04-30'.", INVALID_DATE)
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ApiError(f"{value[:40]!r} is not an ISO 8601 date such as '1990-04-30' "
                       "(years 1 to 9999).", INVALID_DATE) from None


DATETIME = dataclasses.replace(DateTimeDefinition, parse_value=parse_datetime)
DATE = dataclasses.replace(DateDefinition, parse_value=parse_date)

SCALAR_OVERRIDES: dict[object, ScalarDefinition] = {dt.datetime: DATETIME, dt.date: DATE}
