"""iCalendar feeds → event instances in a window (icalendar, recurring-ical-events,
x-wr-timezone). Recurrences are expanded, overrides applied, EXDATEs removed; all-day events
stay all-day; Google's X-WR-TIMEZONE is honoured.

Besides the instances, a `Feed` says what the calendar says of itself: its METHOD (an iTIP
message such as REQUEST or CANCEL carries some events, never the whole calendar), the
addresses of its owner (X-OWNER, an X-WR-CALNAME that is an address, as Google writes for a
person's calendar: staff, never customers), and how many of its events fell outside the
window. People are read the way each application writes them: `mailto:` values, and Apple's
`EMAIL=` parameter on `urn:uuid:` values."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import recurring_ical_events
import x_wr_timezone

from clientele.calendar_sync.text import html_to_text


class FeedError(ValueError):
    """The feed is not an iCalendar file we can read."""


_BOM = b"\xef\xbb\xbf"


def sniff(data: bytes) -> str | None:
    """Why `data` is not an iCalendar file at all (empty, binary, NUL bytes), or None. Cheap
    (no parsing), so that an upload can be refused before anything is written for it; a file
    that passes but is broken inside still fails its sync run, readably."""
    if not data.strip():
        return "The file is empty."
    if b"\x00" in data:
        return "The file contains NUL bytes: it is binary, not an iCalendar (.ics) file."
    head = data.removeprefix(_BOM).lstrip()[:15]
    if head.upper() != b"BEGIN:VCALENDAR":
        return "Not an iCalendar (.ics) file: it does not begin with BEGIN:VCALENDAR."
    return None


@dataclass(frozen=True)
class Attendee:
    email: str
    name: str | None
    kind: str = "INDIVIDUAL"  # CUTYPE (RFC 5545): INDIVIDUAL, GROUP, RESOURCE, ROOM, UNKNOWN


@dataclass
class EventInstance:
    uid: str
    recurrence_id: str  # '' for a single event
    sequence: int
    last_modified: dt.datetime | None  # LAST-MODIFIED, else DTSTAMP: which copy is newer
    summary: str
    description: str
    location: str | None
    starts_at: dt.datetime
    ends_at: dt.datetime
    all_day: bool
    cancelled: bool
    organizer: str | None
    attendees: list[Attendee] = field(default_factory=list)


# iTIP methods (RFC 5546) whose files carry some events of a calendar, not all of them
PARTIAL_METHODS = frozenset({"REQUEST", "CANCEL", "ADD", "REPLY", "REFRESH", "COUNTER",
                             "DECLINECOUNTER"})
# a bound on the instances one feed may expand to (a MINUTELY rule over years is a hostile file)
MAX_INSTANCES = 100_000


@dataclass
class Feed:
    """A parsed calendar: its event instances in the window and what it says of itself."""

    events: list[EventInstance]
    method: str | None = None  # METHOD, upper case
    owners: frozenset[str] = frozenset()  # the calendar owner's addresses, lower case
    name: str | None = None  # X-WR-CALNAME
    outside: int = 0  # events (by UID) with no instance in the window

    @property
    def partial(self) -> bool:
        """An iTIP message: events missing from it are not removed from the calendar."""
        return self.method in PARTIAL_METHODS


def _mailto(value: Any) -> str | None:
    """The address of a CAL-ADDRESS property: `mailto:` stripped; Apple's `EMAIL=` parameter
    when the value is an `urn:uuid:` or a principal path; None when there is no address."""
    params = getattr(value, "params", None) or {}
    text = str(value or "").strip()
    if text.lower().startswith("mailto:"):
        text = text[7:]
    if "@" not in text and params.get("EMAIL"):
        text = str(params.get("EMAIL")).strip()
    return text if "@" in text else None


def _calendar_owners(calendar: Any) -> frozenset[str]:
    owners = set()
    for key in ("X-OWNER", "X-WR-CALNAME", "X-ORIGINAL-OWNER"):
        for value in _as_list(calendar.get(key)):
            address = _mailto(value)
            if address and " " not in address:
                owners.add(address.lower())
    return frozenset(owners)


def _as_utc(value: dt.date | dt.datetime, tz: dt.tzinfo) -> dt.datetime:
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:  # floating time: read in the calendar's zone
            value = value.replace(tzinfo=tz)
        try:
            return value.astimezone(dt.UTC)
        except OverflowError:  # e.g. 0001-01-01 in a zone ahead of UTC
            raise FeedError(f"The time {value.isoformat()} is out of range.") from None
    return dt.datetime.combine(value, dt.time(), dt.UTC)


def _recurrence_key(value: Any) -> str:
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC)
        return value.strftime("%Y%m%dT%H%M%S") + ("Z" if value.tzinfo else "")
    return value.strftime("%Y%m%d")


def parse(data: str | bytes, start: dt.datetime | None, end: dt.datetime,
          default_tz: str = "UTC") -> Feed:
    """Every event instance overlapping [start, end); `start` None: every date of the file
    (from its first event to its last, open recurrences up to `end`)."""
    if b"\x00" in data if isinstance(data, bytes) else "\x00" in data:
        raise FeedError("The feed contains NUL bytes; an iCalendar file is text.")
    try:
        calendar = icalendar.Calendar.from_ical(data)
    except (ValueError, IndexError, KeyError) as exc:
        raise FeedError(f"Not a readable iCalendar file: {exc}") from exc
    if calendar.name != "VCALENDAR":
        raise FeedError("Not an iCalendar file (no VCALENDAR).")
    zone_name = str(calendar.get("X-WR-TIMEZONE") or default_tz)
    try:
        tz: dt.tzinfo = ZoneInfo(zone_name)
    except (KeyError, ValueError):
        tz = ZoneInfo(default_tz)
    try:
        calendar = x_wr_timezone.to_standard(calendar)
    except Exception as exc:  # the library raises assorted errors on broken zones
        raise FeedError(f"Unreadable time zone data: {exc}") from exc
    components = calendar.walk("VEVENT")
    recurring = {str(e.get("UID")) for e in components
                 if e.get("RRULE") or e.get("RDATE") or e.get("RECURRENCE-ID")}
    if start is None:  # all the file's dates: its first event to its last (open recurrences
        # stop at `end`)
        begins = [_as_utc(e.get("DTSTART").dt, tz) for e in components
                  if e.get("DTSTART") is not None]
        start = min(begins, default=end) - dt.timedelta(days=1)
        end = max([end, *(b + dt.timedelta(days=1) for b in begins)])
    try:
        occurrences = []
        for occurrence in recurring_ical_events.of(calendar).after(start):
            begins = occurrence.get("DTSTART")
            if begins is not None and _as_utc(begins.dt, tz) >= end:
                break
            occurrences.append(occurrence)
            if len(occurrences) > MAX_INSTANCES:
                raise FeedError(f"The calendar has more than {MAX_INSTANCES:,} events in the "
                                "dates synced; shorten the window or split the file.")
    except FeedError:
        raise
    except Exception as exc:
        raise FeedError(f"Cannot expand the events: {exc}") from exc
    method = str(calendar.get("METHOD") or "").strip().upper() or None
    instances = []
    for event in occurrences:
        if event.name != "VEVENT" or not event.get("UID") or not event.get("DTSTART"):
            continue
        uid = str(event.get("UID"))
        begin = event.get("DTSTART").dt
        all_day = not isinstance(begin, dt.datetime)
        finish_prop = event.get("DTEND")
        if finish_prop is not None:
            finish = finish_prop.dt
        elif event.get("DURATION") is not None:
            finish = begin + event.get("DURATION").dt
        else:
            finish = begin + (dt.timedelta(days=1) if all_day else dt.timedelta())
        recurrence = event.get("RECURRENCE-ID")
        description = str(event.get("DESCRIPTION") or "")
        alt = event.get("X-ALT-DESC")
        if alt is not None and "html" in str(alt.params.get("FMTTYPE", "")).lower():
            description = str(alt)
        modified = event.get("LAST-MODIFIED") or event.get("DTSTAMP")
        instances.append(EventInstance(
            uid=uid,
            recurrence_id=_recurrence_key(recurrence.dt) if recurrence is not None
            and uid in recurring else "",
            sequence=int(event.get("SEQUENCE") or 0),
            last_modified=_as_utc(modified.dt, tz) if modified is not None else None,
            summary=str(event.get("SUMMARY") or "").strip(),
            description=html_to_text(description),
            location=str(event.get("LOCATION")).strip() or None if event.get("LOCATION")
            else None,
            starts_at=_as_utc(begin, tz),
            ends_at=_as_utc(finish, tz),
            all_day=all_day,
            cancelled=str(event.get("STATUS") or "").upper() == "CANCELLED"
            or method == "CANCEL",
            organizer=_mailto(event.get("ORGANIZER")),
            attendees=[Attendee(email, str(a.params.get("CN")) if a.params.get("CN") else None,
                                str(a.params.get("CUTYPE") or "INDIVIDUAL").upper())
                       for a in _as_list(event.get("ATTENDEE"))
                       if (email := _mailto(a))],
        ))
    seen = {instance.uid for instance in instances}
    return Feed(instances, method, _calendar_owners(calendar),
                str(calendar.get("X-WR-CALNAME") or "").strip() or None,
                len({str(e.get("UID")) for e in components if e.get("UID")} - seen))


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]
