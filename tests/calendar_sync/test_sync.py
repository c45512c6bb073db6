"""Realistic feeds through the whole sync: parsing, details, identity, upsert, sync runs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from clientele.accounts.principal import Principal
from clientele.calendar_sync import sources
from clientele.calendar_sync.sync import Window, run_sync
from clientele.core import db

FEEDS = Path(__file__).parent / "feeds"
WINDOW = Window(dt.datetime(2026, 10, 1, tzinfo=dt.UTC), dt.datetime(2027, 1, 31, tzinfo=dt.UTC))
OWN = {"praxis-muster.ch"}


@pytest.fixture
def actor(account):
    return Principal.system(account, "calendar sync").actor


async def _source(actor, name: str):
    return await sources.find_or_create(actor, name, "UPLOAD", None)


async def _sync(actor, source, feed: str | bytes):
    data = (FEEDS / feed).read_bytes() if isinstance(feed, str) else feed
    return await run_sync(actor, source["id"], data, WINDOW, OWN)


async def _state(account) -> dict:
    rows = await db.fetch(
        """SELECT (SELECT count(*) FROM customer WHERE account = $1) AS customers,
                  (SELECT count(*) FROM appointment WHERE account = $1) AS appointments,
                  (SELECT count(*) FROM appointment WHERE account = $1 AND customer IS NULL)
                      AS unmatched,
                  (SELECT count(*) FROM appointment WHERE account = $1 AND status = 'CANCELLED')
                      AS cancelled,
                  (SELECT max(updated_at) FROM appointment WHERE account = $1) AS last_write,
                  (SELECT max(updated_at) FROM customer WHERE account = $1) AS last_customer""",
        account.id)
    return dict(rows[0])


async def test_google_and_outlook_feeds(actor, account) -> None:
    google, outlook = await _source(actor, "google"), await _source(actor, "outlook")
    run = await _sync(actor, google, "google.ics")
    assert run["error"] is None
    assert (run["events_seen"], run["appointments_created"], run["customers_created"]) == (7, 7, 4)
    run = await _sync(actor, outlook, "outlook.ics")
    assert (run["events_seen"], run["appointments_created"], run["customers_created"],
            run["customers_matched"]) == (3, 3, 1, 1)  # Anna again, differently formatted
    state = await _state(account)
    assert (state["customers"], state["appointments"], state["unmatched"],
            state["cancelled"]) == (5, 10, 2, 1)

    people = {r["email"] or r["mobile_phone"]: r for r in await db.fetch(
        "SELECT * FROM customer WHERE account = $1", account.id)}
    assert set(people) == {"anna.mueller@example.com", "+41797654321", "lea.dubois@example.fr",
                           "luca.bianchi@example.it", "+41912345678"}
    anna = people["anna.mueller@example.com"]
    assert (anna["first_name"], anna["last_name"], anna["mobile_phone"], anna["source"]) == (
        "Anna", "Müller", "+41791234567", "CALENDAR")
    assert people["+41912345678"]["first_name"] == "Giulia"  # Italian labels, HTML
    assert not any("praxis-muster.ch" in (r["email"] or "") for r in people.values())

    marco = await db.fetch(
        """SELECT title, starts_at, recurrence_id FROM appointment WHERE account = $1
           AND event_uid = 'physio-marco@google.com' ORDER BY starts_at""", account.id)
    assert [(r["title"], r["starts_at"].isoformat()) for r in marco] == [
        ("Physiotherapy", "2026-11-02T08:00:00+00:00"),  # 9 Nov is an EXDATE
        ("Physiotherapy (moved)", "2026-11-16T10:00:00+00:00"),  # the overridden instance
        ("Physiotherapy", "2026-11-23T08:00:00+00:00")]
    offsite = (await db.fetch("SELECT * FROM appointment WHERE event_uid = 'offsite@google.com'"
                              " AND account = $1", account.id))[0]
    assert offsite["all_day"] and offsite["customer"] is None
    assert (offsite["ends_at"] - offsite["starts_at"]) == dt.timedelta(days=2)
    haircut = (await db.fetch("SELECT * FROM appointment WHERE event_uid LIKE 'haircut%' "
                              "AND account = $1", account.id))[0]
    assert haircut["starts_at"].isoformat() == "2026-11-05T08:00:00+00:00"  # 09:00 Zurich
    assert haircut["location"] == "Bahnhofstrasse 12, 8001 Zürich"
    colour = (await db.fetch("SELECT * FROM appointment WHERE title = 'Colour' AND account = $1",
                             account.id))[0]
    assert colour["starts_at"].isoformat() == "2026-12-03T14:00:00+00:00"  # W. Europe, CET

    # a second sync of unchanged feeds writes nothing
    again = [await _sync(actor, google, "google.ics"), await _sync(actor, outlook,
                                                                   "outlook.ics")]
    for run in again:
        assert (run["appointments_created"], run["appointments_updated"],
                run["appointments_cancelled"], run["customers_created"]) == (0, 0, 0, 0)
    assert await _state(account) == state


async def test_removed_events_are_cancelled_and_kept(actor, account) -> None:
    source = await _source(actor, "google")
    await _sync(actor, source, "google.ics")
    text = (FEEDS / "google.ics").read_text()
    start = text.index("BEGIN:VEVENT\nDTSTART;TZID=Europe/Zurich:20261105")
    end = text.index("END:VEVENT\n", start) + len("END:VEVENT\n")
    run = await _sync(actor, source, (text[:start] + text[end:]).encode())
    assert (run["appointments_cancelled"], run["appointments_created"]) == (1, 0)
    haircut = (await db.fetch("SELECT status, removed_from_source_at FROM appointment "
                              "WHERE event_uid LIKE 'haircut%' AND account = $1", account.id))[0]
    assert haircut["status"] == "CANCELLED" and haircut["removed_from_source_at"] is not None
    back = await _sync(actor, source, "google.ics")  # the event returns
    assert back["appointments_updated"] == 1


async def test_an_older_sequence_never_overwrites(actor, account) -> None:
    source = await _source(actor, "google")
    await _sync(actor, source, "google.ics")
    text = (FEEDS / "google.ics").read_text().replace(
        "SEQUENCE:2\nSUMMARY:Physiotherapy (moved)", "SEQUENCE:1\nSUMMARY:Stale title")
    run = await _sync(actor, source, text.encode())
    assert run["appointments_updated"] == 0
    titles = {r["title"] for r in await db.fetch(
        "SELECT title FROM appointment WHERE account = $1", account.id)}
    assert "Stale title" not in titles


@pytest.mark.parametrize("broken", [b"not a calendar", b"BEGIN:VCALENDAR\nBEGIN:VEVENT\n",
                                    b"BEGIN:VCARD\nEND:VCARD\n"])
async def test_a_malformed_feed_fails_the_run_and_keeps_what_is_stored(actor, account,
                                                                        broken) -> None:
    source = await _source(actor, "google")
    await _sync(actor, source, "google.ics")
    before = await _state(account)
    run = await _sync(actor, source, broken)
    assert run["error"] and run["finished_at"] is not None
    assert await _state(account) == before


async def test_cli_sync_file(database: str, tmp_path) -> None:
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    env = {**os.environ, "DATABASE_URL": database}
    args = [sys.executable, "-m", "clientele", "sync", str(FEEDS / "outlook.ics"),
            "--from", "2026-10-01", "--to", "2027-01-31"]
    first = subprocess.run(args, env=env, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert first.returncode == 0, first.stderr
    assert "3 events: 3 appointments created" in first.stdout
    second = subprocess.run(args, env=env, cwd=ROOT, capture_output=True, text=True,
                            timeout=120)
    assert "0 appointments created, 0 updated, 0 cancelled" in second.stdout
    missing = subprocess.run([*args[:4], str(tmp_path / "nope.ics")], env=env, cwd=ROOT,
                             capture_output=True, text=True, timeout=120)
    assert missing.returncode == 2


@pytest.mark.parametrize(("policy", "first_name", "conflicts"), [
    ("FILL_BLANKS", "Anna", 1), ("OVERWRITE", "Annette", 0), ("IGNORE", "Anna", 1)])
async def test_conflict_policy(actor, account, gql, policy, first_name, conflicts) -> None:
    await gql.data("mutation($p: ConflictPolicy!) { accountSettingsUpdate("
                   "calendarConflictPolicy: $p) { account { calendarConflictPolicy } } }",
                   p=policy)
    source = await _source(actor, "google")
    await _sync(actor, source, "google.ics")
    changed = (FEEDS / "google.ics").read_text().replace("Name: Anna Müller",
                                                         "Name: Annette Müller")
    await _sync(actor, source, changed.encode())
    anna = (await db.fetch("SELECT * FROM customer WHERE account = $1 AND email = "
                           "'anna.mueller@example.com'", account.id))[0]
    assert anna["first_name"] == first_name
    entries = await db.fetch("SELECT action FROM audit_event WHERE customer_id = $1 AND "
                             "action = 'CONFLICT'", anna["id"])
    assert len(entries) == conflicts


NAMED = [  # (ATTENDEE CN, email, expected salutation, first name, last name)
    ("Dr. med. Anna Müller", "anna.mueller", "Dr. med.", "Anna", "Müller"),
    ("Frau Mag. Ingrid Huber", "ingrid.huber", "Frau Mag.", "Ingrid", "Huber"),
    ("Ludwig van Beethoven", "ludwig", None, "Ludwig", "van Beethoven"),
    ("Hans-Peter Meier", "hp.meier", None, "Hans-Peter", "Meier"),
    ("Muster, Marie-Claire", "mc.muster", None, "Marie-Claire", "Muster"),
    ("Kıvanç Şahin", "kivanc", None, "Kıvanç", "Şahin"),
    ("Jürgen Groß", "juergen.gross", None, "Jürgen", "Groß"),
    ("Søren Bjørnsen", "soren", None, "Søren", "Bjørnsen"),
    ("Paweł Łukaszewski", "pawel", None, "Paweł", "Łukaszewski"),
    ("Nguyễn Thị Ánh", "anh.nguyen", None, "Nguyễn Thị", "Ánh"),
    ("Cher", "cher", None, "Cher", None),  # a first name only: no placeholder last name
]


async def test_names_are_kept_as_written_titles_apart(actor, account) -> None:
    """Every letter as the calendar wrote it; titles go to the salutation, particles to the
    last name, compound first names stay whole, a single name is a first name."""
    events = []
    for n, (name, local, *_rest) in enumerate(NAMED):
        events.append("\r\n".join([
            "BEGIN:VEVENT", f"UID:names-{n}@test", "DTSTAMP:20261101T080000Z",
            f"DTSTART:202611{10 + n:02d}T090000Z", f"DTEND:202611{10 + n:02d}T093000Z",
            "SUMMARY:Termin", "ORGANIZER:mailto:empfang@praxis-muster.ch",
            f'ATTENDEE;CN="{name}":mailto:{local}@kunden.example', "END:VEVENT"]))
    feed = "\r\n".join(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//names//EN",
                        *events, "END:VCALENDAR", ""]).encode()
    source = await _source(actor, "names")
    run = await _sync(actor, source, feed)
    assert (run["error"], run["customers_created"]) == (None, len(NAMED))
    rows = {r["email"]: r for r in await db.fetch(
        "SELECT salutation, first_name, last_name, email FROM customer WHERE account = $1",
        account.id)}
    for _name, local, salutation, first, last in NAMED:
        row = rows[f"{local}@kunden.example"]
        assert (row["salutation"], row["first_name"], row["last_name"]) == (
            salutation, first, last), row
    before = await _state(account)
    again = await _sync(actor, source, feed)  # nothing new: nothing written
    assert (again["appointments_created"], again["appointments_updated"]) == (0, 0)
    assert (await _state(account))["last_customer"] == before["last_customer"]


def _calendar(*events: list[str]) -> bytes:
    return "\r\n".join(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//staff//EN",
                        *("\r\n".join(["BEGIN:VEVENT", *lines, "END:VEVENT"]) for lines in events),
                        "END:VCALENDAR", ""]).encode()


async def test_staff_rooms_and_the_organizers_colleagues_are_never_customers(actor,
                                                                           account) -> None:
    def event(n: int, organizer: str, *attendees: str) -> list[str]:
        return [f"UID:staff-{n}@test", "DTSTAMP:20261101T080000Z",
                f"DTSTART:202611{10 + n:02d}T090000Z", f"DTEND:202611{10 + n:02d}T093000Z",
                "SUMMARY:Termin", f"ORGANIZER;CN=Empfang:mailto:{organizer}", *attendees]

    feed = _calendar(
        event(1, "empfang@praxis-huber.example",
              "ATTENDEE;CN=Dr. Meier;ROLE=REQ-PARTICIPANT:mailto:dr.meier@praxis-huber.example",
              "ATTENDEE;CUTYPE=ROOM;CN=Behandlungsraum 2:mailto:raum2@resource.calendar.example",
              "ATTENDEE;CN=Anna Kundin:mailto:anna.kundin@gmail.com"),
        event(2, "empfang@praxis-huber.example",
              "ATTENDEE;CN=Dr. Meier:mailto:dr.meier@praxis-huber.example",
              "ATTENDEE;CUTYPE=RESOURCE;CN=Beamer:mailto:beamer@resource.calendar.example"),
        # a practitioner on a generic mail service: a customer there is still a customer
        event(3, "solo.therapeutin@gmail.com",
              "ATTENDEE;CN=Bruno Kunde:mailto:bruno.kunde@gmail.com"))
    source = await _source(actor, "staff")
    run = await _sync(actor, source, feed)
    assert run["error"] is None
    emails = sorted(r["email"] for r in await db.fetch(
        "SELECT email FROM customer WHERE account = $1", account.id))
    assert emails == ["anna.kundin@gmail.com", "bruno.kunde@gmail.com"]
    state = await _state(account)
    assert (state["appointments"], state["unmatched"]) == (3, 1)  # event 2 has no customer
