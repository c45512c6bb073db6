"""Shared phone numbers (issue 16): families and colleagues share landlines.

Staff adding a customer with a phone another customer has get a warning naming that customer
and may create anyway; an email stays one person's. Bookings, calendar sync and imports link
a phone-only match to the holder only when the names agree (customers.identity.names_agree),
and otherwise create the second person with the same phone."""

from __future__ import annotations

import datetime as dt
import random

from clientele.accounts.principal import Principal
from clientele.calendar_sync import sources
from clientele.calendar_sync.sync import Window, run_sync
from clientele.core import db
from clientele.customers import services
from clientele.customers.enums import CustomerSource
from clientele.customers.services import Person
from tests.conftest import Client, actor_of

CREATE = """
mutation($input: CustomerCreateInput!, $allow: Boolean! = false) {
  customerCreate(input: $input, allowSharedPhone: $allow) {
    customer { id firstName mobilePhone landlinePhone }
    userErrors { field code existingCustomerId }
    warnings { code field message customer { id firstName lastName } }
  }
}
"""
UPDATE = """
mutation($id: ID!, $input: CustomerUpdateInput!, $allow: Boolean! = false) {
  customerUpdate(id: $id, input: $input, allowSharedPhone: $allow) {
    customer { id landlinePhone }
    userErrors { field code }
    warnings { code field customer { id } }
  }
}
"""
BOOK = """
mutation($input: BookingCreateInput!) {
  bookingCreate(input: $input) { appointment { id } customer { id } userErrors { code } }
}
"""


def _phone() -> str:
    """A Swiss mobile number of its own for each test run."""
    return f"079 {random.randint(100, 999)} {random.randint(10, 99)} {random.randint(10, 99)}"


def _e164(phone: str) -> str:
    return "+41" + phone.replace(" ", "")[1:]


async def _customers(account_id) -> list[tuple[str | None, str | None, str | None]]:
    rows = await db.fetch("""SELECT first_name, last_name, mobile_phone FROM customer
                             WHERE account = $1 ORDER BY created_at, id""", account_id)
    return [(r["first_name"], r["last_name"], r["mobile_phone"]) for r in rows]


async def test_a_shared_phone_warns_then_creates_anyway(gql) -> None:
    phone = _phone()
    first = (await gql.data(CREATE, input={"firstName": "Eva", "lastName": "Keller",
                                           "landlinePhone": phone}))["customerCreate"]
    eva = first["customer"]["id"]
    warned = (await gql.data(CREATE, input={"firstName": "Paul", "lastName": "Keller",
                                            "mobilePhone": phone}))["customerCreate"]
    assert (warned["customer"], warned["userErrors"]) == (None, [])
    assert [(w["code"], w["field"], w["customer"]) for w in warned["warnings"]] == [
        ("SHARED_PHONE", "mobilePhone", {"id": eva, "firstName": "Eva", "lastName": "Keller"})]
    assert warned["warnings"][0]["message"]
    assert len(await _customers(gql.account.id)) == 1  # nothing created yet

    anyway = (await gql.data(CREATE, allow=True, input={
        "firstName": "Paul", "lastName": "Keller", "mobilePhone": phone}))["customerCreate"]
    assert (anyway["userErrors"], anyway["warnings"]) == ([], [])
    assert anyway["customer"]["mobilePhone"] == _e164(phone)
    assert await _customers(gql.account.id) == [("Eva", "Keller", None),
                                                ("Paul", "Keller", _e164(phone))]


async def test_an_email_stays_refused_even_when_sharing_phones_is_allowed(gql) -> None:
    phone = _phone()
    first = (await gql.data(CREATE, input={"firstName": "Eva", "email": "eva@example.com",
                                           "mobilePhone": phone}))["customerCreate"]
    refused = (await gql.data(CREATE, allow=True, input={
        "firstName": "Paul", "email": "EVA@example.com", "mobilePhone": phone}))["customerCreate"]
    assert refused["customer"] is None and refused["warnings"] == []
    assert refused["userErrors"] == [{"field": "email", "code": "DUPLICATE",
                                      "existingCustomerId": first["customer"]["id"]}]
    assert len(await _customers(gql.account.id)) == 1


async def test_adding_a_shared_phone_on_update_warns_then_saves_anyway(gql) -> None:
    phone = _phone()
    eva = (await gql.data(CREATE, input={"firstName": "Eva", "landlinePhone": phone})
           )["customerCreate"]["customer"]["id"]
    paul = (await gql.data(CREATE, input={"firstName": "Paul"}))["customerCreate"]["customer"]
    warned = (await gql.data(UPDATE, id=paul["id"], input={"landlinePhone": phone})
              )["customerUpdate"]
    assert (warned["customer"], warned["userErrors"]) == (None, [])
    assert warned["warnings"] == [{"code": "SHARED_PHONE", "field": "landlinePhone",
                                   "customer": {"id": eva}}]
    saved = (await gql.data(UPDATE, id=paul["id"], allow=True, input={"landlinePhone": phone})
             )["customerUpdate"]
    assert (saved["customer"]["landlinePhone"], saved["warnings"]) == (_e164(phone), [])
    # saving the customer again with the phone they now have asks nothing
    again = (await gql.data(UPDATE, id=paul["id"], input={"landlinePhone": phone})
             )["customerUpdate"]
    assert (again["userErrors"], again["warnings"]) == ([], [])


async def _book(gql, phone: str, first: str, last: str, day: int) -> str:
    public = Client(gql.account, anonymous=True)
    data = await public.data(BOOK, input={
        "accountSlug": gql.account.slug, "firstName": first, "lastName": last, "phone": phone,
        "startsAt": f"2030-07-{day:02d}T09:00:00+02:00",
        "endsAt": f"2030-07-{day:02d}T10:00:00+02:00"})
    assert data["bookingCreate"]["userErrors"] == []
    # an online booking does not reveal the customer: read the appointment's
    rows = await db.fetch("SELECT customer FROM appointment WHERE account = $1 AND starts_at = $2",
                          gql.account.id, dt.datetime(2030, 7, day, 7, tzinfo=dt.UTC))
    return str(rows[0]["customer"])


async def test_a_booking_with_a_shared_phone_and_another_name_is_another_customer(gql) -> None:
    phone = _phone()
    eva = await _book(gql, phone, "Eva", "Keller", 1)
    paul = await _book(gql, phone, "Paul", "Keller", 2)
    assert paul != eva
    # the same person again, the name written differently (case, umlaut spelling): matched
    assert await _book(gql, phone, "eva", "KELLER", 3) == eva
    assert await _book(gql, phone, "Paul", "Keller", 4) == paul
    assert await _customers(gql.account.id) == [("Eva", "Keller", _e164(phone)),
                                                ("Paul", "Keller", _e164(phone))]


async def test_a_phone_without_a_name_or_with_part_of_it_links_to_the_holder(account) -> None:
    actor = actor_of(account)
    phone = _phone()
    results = await services.match_or_create_many(actor, [
        Person({"first_name": "Jürgen", "last_name": "Müller", "mobile_phone": phone}),
        Person({"first_name": "Juergen", "last_name": "Mueller", "mobile_phone": phone}),
        Person({"first_name": "Jürgen", "mobile_phone": phone}),
        Person({"mobile_phone": phone, "email": f"j{random.randint(0, 10**9)}@example.com",
                "company": "Müller AG"}),
        Person({"first_name": "Jana", "last_name": "Müller", "mobile_phone": phone}),
    ], CustomerSource.IMPORT)
    assert [r.error for r in results] == [None] * 5
    jurgen = results[0].row["id"]
    assert [(r.row["id"] == jurgen, r.created) for r in results] == [
        (True, True), (True, False), (True, False), (True, False), (False, True)]


async def test_calendar_sync_makes_two_customers_of_two_names_on_one_phone(account) -> None:
    """Two staff calendars: Eva's appointments in one, Paul's (same landline) in the other,
    Eva again in the second. (Within one calendar file, events with the same details (email,
    phone) are resolved once, by the first event's names: calendar_sync/sync.py.)"""
    actor = Principal.system(account, "calendar sync").actor
    phone = _phone()

    def calendar(*events: tuple[str, int, str]) -> bytes:
        lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Clientele tests//EN"]
        for uid, day, name in events:
            lines += ["BEGIN:VEVENT", f"UID:{uid}", "DTSTAMP:20261101T080000Z",
                      f"DTSTART:202611{day:02d}T090000Z", f"DTEND:202611{day:02d}T100000Z",
                      "SUMMARY:Termin", f"DESCRIPTION:Name: {name}\\nTelefon: {phone}",
                      "END:VEVENT"]
        return ("\r\n".join([*lines, "END:VCALENDAR"]) + "\r\n").encode()

    window = Window(dt.datetime(2026, 10, 1, tzinfo=dt.UTC),
                    dt.datetime(2027, 1, 31, tzinfo=dt.UTC))
    for name, data in (("eva.ics", calendar(("a@test", 10, "Eva Keller"))),
                       ("paul.ics", calendar(("b@test", 11, "Paul Keller")))):
        source = await sources.find_or_create(actor, name, "UPLOAD", None)
        run = await run_sync(actor, source["id"], data, window, set())
        assert run["error"] is None, run["error"]
    source = await sources.find_or_create(actor, "eva.ics", "UPLOAD", None)
    run = await run_sync(actor, source["id"], calendar(("a@test", 10, "Eva Keller"),
                                                       ("c@test", 12, "eva keller")),
                         window, set())
    assert run["error"] is None, run["error"]
    assert await _customers(account.id) == [("Eva", "Keller", _e164(phone)),
                                            ("Paul", "Keller", _e164(phone))]
    appointments = await db.fetch(
        """SELECT c.first_name, count(*) AS n FROM appointment a JOIN customer c
           ON c.id = a.customer WHERE a.account = $1 GROUP BY c.first_name ORDER BY 1""",
        account.id)
    assert [(r["first_name"], r["n"]) for r in appointments] == [("Eva", 2), ("Paul", 1)]
