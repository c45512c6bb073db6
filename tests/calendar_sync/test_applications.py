"""Calendar exports written the way Google Calendar, Outlook / Microsoft 365 and Apple Calendar
write them (feeds/*-export.ics), read and synced into a fresh account; each file's
`.expected.json` lists what a careful person would enter by hand: the customers (names,
emails, phones) and every appointment, with the addresses that are never customers (the
calendar's owner, the organizer, colleagues, rooms).

Besides the three files, the classes of input they stand for, each in a few lines: Outlook's
own zone names (a "Customized Time Zone" per file, numbered copies, Windows names without a
VTIMEZONE, Exchange's UTC), an X-WR-TIMEZONE that is no IANA name, floating times, the HTML
description Outlook writes beside the plain one, and the forms of a calendar user's address."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from clientele.accounts.principal import Principal
from clientele.calendar_sync import ics, sources
from clientele.calendar_sync.sync import Window, run_sync
from clientele.core import db

FEEDS = Path(__file__).parent / "feeds"
EXPORTS = ["google-export", "outlook-export", "apple-export"]
WIDE = Window(dt.datetime(2026, 1, 1, tzinfo=dt.UTC), dt.datetime(2027, 12, 31, tzinfo=dt.UTC))


def _expected(name: str) -> dict[str, Any]:
    return json.loads((FEEDS / f"{name}.expected.json").read_text(encoding="utf-8"))


def _parse(data: bytes, default_tz: str = "UTC") -> ics.Feed:
    return ics.parse(data, WIDE.start, WIDE.end, default_tz)


def _utc(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _bag(rows: Any) -> list[Any]:
    """Rows in an order that ignores the order they came in (None sorts too)."""
    return sorted(rows, key=repr)


def _by_summary(feed: ics.Feed, summary: str) -> list[ics.EventInstance]:
    return sorted((e for e in feed.events if e.summary == summary), key=lambda e: e.starts_at)


# --- the three exports, read ---------------------------------------------------------------

@pytest.mark.parametrize("name", EXPORTS)
def test_every_instance_is_read_where_the_application_put_it(name: str) -> None:
    """Recurrences expanded, overrides and EXDATEs applied, UTC right on both sides of the
    end of summer time (25 October 2026; 1 November in New York), all-day kept."""
    expected = _expected(name)
    feed = _parse((FEEDS / f"{name}.ics").read_bytes())
    got = sorted((e.summary, _utc(e.starts_at), _utc(e.ends_at), e.all_day, e.cancelled)
                 for e in feed.events)
    assert got == sorted((a["title"], a["starts_at"], a["ends_at"], a["all_day"],
                          a["cancelled"]) for a in expected["appointments"])
    assert feed.owners == frozenset(expected["owners"])
    assert feed.outside == 0


def test_google_export() -> None:
    feed = _parse((FEEDS / "google-export.ics").read_bytes())
    assert (feed.method, feed.name) == ("PUBLISH", "lena.weber@praxis-weber.ch")
    # the series: 20 October is an EXDATE, 27 October moved to the 28th, 10 November is past
    # its UNTIL; the override keeps the recurrence id of the instance it replaces
    series = _by_summary(feed, "Physio Thomas Brunner")
    assert [(e.recurrence_id, _utc(e.starts_at)) for e in series] == [
        ("20261013T070000Z", "2026-10-13T07:00:00Z"),
        ("20261027T080000Z", "2026-10-28T13:00:00Z"),
        ("20261103T080000Z", "2026-11-03T08:00:00Z")]
    shoulder = _by_summary(feed, "Kontrolle Schulter")[0]
    assert [(a.email, a.name, a.kind) for a in shoulder.attendees] == [
        ("c_1889a7c2b4e5f6d7a8b9c0d1e2f3a4b5@resource.calendar.google.com",
         "Praxis Weber-EG-Behandlungsraum 2 (1)", "RESOURCE"),
        ("lena.weber@praxis-weber.ch", "Lena Weber", "INDIVIDUAL"),
        ("marco.bernasconi@bluewin.ch", None, "INDIVIDUAL")]  # CN=the address: no name
    assert "Tel. +41791112233" in shoulder.description  # Google's HTML as text, tel: kept
    assert "<" not in shoulder.description
    closed = _by_summary(feed, "Praxis geschlossen – Weiterbildung")[0]
    assert closed.all_day and closed.ends_at - closed.starts_at == dt.timedelta(days=2)
    meet = _by_summary(feed, "Teamsitzung")[0]
    assert "Or dial: (CH) +41 44 956 30 55" in meet.description  # long lines unfolded


def test_outlook_export() -> None:
    feed = _parse((FEEDS / "outlook-export.ics").read_bytes())
    assert (feed.method, feed.name) == ("PUBLISH", "Dr. Martin Weber")
    # "Eastern Standard Time" has no VTIMEZONE in the file: 09:00 in New York (still summer
    # time there on 29 October) is 13:00 UTC
    video = _by_summary(feed, "Video consultation")[0]
    assert _utc(video.starts_at) == "2026-10-29T13:00:00Z"
    assert [(a.email, a.name) for a in video.attendees] == [
        ("james.oconnor@oconnor-law.com", "James O'Connor")]
    online = _by_summary(feed, "Online-Sitzung")[0]
    assert [(a.email, a.name) for a in online.attendees] == [
        ("anna.mueller@bluewin.ch", "Müller, Anna")]
    assert online.organizer == "m.weber@physio-weber.ch"
    # the plain DESCRIPTION, not the Word HTML beside it (its <style> is no text of the event)
    assert online.description.startswith("Guten Tag Frau Müller, anbei der Link")
    assert "font-family" not in online.description and "panose" not in online.description
    series = _by_summary(feed, "Physiotherapie Jonas Meier")
    assert {e.description for e in series} == {
        "Patient: Jonas Meier\nTel: 079 555 66 77\n"
        "Diagnose: Rückenschmerzen (lumbal), 9 Sitzungen verordnet"}
    sport = _by_summary(feed, "Sportmassage")[0]
    assert [(a.email, a.name) for a in sport.attendees] == [("lukas.steiner@gmx.ch", None)]
    room = _by_summary(feed, "Fallbesprechung")[0]
    assert [a.kind for a in room.attendees] == ["INDIVIDUAL", "RESOURCE"]


def test_apple_export() -> None:
    feed = _parse((FEEDS / "apple-export.ics").read_bytes())
    assert (feed.method, feed.name, feed.owners) == (None, "Praxis", frozenset())
    # urn:uuid: and principal-path values: the address is the EMAIL parameter
    massage = _by_summary(feed, "Massage")[0]
    assert massage.organizer == "lena.weber@icloud.com"
    assert [(a.email, a.name) for a in massage.attendees] == [
        ("anna.mueller@gmail.com", "Anna Müller"), ("lena.weber@icloud.com", "Lena Weber")]
    assert massage.location == "Praxis Weber, Seefeldstrasse 12, 8008 Zürich, Schweiz"
    # floating 09:00 read in the file's zone (Europe/Zurich, winter time): 08:00 UTC; the
    # e-mail alarm's ATTENDEE and DESCRIPTION are the alarm's, not the event's
    visit = _by_summary(feed, "Hausbesuch")[0]
    assert (_utc(visit.starts_at), _utc(visit.ends_at)) == ("2026-11-05T08:00:00Z",
                                                             "2026-11-05T09:00:00Z")
    assert [(a.email, a.name) for a in visit.attendees] == [
        ("peter.graf@sunrise.ch", None), ("lena.weber@icloud.com", "Lena Weber")]
    assert visit.description == ""
    first = _by_summary(feed, "Erstgespräch")[0]  # DURATION:PT45M instead of DTEND
    assert first.ends_at - first.starts_at == dt.timedelta(minutes=45)
    assert "Erinnerung" not in first.description
    series = _by_summary(feed, "Lymphdrainage")
    assert [e.recurrence_id for e in series] == [
        "20261020T060000Z", "20261027T070000Z", "20261103T070000Z"]


# --- the three exports, synced ---------------------------------------------------------------

async def _state(account: Any) -> dict[str, Any]:
    rows = await db.fetch(
        """SELECT (SELECT count(*) FROM customer WHERE account = $1) AS customers,
                  (SELECT count(*) FROM appointment WHERE account = $1) AS appointments,
                  (SELECT max(updated_at) FROM appointment WHERE account = $1) AS last_write,
                  (SELECT max(updated_at) FROM customer WHERE account = $1) AS last_customer""",
        account.id)
    return dict(rows[0])


@pytest.mark.parametrize("name", EXPORTS)
async def test_an_export_syncs_to_what_a_person_would_enter(name: str, account: Any) -> None:
    expected = _expected(name)
    actor = Principal.system(account, "calendar sync").actor
    source = await sources.find_or_create(actor, name, "UPLOAD", None)
    data = (FEEDS / f"{name}.ics").read_bytes()
    run = await run_sync(actor, source["id"], data, WIDE)  # no own domains configured
    appointments, customers = expected["appointments"], expected["customers"]
    assert run["error"] is None
    assert (run["events_seen"], run["appointments_created"], run["customers_created"],
            run["events_outside"], run["events_ignored"]) == (
        len(appointments), len(appointments), len(customers), 0, 0)

    people = await db.fetch(
        """SELECT id, salutation, first_name, last_name, email, mobile_phone, name_from_email,
                  source FROM customer WHERE account = $1""", account.id)
    assert _bag((p["salutation"], p["first_name"], p["last_name"], p["email"],
                 p["mobile_phone"], p["name_from_email"]) for p in people) == _bag(
        (c["salutation"], c["first_name"], c["last_name"], c["email"], c["mobile_phone"],
         c.get("name_from_email", False)) for c in customers)
    assert {p["source"] for p in people} == {"CALENDAR"}
    staff = set(expected["never_customers"])
    assert not staff & {p["email"] for p in people}

    key = {p["id"]: p["email"] or p["mobile_phone"] for p in people}
    stored = await db.fetch(
        """SELECT title, starts_at, ends_at, all_day, status, customer FROM appointment
           WHERE account = $1""", account.id)
    assert _bag((a["title"], _utc(a["starts_at"]), _utc(a["ends_at"]), a["all_day"],
                 a["status"] == "CANCELLED", key.get(a["customer"])) for a in stored) == _bag(
        (a["title"], a["starts_at"], a["ends_at"], a["all_day"], a["cancelled"], a["customer"])
        for a in appointments)
    active = [a for a in stored if a["status"] != "CANCELLED"]
    assert len(active) == sum(not a["cancelled"] for a in appointments)

    # the same file again, and the same calendar downloaded again with LF line ends (other
    # bytes, so every event is read and compared again): nothing is written
    state = await _state(account)
    again = [await run_sync(actor, source["id"], data, WIDE),
             await run_sync(actor, source["id"], data.replace(b"\r\n", b"\n"), WIDE)]
    for rerun in again:
        assert rerun["error"] is None
        assert (rerun["appointments_created"], rerun["appointments_updated"],
                rerun["appointments_cancelled"], rerun["customers_created"],
                rerun["events_seen"]) == (0, 0, 0, 0, len(appointments))
    assert await _state(account) == state


# --- the classes of input behind the files ---------------------------------------------------

def _calendar(*lines: str) -> bytes:
    return "\r\n".join(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//classes//EN", *lines,
                        "END:VCALENDAR", ""]).encode()


def _event(*lines: str, uid: str = "class-1@test") -> list[str]:
    return ["BEGIN:VEVENT", f"UID:{uid}", "DTSTAMP:20261001T000000Z", *lines, "END:VEVENT"]


def _vtimezone(tzid: str, standard: str, daylight: str) -> list[str]:
    """A zone as Outlook writes it (rules from 1601)."""
    return ["BEGIN:VTIMEZONE", f"TZID:{tzid}",
            "BEGIN:STANDARD", "DTSTART:16011028T030000", "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10",
            f"TZOFFSETFROM:{daylight}", f"TZOFFSETTO:{standard}", "END:STANDARD",
            "BEGIN:DAYLIGHT", "DTSTART:16010325T020000", "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3",
            f"TZOFFSETFROM:{standard}", f"TZOFFSETTO:{daylight}", "END:DAYLIGHT",
            "END:VTIMEZONE"]


def test_each_file_s_customized_time_zone_is_its_own() -> None:
    """Outlook names a zone it has no Windows name for "Customized Time Zone", in every file:
    one file's definition (Perth, UTC+8) is never the next one's (Zurich, UTC+1)."""
    def starts(standard: str, daylight: str) -> str:
        feed = _parse(_calendar(*_vtimezone("Customized Time Zone", standard, daylight),
                                *_event('DTSTART;TZID="Customized Time Zone":20261203T090000',
                                        'DTEND;TZID="Customized Time Zone":20261203T100000')))
        return _utc(feed.events[0].starts_at)

    assert starts("+0800", "+0900") == "2026-12-03T01:00:00Z"
    assert starts("+0100", "+0200") == "2026-12-03T08:00:00Z"
    assert starts("+0800", "+0900") == "2026-12-03T01:00:00Z"


@pytest.mark.parametrize(("tzid", "utc"), [
    ("W. Europe Standard Time", "2026-12-03T08:00:00Z"),  # Windows names, no VTIMEZONE
    ("Romance Standard Time", "2026-12-03T08:00:00Z"),
    ("GMT Standard Time", "2026-12-03T09:00:00Z"),
    ("Eastern Standard Time 1", "2026-12-03T14:00:00Z"),  # Outlook's numbered copy
    ('"tzone://Microsoft/Utc"', "2026-12-03T09:00:00Z"),  # Exchange
    ("Europe/Zurich", "2026-12-03T08:00:00Z"),
    pytest.param("/freeassociation.sourceforge.net/Europe/Zurich", "2026-12-03T08:00:00Z",
                 marks=pytest.mark.filterwarnings("ignore::icalendar.error.GloballyUniqueTZIDGuessed")),
])
def test_zone_names_without_a_vtimezone(tzid: str, utc: str) -> None:
    # a calendar whose other events are in Tokyo: a name that is read must not fall back to
    # the calendar's zone
    feed = _parse(_calendar(*_event("DTSTART;TZID=Asia/Tokyo:20261201T090000", uid="tokyo"),
                            *_event(f"DTSTART;TZID={tzid}:20261203T090000")))
    assert _utc(next(e for e in feed.events if e.uid != "tokyo").starts_at) == utc


@pytest.mark.parametrize(("header", "default_tz", "utc"), [
    ((), "UTC", "2026-12-03T09:00:00Z"),  # nothing says where: the default
    ((), "Europe/Zurich", "2026-12-03T08:00:00Z"),
    (("X-WR-TIMEZONE:Europe/Zurich",), "UTC", "2026-12-03T08:00:00Z"),
    (("X-WR-TIMEZONE:W. Europe Standard Time",), "UTC", "2026-12-03T08:00:00Z"),
    (("X-WR-TIMEZONE:Mars/Olympus",), "UTC", "2026-12-03T09:00:00Z"),  # ignored, not fatal
    ((*_vtimezone("W. Europe Standard Time", "+0100", "+0200"),), "UTC",
     "2026-12-03T08:00:00Z"),  # the zone the file's other events use
])
def test_floating_times(header: tuple[str, ...], default_tz: str, utc: str) -> None:
    named = [] if not header or header[0].startswith("X-") else _event(
        "DTSTART;TZID=W. Europe Standard Time:20260105T120000", uid="named")
    feed = _parse(_calendar(*header, *named, *_event("DTSTART:20261203T090000",
                                                     "DTEND:20261203T100000")), default_tz)
    floating = next(e for e in feed.events if e.uid != "named")
    assert _utc(floating.starts_at) == utc


def test_a_floating_series_keeps_its_wall_clock_time_across_summer_time() -> None:
    feed = _parse(_calendar(
        *_vtimezone("W. Europe Standard Time", "+0100", "+0200"),
        *_event("DTSTART;TZID=W. Europe Standard Time:20260105T120000", uid="named"),
        *_event("DTSTART:20261020T090000", "DURATION:PT1H", "RRULE:FREQ=WEEKLY;COUNT=3",
                "EXDATE:20261027T090000", uid="series")))
    assert [_utc(e.starts_at) for e in sorted(feed.events, key=lambda e: e.starts_at)
            if e.uid == "series"] == ["2026-10-20T07:00:00Z", "2026-11-03T08:00:00Z"]


def test_outlook_s_html_description_is_read_when_it_is_the_only_one() -> None:
    feed = _parse(_calendar(*_event(
        "DTSTART:20261203T090000Z", "DESCRIPTION:\\n",
        "X-ALT-DESC;FMTTYPE=text/html:<html><head><style>p {margin:0\\; font-size:11pt\\;}"
        "</style></head><body><p>Kundin: Müller\\, Anna</p><p>Natel: 079 123 45 67</p>"
        "</body></html>")))
    text = feed.events[0].description
    assert "Kundin: Müller, Anna\nNatel: 079 123 45 67" in text
    assert "\\" not in text


@pytest.mark.parametrize(("line", "email", "name"), [
    ("ATTENDEE;CN=Anna Müller:mailto:anna@example.com", "anna@example.com", "Anna Müller"),
    ("ATTENDEE;CN=Anna Müller:MAILTO:anna@example.com", "anna@example.com", "Anna Müller"),
    ('ATTENDEE;CN="Müller, Anna";RSVP=TRUE:mailto:anna@example.com', "anna@example.com",
     "Müller, Anna"),
    ("ATTENDEE;CN=anna@example.com;X-NUM-GUESTS=0:mailto:anna@example.com",
     "anna@example.com", None),
    ("ATTENDEE;CN='anna@example.com';RSVP=TRUE:mailto:anna@example.com", "anna@example.com",
     None),
    ('ATTENDEE;CN="Anna Müller";EMAIL="anna@example.com":urn:uuid:5c6f2a1e-8d3b-4e7a-9f10',
     "anna@example.com", "Anna Müller"),
    ("ATTENDEE;CN=Anna Müller;EMAIL=anna@example.com:/1847563920/principal/",
     "anna@example.com", "Anna Müller"),
    ("ATTENDEE;CUTYPE=INDIVIDUAL;EMAIL=anna@example.com;PARTSTAT=ACCEPTED:urn:uuid:A592CF8B",
     "anna@example.com", None),
    ("ATTENDEE;CN=Anna Müller:invalid:nomail", None, None),  # a name without an address
])
def test_a_calendar_user_s_address_in_each_form(line: str, email: str | None,
                                                name: str | None) -> None:
    feed = _parse(_calendar(*_event("DTSTART:20261203T090000Z", line)))
    assert [(a.email, a.name) for a in feed.events[0].attendees] == (
        [(email, name)] if email else [])
