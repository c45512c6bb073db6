"""The instants Clientele accepts from outside: 1900-01-01 to 2199-12-31 (UTC).

Appointments, filters and timestamps live well inside this range; a value outside it is a typo
or an attack. Python's datetime ends at year 9999 and starts at year 1, so an offset such as
`9999-12-31T23:59:59-14:00` overflows when converted to UTC (asyncpg does that conversion when
it writes), which used to surface as a 500 after the first rows of a booking were written.
Refusing outside this range, before anything is written, keeps every later conversion and
`± timedelta` well away from those edges.
"""

from __future__ import annotations

import datetime as dt

EARLIEST = dt.datetime(1900, 1, 1, tzinfo=dt.UTC)
LATEST = dt.datetime(2200, 1, 1, tzinfo=dt.UTC)  # exclusive
RANGE_TEXT = "between 1900-01-01 and 2199-12-31 (UTC)"


def out_of_range(value: dt.datetime) -> str | None:
    """Why `value` is not acceptable, or None. A value without an offset is read as UTC."""
    try:
        instant = value.astimezone(dt.UTC) if value.tzinfo else value.replace(tzinfo=dt.UTC)
    except (OverflowError, ValueError):
        return f"{value.isoformat()} is not a representable time; give one {RANGE_TEXT}."
    if not EARLIEST <= instant < LATEST:
        return f"{value.isoformat()} is out of range; give a time {RANGE_TEXT}."
    return None
