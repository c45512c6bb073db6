"""Erasure (issue 16): after customerErase no text, JSON or byte column of any table holds the
person; their appointments stay as anonymised facts; the calendar that created them does not
create them again, nor does an import; a booking does (and lifts the suppression); upcoming
appointments refuse it unless forced; two instances' search indexes both forget them."""

from __future__ import annotations

import datetime as dt
import io
import random
import time
import uuid

import httpx
import pytest

from clientele.accounts.principal import Principal
from clientele.appointments import writes as appointment_writes
from clientele.blocking import services as blocking
from clientele.calendar_sync import sources
from clientele.calendar_sync.sync import Window, run_sync
from clientele.communications import queue
from clientele.core import db
from clientele.core.errors import DomainError
from clientele.customers import erasure, services
from clientele.customers.enums import CustomerSource
from clientele.customers.errors import CustomerErrorCode
from clientele.customers.imports import jobs
from clientele.customers.imports.jobs import Duplicates, ErrorPolicy
from tests.conftest import actor_of
from tests.waiting import eventually

WINDOW = Window(dt.datetime(2026, 10, 1, tzinfo=dt.UTC), dt.datetime(2027, 12, 31, tzinfo=dt.UTC))
TEXT_TYPES = ("text", "character varying", "character", "jsonb", "json", "ARRAY", "bytea")


class Person:
    """Unusual values no other test writes: a scan of the whole database can only find them
    where this test put them."""

    def __init__(self) -> None:
        tag = "".join(chr(ord("a") + int(c, 16)) for c in uuid.uuid4().hex[:8])
        digits = "".join(random.choice("0123456789") for _ in range(7))
        self.first = f"Zyrafin{tag[:4]}"
        self.last = f"Quoxbury{tag[4:]}"
        self.email = f"zq.{tag}@erasure-example.org"
        self.phone = f"079 {digits[:3]} {digits[3:5]} {digits[5:]}"
        self.e164 = f"+4179{digits}"

    @property
    def values(self) -> list[str]:
        return [self.first, self.last, self.email, self.phone, self.e164]


def _event(person: Person, uid: str, day: str) -> str:
    return (f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20261101T080000Z\r\n"
            f"DTSTART:{day}T090000Z\r\nDTEND:{day}T100000Z\r\n"
            f"SUMMARY:Haircut {person.first} {person.last}\r\n"
            f"LOCATION:at {person.last}'s\r\n"
            f"DESCRIPTION:Name: {person.first} {person.last}\\nEmail: {person.email}\\n"
            f"Phone: {person.phone}\r\nEND:VEVENT\r\n")


def _calendar(*events: str) -> bytes:
    return ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Tests//Erasure//EN\r\n"
            + "".join(events) + "END:VCALENDAR\r\n").encode()


async def traces(values: list[str]) -> list[tuple[str, str, int]]:
    """(table, column, rows) for every column of every table of the database holding any of
    `values` (any case; bytes as UTF-8)."""
    columns = await db.fetch(
        """SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
           JOIN information_schema.tables t USING (table_schema, table_name)
           WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
             AND c.data_type = ANY($1::text[])
           ORDER BY 1, 2""", list(TEXT_TYPES))
    assert any(c["table_name"] == "audit_event" for c in columns)
    found = []
    for column in columns:
        name = f'"{column["table_name"]}"."{column["column_name"]}"'
        test = (f"position(convert_to(v, 'UTF8') in {name}) > 0"
                if column["data_type"] == "bytea"
                else f"strpos(lower({name}::text), lower(v)) > 0")
        rows = await db.fetch(
            f'SELECT count(*) AS n FROM "{column["table_name"]}", unnest($1::text[]) AS v '
            f"WHERE {test}", values)
        if rows[0]["n"]:
            found.append((column["table_name"], column["column_name"], rows[0]["n"]))
    return found


async def _sync(actor, source, data: bytes):
    run = await run_sync(actor, source["id"], data, WINDOW, set())
    assert run["error"] is None, run
    return run


async def _import(actor, text: str, name: str, commit: bool = True) -> dict:
    job_id = await jobs.create(actor, name, io.BytesIO(text.encode()))
    await jobs.run_pending(job_id)
    if commit:
        await jobs.commit(actor, job_id, Duplicates.FILL, ErrorPolicy.IMPORT_VALID)
        await jobs.run_pending(job_id)
    job = await jobs.get(actor.account_id, job_id)
    assert job is not None
    return job


async def test_erasure_leaves_no_trace_and_the_calendar_does_not_bring_them_back(
        account) -> None:
    person, actor = Person(), actor_of(account)
    sync_actor = Principal.system(account, "calendar sync").actor
    source = await sources.find_or_create(sync_actor, "erasure.ics", "UPLOAD", None)
    first_file = _calendar(_event(person, "erasure-1@example.org", "20261105"))
    await _sync(sync_actor, source, first_file)
    [customer] = await db.fetch("SELECT * FROM customer WHERE account = $1", account.id)
    assert (customer["first_name"], customer["email"], customer["mobile_phone"]) == (
        person.first, person.email, person.e164)
    cid = customer["id"]

    # the person everywhere else they can be held: history values, a message, notes, a block
    # rule made and removed, a blocked booking attempt, imports (done and still to run)
    await services.update(actor, cid, {"notes": f"{person.last} prefers mornings"})
    message = await queue.manual(account.id, cid, "EMAIL", f"Hello {person.first}",
                                 f"Dear {person.first} {person.last}")
    await db.fetch(  # as the dispatcher leaves a sent message (its recipient, HTML, a bounce)
        """UPDATE communication SET recipient = $2::text, body_html = $3, error = $2::text,
                  status = 'SENT'
           WHERE id = $1""", message["id"], person.email, f"<p>{person.last}</p>")
    await db.fetch("UPDATE appointment SET notes = $2 WHERE account = $1",
                   account.id, f"Call {person.phone}")
    blocked = await services.get_or_raise(account.id, cid)
    await blocking.block_customer(actor, blocked, f"{person.first} never came")
    await blocking.unblock_customer(actor, blocked)
    await blocking.log_attempt(account.id, None, email=person.email,
                               name=blocking.full_name(person.first, person.last),
                               phone=person.e164, ip="127.0.0.1")
    header = "First name;Last name;E-Mail;Mobile;Company\r\n"
    done = await _import(actor, header + f"{person.first};{person.last};{person.email};;"
                         f"{person.last} AG\r\n{person.first};{person.last};not-an-email;;\r\n",
                         "done.csv")
    assert done["status"] == "SUCCEEDED" and done["counts"]["updated"] == 1, done
    waiting = await _import(actor, header + f"{person.first};{person.last};{person.email};"
                            f"{person.phone};\r\n", "waiting.csv", commit=False)
    assert waiting["status"] == "READY"
    before = await traces(person.values)
    for table in ("customer", "audit_event", "communication", "appointment",
                  "blocked_booking_attempt", "import_rejected", "import_change",
                  "import_row", "import_job", "import_file_chunk"):
        assert table in {t for t, _, _ in before}, (table, before)
    history = await db.fetch("SELECT count(*) AS n FROM audit_event WHERE customer_id = $1",
                             cid)

    assert await erasure.erase(actor, cid) is True

    assert await traces(person.values) == []
    facts = await db.fetch("SELECT * FROM appointment WHERE account = $1", account.id)
    assert [(a["customer"], a["title"], a["notes"], a["starts_at"], a["status"])
            for a in facts] == [(None, "", appointment_writes.ERASED_NOTE,
                                 dt.datetime(2026, 11, 5, 9, tzinfo=dt.UTC), "SCHEDULED")]
    sent = (await db.fetch("SELECT * FROM communication WHERE id = $1", message["id"]))[0]
    assert (sent["customer"], sent["status"], sent["kind"]) == (None, "SENT", "MANUAL")
    entries = await db.fetch(
        "SELECT action, actor_label, changes FROM audit_event WHERE customer_id = $1 "
        "ORDER BY created_at", cid)
    assert len(entries) == history[0]["n"] + 1
    assert (entries[-1]["action"], db.json_value(entries[-1]["changes"])) == ("ERASED", [])
    assert {"field": "notes", "from": None, "to": "erased"} in [
        c for e in entries for c in db.json_value(e["changes"])]
    assert (await jobs.get(account.id, waiting["id"]))["status"] == "FAILED"
    suppressed = await db.fetch("SELECT kind FROM erasure_suppression WHERE account = $1 "
                                "ORDER BY kind", account.id)
    assert [r["kind"] for r in suppressed] == ["EMAIL", "PHONE"]

    # the same calendar again, with a new event of theirs: nobody is created, both events
    # stay unlinked, blanked and marked
    await _sync(sync_actor, source, _calendar(
        _event(person, "erasure-1@example.org", "20261105"),
        _event(person, "erasure-2@example.org", "20261215")))
    assert await db.fetch("SELECT id FROM customer WHERE account = $1", account.id) == []
    events = await db.fetch("SELECT customer, title, notes FROM appointment "
                            "WHERE account = $1 ORDER BY starts_at", account.id)
    assert [tuple(e.values()) for e in events] == [(None, "", appointment_writes.ERASED_NOTE)] * 2
    assert await traces(person.values) == []


async def test_upcoming_appointments_refuse_unless_forced(account, gql) -> None:
    person = Person()
    row = await services.create(actor_of(account), {
        "first_name": person.first, "last_name": person.last, "email": person.email})
    starts = dt.datetime.now(dt.UTC) + dt.timedelta(days=3)
    await appointment_writes.insert_one(account.id, row["id"], title="Cut", services=["Cut"],
                                        starts_at=starts, ends_at=starts + dt.timedelta(hours=1),
                                        location=None)
    with pytest.raises(DomainError) as refused:
        await erasure.erase(actor_of(account), row["id"])
    assert refused.value.errors[0].code is CustomerErrorCode.UPCOMING_APPOINTMENTS
    assert await services.get(account.id, row["id"]) is not None

    from clientele.core import ids

    document = """mutation($id: ID!, $force: Boolean) { customerErase(id: $id, force: $force)
                  { erased userErrors { field code message } } }"""
    gid = ids.encode("Customer", row["id"])
    payload = (await gql.data(document, id=gid))["customerErase"]
    assert payload["erased"] is False
    assert [(e["field"], e["code"]) for e in payload["userErrors"]] == [
        ("force", "UPCOMING_APPOINTMENTS")]
    assert "1 upcoming appointment" in payload["userErrors"][0]["message"]
    payload = (await gql.data(document, id=gid, force=True))["customerErase"]
    assert payload == {"erased": True, "userErrors": []}
    kept = await db.fetch("SELECT customer, status, starts_at FROM appointment "
                          "WHERE account = $1", account.id)
    assert [(a["customer"], a["status"]) for a in kept] == [(None, "SCHEDULED")]
    payload = (await gql.data(document, id=gid))["customerErase"]
    assert [e["code"] for e in payload["userErrors"]] == ["NOT_FOUND"]


async def test_a_blocked_customer_is_unblocked_first(account) -> None:
    person, actor = Person(), actor_of(account)
    row = await services.create(actor, {"first_name": person.first, "email": person.email})
    await blocking.block_customer(actor, row, "no-shows")
    with pytest.raises(DomainError) as refused:
        await erasure.erase(actor, row["id"])
    assert "Unblock" in refused.value.errors[0].message
    await blocking.unblock_customer(actor, row)
    assert await erasure.erase(actor, row["id"])


async def test_an_import_rejects_them_and_a_booking_brings_them_back(account) -> None:
    person, actor = Person(), actor_of(account)
    row = await services.create(actor, {"first_name": person.first, "last_name": person.last,
                                        "email": person.email, "mobile_phone": person.phone})
    await erasure.erase(actor, row["id"])
    other = Person()
    job = await _import(actor, "First name;Last name;E-Mail;Mobile\r\n"
                        f"{person.first};{person.last};{person.email};\r\n"
                        f"Someone;Else;;{person.phone}\r\n"
                        f"{other.first};{other.last};{other.email};\r\n", "again.csv")
    assert (job["counts"]["created"], job["counts"]["rejected"]) == (1, 2), job["counts"]
    rejected = await db.fetch("SELECT cells, reason FROM import_rejected WHERE job = $1",
                              job["id"])
    assert {r["reason"] for r in rejected} == {
        "This person's data was erased at their request; they are not imported again "
        "(their cells are not kept)."}
    assert await traces(person.values) == []

    # calendar sync and imports are refused the person: ERASED, nothing created
    [result] = await services.match_or_create_many(
        actor, [services.Person({"first_name": "Z", "email": person.email})],
        CustomerSource.CALENDAR)
    assert result.row is None and result.error is not None
    assert result.error.errors[0].code is CustomerErrorCode.ERASED

    # a booking is the person coming back on purpose: created, the suppression lifted
    booked, created, _ = await services.match_or_create(
        actor, {"first_name": person.first, "email": person.email,
                "mobile_phone": person.phone}, CustomerSource.BOOKING)
    assert created and booked["email"] == person.email
    assert await db.fetch("SELECT kind FROM erasure_suppression WHERE account = $1",
                          account.id) == []


SEARCH = """query($q: String!) { searchCustomers(query: $q, first: 5)
            { customer { id } } }"""


async def test_both_instances_forget_them(database: str) -> None:
    """Two server processes sharing a broker (PostgreSQL's, always there: the test never
    depends on Redis): the customer erased through one is found by neither afterwards (each
    index drops it on the `deleted` event)."""
    from clientele.accounts.permissions import ALL
    from tests.conftest import running_server, token_for

    url = database.replace("postgresql://", "postgres://", 1)
    person = Person()
    with running_server(database, BROADCAST_URL=url, CALENDAR_POLLING="0", MESSAGES="0") as a, \
            running_server(database, BROADCAST_URL=url, CALENDAR_POLLING="0",
                           MESSAGES="0") as b:
        token = await token_for("default", ALL)
        async with httpx.AsyncClient(headers={"authorization": f"Bearer {token}"}) as client:
            created = await client.post(f"{a}/graphql", json={
                "query": "mutation($f: String, $l: String, $e: String) { customerCreate(input: "
                         "{firstName: $f, lastName: $l, email: $e}) { customer { id } } }",
                "variables": {"f": person.first, "l": person.last, "e": person.email}})
            cid = created.json()["data"]["customerCreate"]["customer"]["id"]

            async def listed(server: str, query: str) -> bool:
                response = await client.post(f"{server}/graphql", json={
                    "query": SEARCH, "variables": {"q": query}})
                hits = response.json()["data"]["searchCustomers"]
                return any(h["customer"]["id"] == cid for h in hits)

            for server in (a, b):
                await eventually(lambda s=server: listed(s, person.last), within=15,
                                 what=f"{server} to find the new customer")
            erased = await client.post(f"{a}/graphql", json={
                "query": "mutation($id: ID!) { customerErase(id: $id) "
                         "{ erased userErrors { code } } }", "variables": {"id": cid}})
            assert erased.json()["data"]["customerErase"] == {"erased": True, "userErrors": []}
            started = time.monotonic()
            for server in (a, b):
                for query in (person.last, person.first, person.email):
                    await eventually(lambda s=server, q=query: _gone(listed, s, q), within=15,
                                     what=f"{server} to forget {query}")
            print(f"forgotten by both instances after {time.monotonic() - started:.2f} s")


async def _gone(listed, server: str, query: str) -> bool:
    return not await listed(server, query)
