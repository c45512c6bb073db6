"""One event is one appointment, whatever file or calendar carries it (issue 14).

Calendars written here, synced the way a practice does (an export, a later export uploaded
under another name, a second staff calendar, an invitation file), with exact counts of
customers and active appointments after each step, and a second sync that writes nothing."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

import pytest

from clientele.accounts.principal import Principal
from clientele.calendar_sync import ignore_rules, sources
from clientele.calendar_sync.service import default_window, sync_source
from clientele.calendar_sync.sync import Window, run_sync
from clientele.core import db

WINDOW = Window(dt.datetime(2026, 10, 1, tzinfo=dt.UTC), dt.datetime(2027, 1, 31, tzinfo=dt.UTC))


@pytest.fixture
def actor(account):
    return Principal.system(account, "calendar sync").actor


@dataclass
class Event:
    uid: str
    start: str  # 20261110T090000Z
    summary: str = "Termin"
    sequence: int = 0
    modified: str | None = None
    status: str | None = None
    description: str = ""
    organizer: str | None = None
    attendees: list[str] = field(default_factory=list)  # ready-made ATTENDEE lines
    minutes: int = 60

    def lines(self) -> list[str]:
        begin = dt.datetime.strptime(self.start, "%Y%m%dT%H%M%SZ")
        end = (begin + dt.timedelta(minutes=self.minutes)).strftime("%Y%m%dT%H%M%SZ")
        out = ["BEGIN:VEVENT", f"UID:{self.uid}", "DTSTAMP:20261101T080000Z",
               f"DTSTART:{self.start}", f"DTEND:{end}", f"SEQUENCE:{self.sequence}",
               f"SUMMARY:{self.summary}"]
        if self.modified:
            out.append(f"LAST-MODIFIED:{self.modified}")
        if self.status:
            out.append(f"STATUS:{self.status}")
        if self.description:
            out.append("DESCRIPTION:" + self.description.replace("\n", "\\n"))
        if self.organizer:
            out.append(self.organizer)
        out += self.attendees
        return [*out, "END:VEVENT"]


def calendar(*events: Event, method: str | None = None, header: tuple[str, ...] = ()) -> bytes:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Clientele tests//EN", *header]
    if method:
        lines.append(f"METHOD:{method}")
    for event in events:
        lines += event.lines()
    lines.append("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode()


def person(name: str, email: str) -> str:
    return f"Name: {name}\nE-Mail: {email}"


async def _source(actor, name: str):
    return await sources.find_or_create(actor, name, "UPLOAD", None)


async def _sync(actor, source, data: bytes, window: Window = WINDOW):
    run = await run_sync(actor, source["id"], data, window, set(source["own_domains"]))
    assert run["error"] is None, run["error"]
    return run


async def _counts(account) -> tuple[int, int]:
    """(customers, active appointments)."""
    rows = await db.fetch(
        """SELECT (SELECT count(*) FROM customer WHERE account = $1) AS customers,
                  (SELECT count(*) FROM appointment WHERE account = $1
                     AND status <> 'CANCELLED') AS active""", account.id)
    return rows[0]["customers"], rows[0]["active"]


async def _appointment(account, uid: str):
    rows = await db.fetch("SELECT * FROM appointment WHERE account = $1 AND event_uid = $2",
                          account.id, uid)
    assert len(rows) == 1, f"{len(rows)} appointments for {uid}"
    return rows[0]


async def _writes_nothing(actor, account, source, data: bytes) -> None:
    before = await db.fetch("SELECT max(updated_at) AS a, count(*) AS n FROM appointment "
                            "WHERE account = $1", account.id)
    customers = await db.fetch("SELECT max(updated_at) AS a FROM customer WHERE account = $1",
                               account.id)
    run = await _sync(actor, source, data)
    assert (run["appointments_created"], run["appointments_updated"],
            run["appointments_cancelled"], run["customers_created"]) == (0, 0, 0, 0)
    after = await db.fetch("SELECT max(updated_at) AS a, count(*) AS n FROM appointment "
                           "WHERE account = $1", account.id)
    assert dict(after[0]) == dict(before[0])
    assert (await db.fetch("SELECT max(updated_at) AS a FROM customer WHERE account = $1",
                           account.id))[0]["a"] == customers[0]["a"]


async def test_the_same_uid_in_several_files_is_one_appointment(actor, account) -> None:
    anna = person("Anna Keller", "anna.keller@example.com")
    marco = person("Marco Rossi", "marco.rossi@example.com")
    moved = Event("visit-1@praxis", "20261110T100000Z", "Physio", sequence=1, description=anna)
    other = Event("visit-2@praxis", "20261111T090000Z", "Physio", description=marco)
    first = await _source(actor, "export-monday.ics")
    await _sync(actor, first, calendar(moved, other))
    assert await _counts(account) == (2, 2)
    await _writes_nothing(actor, account, first, calendar(moved, other))

    # an older export of the same calendar, uploaded under another name: SEQUENCE 0 is stale
    stale = Event("visit-1@praxis", "20261110T090000Z", "Physio", sequence=0, description=anna)
    second = await _source(actor, "export-old.ics")
    run = await _sync(actor, second, calendar(stale, other))
    assert (run["appointments_created"], run["appointments_updated"]) == (0, 0)
    assert await _counts(account) == (2, 2)
    assert (await _appointment(account, "visit-1@praxis"))["starts_at"] == dt.datetime(
        2026, 11, 10, 10, tzinfo=dt.UTC)

    # a second staff calendar with the invitation copied in, moved again (SEQUENCE 2)
    third = await _source(actor, "assistant.ics")
    again = Event("visit-1@praxis", "20261110T140000Z", "Physio", sequence=2, description=anna)
    run = await _sync(actor, third, calendar(again))
    assert (run["appointments_created"], run["appointments_updated"]) == (0, 1)
    assert await _counts(account) == (2, 2)
    visit = await _appointment(account, "visit-1@praxis")
    assert visit["starts_at"] == dt.datetime(2026, 11, 10, 14, tzinfo=dt.UTC)
    await _writes_nothing(actor, account, third, calendar(again))
    # the first file again (still SEQUENCE 1): stale now, nothing moves back
    await _writes_nothing(actor, account, first, calendar(moved, other))
    assert (await _appointment(account, "visit-1@praxis"))["starts_at"] == visit["starts_at"]

    # the cancelled copy (SEQUENCE 3) cancels it, from whichever file
    cancelled = Event("visit-1@praxis", "20261110T140000Z", "Physio", sequence=3,
                      status="CANCELLED", description=anna)
    run = await _sync(actor, second, calendar(cancelled, other))
    assert run["appointments_cancelled"] == 1
    assert await _counts(account) == (2, 1)
    assert (await _appointment(account, "visit-1@praxis"))["status"] == "CANCELLED"


async def test_equal_sequences_are_decided_by_last_modified(actor, account) -> None:
    anna = person("Anna Keller", "anna.keller@example.com")
    newer = Event("lm@praxis", "20261112T100000Z", modified="20261105T120000Z",
                  description=anna)
    older = Event("lm@praxis", "20261112T080000Z", modified="20261101T120000Z",
                  description=anna)
    one, two = await _source(actor, "a.ics"), await _source(actor, "b.ics")
    await _sync(actor, one, calendar(newer))
    run = await _sync(actor, two, calendar(older))
    assert run["appointments_updated"] == 0
    assert (await _appointment(account, "lm@praxis"))["starts_at"].hour == 10


async def test_removed_from_one_feed_cancels_only_when_no_source_has_it(actor, account) -> None:
    anna = person("Anna Keller", "anna.keller@example.com")
    marco = person("Marco Rossi", "marco.rossi@example.com")
    shared = Event("shared@praxis", "20261113T090000Z", description=anna)
    own = Event("own@praxis", "20261114T090000Z", description=marco)
    mine, theirs = await _source(actor, "mine.ics"), await _source(actor, "theirs.ics")
    await _sync(actor, mine, calendar(shared, own))
    await _sync(actor, theirs, calendar(shared))
    assert await _counts(account) == (2, 2)
    run = await _sync(actor, mine, calendar(own))  # gone from mine, still in theirs
    assert run["appointments_cancelled"] == 0
    assert await _counts(account) == (2, 2)
    run = await _sync(actor, theirs, calendar(Event("else@praxis", "20261115T090000Z")))
    assert run["appointments_cancelled"] == 1  # no source carries it any more
    assert (await _appointment(account, "shared@praxis"))["status"] == "CANCELLED"
    assert await _counts(account) == (2, 2)  # own + the unmatched "else"


async def test_a_partial_file_never_cancels_the_others(actor, account) -> None:
    anna = person("Anna Keller", "anna.keller@example.com")
    marco = person("Marco Rossi", "marco.rossi@example.com")
    source = await _source(actor, "calendar.ics")
    await _sync(actor, source, calendar(Event("p1@praxis", "20261116T090000Z", description=anna),
                                        Event("p2@praxis", "20261117T090000Z",
                                              description=marco)))
    # an invitation file (iTIP REQUEST) carries one event: the other one stays
    invite = Event("p3@praxis", "20261118T090000Z", description=anna)
    run = await _sync(actor, source, calendar(invite, method="REQUEST"))
    assert (run["appointments_created"], run["appointments_cancelled"]) == (1, 0)
    assert await _counts(account) == (2, 3)
    # a METHOD:CANCEL file cancels what it lists, nothing else
    run = await _sync(actor, source, calendar(invite, method="CANCEL"))
    assert run["appointments_cancelled"] == 1
    assert await _counts(account) == (2, 2)
    # staff said "this file only adds and changes events": nothing missing is removed
    await sources.update(actor, source["id"], {"cancel_missing": False})
    source = await sources.get(account.id, source["id"])
    run = await sync_source(actor, source, calendar(
        Event("p4@praxis", "20261119T090000Z", description=marco)), window=WINDOW)
    assert (run["appointments_created"], run["appointments_cancelled"]) == (1, 0)
    assert await _counts(account) == (2, 3)


async def test_an_upload_sees_every_date_and_a_window_says_what_it_left_out(actor,
                                                                           account) -> None:
    now = dt.datetime.now(dt.UTC)
    old = [Event(f"old-{n}@praxis", (now - dt.timedelta(days=730 + n)).strftime(
        "%Y%m%dT090000Z"), description=person(f"Kunde Nummer{n}", f"kunde{n}@example.com"))
        for n in range(5)]
    data = calendar(*old)
    upload = await _source(actor, "archive-2024.ics")
    assert upload["all_dates"] is True
    run = await sync_source(actor, upload, data)
    assert run["error"] is None
    assert (run["events_seen"], run["events_outside"], run["appointments_created"]) == (5, 0, 5)
    assert run["window_start"] is None
    assert await _counts(account) == (5, 5)
    await _writes_nothing(actor, account, upload, data)

    # the same file under the rolling window (as a URL feed is synced): nothing is silent
    windowed = await sources.update(actor, upload["id"], {"all_dates": False})
    window = default_window(windowed)
    assert window.start is not None
    run = await sync_source(actor, windowed, data)
    assert run["error"] is None
    assert (run["events_seen"], run["events_outside"]) == (0, 5)
    assert await _counts(account) == (5, 5)  # a window never cancels what lies outside it


async def test_staff_are_never_customers(actor, account) -> None:
    customer = f"lea.{uuid.uuid4().hex[:6]}@example.com"
    event = Event(
        "staff@praxis", "20261120T090000Z", "Behandlung",
        organizer="ORGANIZER;CN=Dr. Weber:mailto:weber@praxis-weber.ch",
        attendees=[
            "ATTENDEE;CN=Assistenz;CUTYPE=INDIVIDUAL:mailto:assistenz@praxis-weber.ch",
            "ATTENDEE;CN=Raum 2;CUTYPE=ROOM:mailto:raum2@rooms.example.net",
            "ATTENDEE;CN=Beamer;CUTYPE=RESOURCE:mailto:beamer@resources.example.net",
            "ATTENDEE;CN=Owner:mailto:practitioner@gmail.com",
            f"ATTENDEE;CN=Lea Frei;PARTSTAT=ACCEPTED:mailto:{customer}",
        ])
    # the calendar's owner (a gmail address: its domain says nothing, the address does)
    data = calendar(event, header=("X-WR-CALNAME:practitioner@gmail.com",))
    source = await _source(actor, "owner.ics")
    await _sync(actor, source, data)
    rows = await db.fetch("SELECT first_name, last_name, email FROM customer "
                          "WHERE account = $1", account.id)
    assert [dict(r) for r in rows] == [{"first_name": "Lea", "last_name": "Frei",
                                        "email": customer}]
    # an event with only staff, a room and the owner names no customer at all
    meeting = Event("team@praxis", "20261121T090000Z", "Teamsitzung",
                    organizer="ORGANIZER:mailto:weber@praxis-weber.ch",
                    attendees=["ATTENDEE:mailto:assistenz@praxis-weber.ch",
                               "ATTENDEE;CUTYPE=ROOM:mailto:raum2@rooms.example.net",
                               "ATTENDEE:mailto:practitioner@gmail.com"])
    await _sync(actor, source, calendar(event, meeting,
                                        header=("X-WR-CALNAME:practitioner@gmail.com",)))
    assert (await _counts(account)) == (1, 2)
    assert (await _appointment(account, "team@praxis"))["customer"] is None


async def test_the_accounts_own_domains_and_the_proposal(actor, account, gql) -> None:
    event = Event("d1@praxis", "20261122T090000Z",
                  organizer="ORGANIZER:mailto:empfang@studio-nord.de",
                  attendees=["ATTENDEE;CN=Tom Graf:mailto:tom@studio-nord-partner.de",
                             "ATTENDEE;CN=Eva Berg:mailto:eva.berg@example.org"])
    source = await _source(actor, "studio.ics")
    await _sync(actor, source, calendar(event))
    settings = await gql.data("{ me { account { ownDomains ownDomainSuggestions } } }")
    assert settings["me"]["account"] == {"ownDomains": [],
                                         "ownDomainSuggestions": ["studio-nord.de"]}
    # the partner studio's domain is the business's too: set it, re-sync, Tom is no customer
    result = await gql.data("mutation { accountSettingsUpdate(ownDomains: "
                            "[\"studio-nord.de\", \"@Studio-Nord-Partner.de\"]) "
                            "{ account { ownDomains ownDomainSuggestions } userErrors { code } } }")
    assert result["accountSettingsUpdate"]["account"] == {
        "ownDomains": ["studio-nord-partner.de", "studio-nord.de"], "ownDomainSuggestions": []}
    refused = await gql.data("mutation { accountSettingsUpdate(ownDomains: [\"gmail.com\"]) "
                             "{ userErrors { field code message } } }")
    assert refused["accountSettingsUpdate"]["userErrors"][0]["code"] == "INVALID"
    fresh = await _source(actor, "studio-2.ics")
    other = Event("d2@praxis", "20261123T090000Z",
                  attendees=["ATTENDEE;CN=Tom Graf:mailto:tom@studio-nord-partner.de"])
    await _sync(actor, fresh, calendar(other))
    assert (await _appointment(account, "d2@praxis"))["customer"] is None


async def test_an_ignore_rule_made_from_an_unmatched_event(actor, account, gql) -> None:
    anna = person("Anna Keller", "anna.keller@example.com")
    events = [Event("i1@praxis", "20261124T090000Z", "Teamsitzung Q4"),
              Event("i2@praxis", "20261201T090000Z", "TEAMSITZUNG Dezember"),
              Event("i3@praxis", "20261125T000000Z", "Praxis geschlossen"),
              Event("i4@praxis", "20261126T090000Z", "Teamsitzung mit Anna", description=anna)]
    source = await _source(actor, "team.ics")
    await _sync(actor, source, calendar(*events))
    listed = await gql.data("{ unmatchedAppointments(first: 50) { totalCount "
                            "edges { node { title } } } }")
    assert listed["unmatchedAppointments"]["totalCount"] == 3
    assert len(listed["unmatchedAppointments"]["edges"]) == 3
    made = await gql.data("mutation { calendarIgnoreRuleCreate(titleContains: \"teamsitzung\") "
                          "{ rule { id titleContains } removedAppointments userErrors { code } } }")
    payload = made["calendarIgnoreRuleCreate"]
    assert payload["removedAppointments"] == 2 and payload["userErrors"] == []
    assert await _counts(account) == (1, 2)  # Anna's Teamsitzung names her: it stays
    run = await _sync(actor, source, calendar(*events))
    assert (run["events_ignored"], run["appointments_created"]) == (2, 0)
    assert await _counts(account) == (1, 2)
    rules = await ignore_rules.list_rules(account.id)
    assert [r["title_contains"] for r in rules] == ["teamsitzung"]
    await gql.data("mutation($id: ID!) { calendarIgnoreRuleDelete(id: $id) "
                   "{ userErrors { code } } }", id=payload["rule"]["id"])
    run = await _sync(actor, source, calendar(*events))
    assert (run["events_ignored"], run["appointments_created"]) == (0, 2)
    assert await _counts(account) == (1, 4)


NAMES = [
    ("Dr. med. Hans-Peter van der Berg", "Dr. med.", "Hans-Peter", "van der Berg"),
    ("Frau Ayşe Yılmaz", "Frau", "Ayşe", "Yılmaz"),
    ("Jürgen Großmann", None, "Jürgen", "Großmann"),
    ("Søren Ødegård", None, "Søren", "Ødegård"),
    ("Łukasz Wałęsa", None, "Łukasz", "Wałęsa"),
    ("Mme Marie-Claire de la Fontaine", "Mme", "Marie-Claire", "de la Fontaine"),
    ("Mia", None, "Mia", None),
]


async def test_names_as_written_through_a_sync(actor, account) -> None:
    events = [Event(f"name-{n}@praxis", f"202611{10 + n}T090000Z",
                    description=person(name, f"person{n}.{uuid.uuid4().hex[:6]}@example.com"))
              for n, (name, *_parts) in enumerate(NAMES)]
    events.append(Event("viet@praxis", "20261127T090000Z",
                        description=person("Nguyễn Thị Minh Khai", "nguyen.khai@example.com")))
    source = await _source(actor, "names.ics")
    await _sync(actor, source, calendar(*events))
    rows = {r["email"].split(".")[0]: r for r in await db.fetch(
        "SELECT * FROM customer WHERE account = $1", account.id)}
    for n, (_name, salutation, first, last) in enumerate(NAMES):
        row = rows[f"person{n}"]
        assert (row["salutation"], row["first_name"], row["last_name"]) == (
            salutation, first, last)
        assert row["name_from_email"] is False
    viet = rows["nguyen"]
    assert f"{viet['first_name']} {viet['last_name']}" == "Nguyễn Thị Minh Khai"


async def test_a_name_guessed_from_the_email_is_marked_and_replaced(actor, account) -> None:
    email = f"jana.novak+{uuid.uuid4().hex[:4]}@example.com"
    source = await _source(actor, "guess.ics")
    bare = Event("g1@praxis", "20261128T090000Z", attendees=[f"ATTENDEE:mailto:{email}"])
    await _sync(actor, source, calendar(bare))
    [guessed] = await db.fetch("SELECT * FROM customer WHERE account = $1", account.id)
    assert guessed["name_from_email"] is True and guessed["first_name"] == "Jana"
    named = Event("g2@praxis", "20261129T090000Z", description=person("Jana Nováková", email))
    await _sync(actor, source, calendar(bare, named))
    [known] = await db.fetch("SELECT * FROM customer WHERE account = $1", account.id)
    assert (known["first_name"], known["last_name"], known["name_from_email"]) == (
        "Jana", "Nováková", False)


async def test_the_database_refuses_a_stale_copy_whatever_python_thought(actor,
                                                                          account) -> None:
    """Two sources syncing at once each read the stored row before either writes: the
    upsert's own condition keeps the newer copy, whichever statement comes last."""
    from clientele.appointments import writes

    one, two = await _source(actor, "race-1.ics"), await _source(actor, "race-2.ics")

    def copy(sequence: int, hour: int) -> writes.Upsert:
        return writes.Upsert(customer=None, uid="race@praxis", recurrence_id="", title="Race",
                             starts_at=dt.datetime(2026, 11, 30, hour, tzinfo=dt.UTC),
                             ends_at=dt.datetime(2026, 11, 30, hour + 1, tzinfo=dt.UTC),
                             all_day=False, location=None, cancelled=False,
                             sequence=sequence, digest=f"d{sequence}")

    assert len(await writes.upsert_many(account.id, one["id"], [copy(2, 10)])) == 1
    assert await writes.upsert_many(account.id, two["id"], [copy(1, 8)]) == []  # stale: no row
    assert await writes.upsert_many(account.id, two["id"], [copy(2, 9)]) == []  # tie: stored
    stored = await _appointment(account, "race@praxis")
    assert (stored["starts_at"].hour, stored["calendar_source_id"]) == (10, one["id"])
    assert len(await writes.upsert_many(account.id, two["id"], [copy(3, 11)])) == 1
    stored = await _appointment(account, "race@praxis")
    assert (stored["starts_at"].hour, stored["calendar_source_id"]) == (11, two["id"])


async def test_a_series_that_would_expand_without_end_is_refused_before_expanding(
        actor, account) -> None:
    hostile = calendar(Event("minutely@praxis", "19900101T000000Z", minutes=1)).replace(
        b"SEQUENCE:0", b"SEQUENCE:0\r\nRRULE:FREQ=MINUTELY")
    source = await _source(actor, "hostile.ics")
    run = await sync_source(actor, source, hostile)  # every date: from 1990 on
    assert run["error"] is not None
    assert "repeat" in run["error"] or "more than" in run["error"]
    assert await _counts(account) == (0, 0)


async def test_floating_times_of_a_file_without_a_zone_are_the_accounts(actor, account) -> None:
    floating = calendar(Event("float@praxis", "20261110T090000Z",
                              description=person("Anna Keller", "anna.k@example.com")))
    floating = floating.replace(b"DTSTART:20261110T090000Z", b"DTSTART:20261110T090000") \
        .replace(b"DTEND:20261110T100000Z", b"DTEND:20261110T100000")
    source = await _source(actor, "floating.ics")
    await _sync(actor, source, floating)
    # the account's zone (Europe/Zurich by default): 09:00 there is 08:00 UTC in November
    assert (await _appointment(account, "float@praxis"))["starts_at"] == dt.datetime(
        2026, 11, 10, 8, tzinfo=dt.UTC)
