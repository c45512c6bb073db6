"""iCalendar feeds → event instances in a window (icalendar, recurring-ical-events,
x-wr-timezone). Recurrences are expanded, overrides applied, EXDATEs removed; all-day events
stay all-day; Google's X-WR-TIMEZONE is honoured.

Times are read the way each application writes them: a TZID is this file's VTIMEZONE (never
one another feed defined under the same name: Outlook calls its own zones "Customized Time
Zone"), an IANA name, a Windows name without a VTIMEZONE ("W. Europe Standard Time", also
Outlook's numbered copies "Eastern Standard Time 1"), or Exchange's "tzone://Microsoft/Utc".
Floating times (Apple's) are read in the calendar's zone: its X-WR-TIMEZONE, else the zone
most of its events name, else `default_tz`.

Besides the instances, a `Feed` says what the calendar says of itself: its METHOD (an iTIP
message such as REQUEST or CANCEL carries some events, never the whole calendar), the
addresses of its owner (X-OWNER, an X-WR-CALNAME that is an address, as Google writes for a
person's calendar: staff, never customers), and how many of its events fell outside the
window. People are read the way each application writes them: `mailto:` values, and Apple's
`EMAIL=` parameter on `urn:uuid:` values and principal paths; a CN that only repeats the address
(Google, Apple, Outlook's quoted 'anna@…') is no name. Descriptions: DESCRIPTION, the plain text
every application writes; Outlook's X-ALT-DESC HTML (styles and all) only when it is empty."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import recurring_ical_events
import x_wr_timezone
from dateutil import rrule as dateutil_rrule
from icalendar.parser import unescape_backslash
from icalendar.timezone import tzp
from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

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
STEPS_BUDGET = 300_000  # occurrences a calendar's rules may step through to find them
_UNTIL_UTC = re.compile(r"(UNTIL=\d{8}(?:T\d{6})?)Z", re.I)


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
    when the value is an `urn:uuid:`, a principal path or `invalid:nomail`; None when there
    is no address."""
    params = getattr(value, "params", None) or {}
    text = str(value or "").strip()
    if text.lower().startswith("mailto:"):
        text = text[7:].strip()
    if "@" not in text and params.get("EMAIL"):
        text = _mailto(str(params.get("EMAIL"))) or ""
    return text if "@" in text else None


def _display_name(value: Any) -> str | None:
    """An attendee's CN as a name: quotes and spaces trimmed; None when it is only an address
    (Google and Apple write the address as the CN when they know no name, Outlook sometimes
    quotes it: 'anna@example.com')."""
    cn = " ".join(str(value or "").split()).strip("'\"").strip()
    if not cn or (" " not in cn and "@" in cn):
        return None
    return cn


def _calendar_owners(calendar: Any) -> frozenset[str]:
    owners = set()
    for key in ("X-OWNER", "X-WR-CALNAME", "X-ORIGINAL-OWNER"):
        for value in _as_list(calendar.get(key)):
            address = _mailto(value)
            if address and " " not in address:
                owners.add(address.lower())
    return frozenset(owners)


MICROSOFT_UTC = re.compile(r"^tzone://microsoft/utc$", re.I)
NUMBERED = re.compile(r"\s+\d+$")  # Outlook's "W. Europe Standard Time 1": a copy of the zone
VTIMEZONE_ID = re.compile(rb"^TZID:([^\r\n]*)", re.M)
# the properties of an event that hold its times (RFC 5545)
TIME_PROPERTIES = ("DTSTART", "DTEND", "DUE", "RECURRENCE-ID", "EXDATE", "RDATE")


def _zone(name: str) -> dt.tzinfo | None:
    """The zone a TZID or X-WR-TIMEZONE names, or None: IANA and Windows names and this file's
    VTIMEZONEs (icalendar's lookup), Outlook's numbered copies, Exchange's UTC."""
    name = name.strip().strip('"').strip()
    if not name:
        return None
    if MICROSOFT_UTC.match(name):
        return dt.UTC
    for candidate in dict.fromkeys((name, NUMBERED.sub("", name))):
        try:
            zone = tzp.timezone(candidate)
        except Exception:  # a name the provider chokes on is simply unknown
            zone = None
        if zone is not None:
            return zone
    return None


def _names_zones_of_its_own(data: str | bytes) -> bool:
    """Whether the file defines a zone under a name that is neither IANA nor Windows
    ("Customized Time Zone", "Westeuropäische Normalzeit"): such a name means what this
    file's VTIMEZONE says, whatever another file meant by it."""
    raw = data.encode() if isinstance(data, str) else data
    for match in VTIMEZONE_ID.finditer(raw):
        name = match[1].decode("utf-8", "replace").strip().strip('"')
        if name in WINDOWS_TO_OLSON or NUMBERED.sub("", name) in WINDOWS_TO_OLSON:
            continue
        try:
            ZoneInfo(name)
        except Exception:  # not found, not a key, a directory: no IANA name
            return True
    return False


def _calendar_zone(calendar: Any, default_tz: str) -> tuple[dt.tzinfo, bool]:
    """The zone of the calendar's floating times, and whether its X-WR-TIMEZONE named it:
    X-WR-TIMEZONE, else the zone most of its events start in (Apple writes floating times
    beside a VTIMEZONE of the user's zone and no X-WR-TIMEZONE), else `default_tz`."""
    named = _zone(str(calendar.get("X-WR-TIMEZONE") or ""))
    if named is not None:
        return named, True
    used: Counter[str] = Counter()
    zones: dict[str, dt.tzinfo] = {}
    for event in calendar.walk("VEVENT"):
        start = event.get("DTSTART")
        begin = getattr(start, "dt", None)
        if isinstance(begin, dt.datetime) and begin.tzinfo is not None \
                and start.params.get("TZID"):
            tzid = str(start.params["TZID"])
            used[tzid] += 1
            zones.setdefault(tzid, begin.tzinfo)
    if used:
        return zones[used.most_common(1)[0][0]], False
    try:
        return ZoneInfo(default_tz), False
    except (KeyError, ValueError):
        return dt.UTC, False


def _floating(value: Any) -> bool:
    if isinstance(value, tuple):  # an RDATE period
        return any(_floating(part) for part in value)
    return isinstance(value, dt.datetime) and value.tzinfo is None


def _place(value: Any, zone: dt.tzinfo) -> Any:
    """A naive date-time (or period) of the file read in `zone`; anything else as it is."""
    if isinstance(value, tuple):
        return tuple(_place(part, zone) for part in value)
    if isinstance(value, dt.datetime) and value.tzinfo is None:
        return value.replace(tzinfo=zone)
    return value


def _read_times(calendar: Any, default_tz: str) -> tuple[dt.tzinfo, bool]:
    """Give every event time its zone before the expansion: a TZID icalendar could not
    resolve (no VTIMEZONE, a Windows name it does not map), then floating times in the
    calendar's zone. Returns that zone and whether X-WR-TIMEZONE named it."""
    floating = []
    for event in calendar.walk("VEVENT"):
        for name in TIME_PROPERTIES:
            for prop in _as_list(event.get(name)):
                values = [value for value in getattr(prop, "dts", None) or [prop]
                          if _floating(getattr(value, "dt", None))]
                if not values:
                    continue
                tzid = prop.params.get("TZID")
                zone = _zone(str(tzid)) if tzid else None
                if zone is None:
                    floating += values
                    continue
                for value in values:
                    value.dt = _place(value.dt, zone)
    tz, named = _calendar_zone(calendar, default_tz)
    for value in floating:
        value.dt = _place(value.dt, tz)
    return tz, named


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


def _naive(value: dt.date | dt.datetime) -> dt.datetime:
    """A wall-clock time to step a rule through (UNTIL read the same way: hours off at most,
    which does not matter for a bound)."""
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)
    return dt.datetime.combine(value, dt.time())


def _check_expansion(components: list[Any], start: dt.datetime, end: dt.datetime) -> None:
    """Refuse, before expanding, a calendar whose series would take more than STEPS_BUDGET
    repetitions to step from their first date to `end` (a MINUTELY rule since 1990), or that
    has more than MAX_INSTANCES events in [start, end): expanding it would hold the worker for
    minutes and its memory. A rule dateutil cannot read is left to the expansion to judge."""
    steps = instances = 0
    first, last = _naive(start.astimezone(dt.UTC)), _naive(end.astimezone(dt.UTC))
    for component in components:
        begin = component.get("DTSTART")
        if begin is None:
            continue
        rules = _as_list(component.get("RRULE"))
        if not rules:
            if first <= _naive(getattr(begin, "dt", first)) < last:
                instances += 1
            continue
        for rule in rules:
            text = _UNTIL_UTC.sub(r"\1", rule.to_ical().decode())
            try:
                series = dateutil_rrule.rrulestr(text, dtstart=_naive(begin.dt))
            except (ValueError, TypeError):
                continue
            for occurrence in series:
                if occurrence >= last:
                    break
                steps += 1
                instances += occurrence >= first
                if steps > STEPS_BUDGET:
                    raise FeedError(
                        f"An event repeats too often to be read: its series would need more "
                        f"than {STEPS_BUDGET:,} repetitions to reach the dates synced. End or "
                        "shorten the series in the calendar.")
                if instances > MAX_INSTANCES:
                    raise FeedError(f"The calendar has more than {MAX_INSTANCES:,} events in "
                                    "the dates synced; shorten the window or split the file.")
    if instances > MAX_INSTANCES:
        raise FeedError(f"The calendar has more than {MAX_INSTANCES:,} events in the dates "
                        "synced; shorten the window or split the file.")


def parse(data: str | bytes, start: dt.datetime | None, end: dt.datetime,
          default_tz: str = "UTC") -> Feed:
    """Every event instance overlapping [start, end); `start` None: every date of the file
    (from its first event to its last, open recurrences up to `end`)."""
    if b"\x00" in data if isinstance(data, bytes) else "\x00" in data:
        raise FeedError("The feed contains NUL bytes; an iCalendar file is text.")
    # icalendar keeps the zones of VTIMEZONEs it has read, process-wide and first come first
    # served: one Outlook file's "Customized Time Zone" (UTC+8) would be the next one's (UTC+1).
    # A file with such names gets a fresh cache (rebuilding zones costs ~30 ms a file, so not
    # for IANA and Windows names, which mean the same zone in every file).
    if _names_zones_of_its_own(data):
        icalendar.use_zoneinfo()
    try:
        calendar = icalendar.Calendar.from_ical(data)
    except (ValueError, IndexError, KeyError) as exc:
        raise FeedError(f"Not a readable iCalendar file: {exc}") from exc
    if calendar.name != "VCALENDAR":
        raise FeedError("Not an iCalendar file (no VCALENDAR).")
    tz, named = _read_times(calendar, default_tz)
    if named:  # Google: times in UTC shown in the calendar's zone (recurrences follow it)
        try:
            calendar = x_wr_timezone.to_standard(calendar, timezone=tz)
        except Exception as exc:  # the library raises assorted errors on broken zones
            raise FeedError(f"Unreadable time zone data: {exc}") from exc
    # applied above, or no zone at all: recurring-ical-events would apply it again (and fail on
    # a name that is not an IANA one, "W. Europe Standard Time")
    calendar.pop("X-WR-TIMEZONE", None)
    components = calendar.walk("VEVENT")
    recurring = {str(e.get("UID")) for e in components
                 if e.get("RRULE") or e.get("RDATE") or e.get("RECURRENCE-ID")}
    if start is None:  # all the file's dates: its first event to its last (open recurrences
        # stop at `end`)
        begins = [_as_utc(e.get("DTSTART").dt, tz) for e in components
                  if e.get("DTSTART") is not None]
        start = min(begins, default=end) - dt.timedelta(days=1)
        end = max([end, *(b + dt.timedelta(days=1) for b in begins)])
    _check_expansion(components, start, end)
    try:
        occurrences = recurring_ical_events.of(calendar).between(start, end)
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
        description = _description(event)
        modified = event.get("LAST-MODIFIED") or event.get("DTSTAMP")
        instances.append(EventInstance(
            uid=uid,
            recurrence_id=_recurrence_key(recurrence.dt) if recurrence is not None
            and uid in recurring else "",
            sequence=int(event.get("SEQUENCE") or 0),
            last_modified=_as_utc(modified.dt, tz) if modified is not None else None,
            summary=str(event.get("SUMMARY") or "").strip(),
            description=html_to_text(description),
            location=_one_line(event.get("LOCATION")),
            starts_at=_as_utc(begin, tz),
            ends_at=_as_utc(finish, tz),
            all_day=all_day,
            cancelled=str(event.get("STATUS") or "").upper() == "CANCELLED"
            or method == "CANCEL",
            organizer=_mailto(event.get("ORGANIZER")),
            attendees=[Attendee(email, _display_name(a.params.get("CN")),
                                str(a.params.get("CUTYPE") or "INDIVIDUAL").upper())
                       for a in _as_list(event.get("ATTENDEE"))
                       if (email := _mailto(a))],
        ))
    seen = {instance.uid for instance in instances}
    return Feed(instances, method, _calendar_owners(calendar),
                str(calendar.get("X-WR-CALNAME") or "").strip() or None,
                len({str(e.get("UID")) for e in components if e.get("UID")} - seen))


def _description(event: Any) -> str:
    """The event's text: DESCRIPTION, the plain text every application writes (Outlook
    converts its HTML body to it, links and all); Outlook's X-ALT-DESC HTML only when
    DESCRIPTION is empty (its <style> and Word markup are no text of the event). X-ALT-DESC is
    TEXT ([MS-OXCICAL]) that icalendar leaves escaped."""
    description = str(event.get("DESCRIPTION") or "")
    if description.strip():
        return description
    alt = event.get("X-ALT-DESC")
    if alt is not None and "html" in str(alt.params.get("FMTTYPE", "")).lower():
        return unescape_backslash(str(alt))
    return description


def _one_line(value: Any) -> str | None:
    """LOCATION on one line: Apple writes the place's name and its address on lines of their
    own."""
    lines = [" ".join(line.split()) for line in str(value or "").splitlines()]
    return ", ".join(line for line in lines if line) or None


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]
