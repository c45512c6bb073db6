"""Staff act on appointments (issue 13): book, reschedule, cancel, complete, no-show, confirm
and decline online requests; the customer's figures after each action; bad input refused with
nothing written; calendar-owned appointments read-only where the calendar decides."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from clientele.appointments import writes
from clientele.core import db, ids
from tests.api.helpers import create_customer
from tests.conftest import Client

NOW = dt.datetime.now(dt.UTC).replace(microsecond=0)
FIELDS = "id status startsAt endsAt allDay cancellationReason notes readOnlyReason source"
PAYLOAD = f"appointment {{ {FIELDS} }} customerBlocked userErrors {{ field code message }}"
FIGURES = """query($id: ID!) { customer(id: $id) { visitCount noShowCount cancellationCount
  lastVisitAt nextAppointment { id startsAt } } }"""


def iso(value: dt.datetime) -> str:
    return value.isoformat()


async def book(gql, customer: str, start: dt.datetime, minutes: int = 30, **extra) -> dict:
    data = await gql.data(
        f"mutation($i: AppointmentCreateInput!) {{ appointmentCreate(input: $i) {{ {PAYLOAD} }} }}",
        i={"customerId": customer, "startsAt": iso(start),
           "endsAt": iso(start + dt.timedelta(minutes=minutes)), **extra})
    return data["appointmentCreate"]


async def act(gql, name: str, appointment: str, **arguments) -> dict:
    params = "".join(f", ${k}: {t}" for k, (t, _) in arguments.items())
    passed = "".join(f", {k}: ${k}" for k in arguments)
    data = await gql.data(
        f"mutation($id: ID!{params}) {{ {name}(id: $id{passed}) {{ {PAYLOAD} }} }}",
        id=appointment, **{k: v for k, (_, v) in arguments.items()})
    return data[name]


async def figures(gql, customer: str) -> dict:
    return (await gql.data(FIGURES, id=customer))["customer"]


async def count_appointments(customer: str) -> int:
    rows = await db.fetch("SELECT count(*) AS n FROM appointment WHERE customer = $1",
                          ids.decode_as(customer, "Customer"))
    return int(rows[0]["n"])


async def test_book_reschedule_cancel_with_figures(gql) -> None:
    who = await create_customer(gql, firstName="Fig", lastName="Ures")
    tomorrow = NOW + dt.timedelta(days=1)
    booked = await book(gql, who, tomorrow, services=["Haircut"], location="Room 1",
                        notes="prefers the window seat")
    assert booked["userErrors"] == [] and booked["customerBlocked"] is False
    appointment = booked["appointment"]
    assert (appointment["status"], appointment["notes"]) == ("SCHEDULED",
                                                             "prefers the window seat")
    assert (await figures(gql, who))["nextAppointment"]["id"] == appointment["id"]

    later = tomorrow + dt.timedelta(hours=3)
    moved = await act(gql, "appointmentReschedule", appointment["id"],
                      startsAt=("DateTime!", iso(later)),
                      endsAt=("DateTime!", iso(later + dt.timedelta(minutes=45))))
    assert moved["userErrors"] == []
    assert dt.datetime.fromisoformat(moved["appointment"]["startsAt"]) == later

    cancelled = await act(gql, "appointmentCancel", appointment["id"],
                          reason=("String", "Customer is ill"))
    assert cancelled["appointment"]["status"] == "CANCELLED"
    assert cancelled["appointment"]["cancellationReason"] == "Customer is ill"
    shown = await figures(gql, who)
    assert (shown["cancellationCount"], shown["nextAppointment"]) == (1, None)

    again = await act(gql, "appointmentCancel", appointment["id"])
    assert [e["code"] for e in again["userErrors"]] == ["INVALID_STATE"]


async def test_complete_and_no_show_change_the_figures(gql) -> None:
    who = await create_customer(gql, firstName="Came", lastName="Andwent")
    past = [(await book(gql, who, NOW - dt.timedelta(days=d)))["appointment"]["id"]
            for d in (3, 2, 1)]
    shown = await figures(gql, who)
    assert shown["visitCount"] == 3  # begun and scheduled: visits
    done = await act(gql, "appointmentComplete", past[0])
    assert done["appointment"]["status"] == "COMPLETED"
    missed = await act(gql, "appointmentMarkNoShow", past[2])
    assert missed["appointment"]["status"] == "NO_SHOW"
    shown = await figures(gql, who)
    assert (shown["visitCount"], shown["noShowCount"]) == (2, 1)
    assert dt.datetime.fromisoformat(shown["lastVisitAt"]) == NOW - dt.timedelta(days=2)
    corrected = await act(gql, "appointmentComplete", past[2])  # a mistake corrected
    assert corrected["userErrors"] == []
    assert (await figures(gql, who))["noShowCount"] == 0

    future = (await book(gql, who, NOW + dt.timedelta(days=2)))["appointment"]["id"]
    early = await act(gql, "appointmentMarkNoShow", future)
    assert [e["code"] for e in early["userErrors"]] == ["INVALID_STATE"]


async def test_blocked_customer_can_be_booked_by_staff(gql) -> None:
    who = await create_customer(gql, firstName="Blo", lastName="Cked",
                                email=f"b{uuid.uuid4().hex[:6]}@blocked.example")
    answer = await gql.data("mutation($id: ID!) { customerBlock(id: $id) "
                            "{ userErrors { code } } }", id=who)
    assert answer["customerBlock"]["userErrors"] == []
    booked = await book(gql, who, NOW + dt.timedelta(days=1))
    assert booked["userErrors"] == [] and booked["customerBlocked"] is True


@pytest.mark.parametrize(("start", "minutes", "extra", "code"), [
    (NOW + dt.timedelta(days=1), -30, {}, "INVALID"),  # ends before it starts
    (NOW + dt.timedelta(days=1), 0, {}, "INVALID"),  # zero length
    (NOW + dt.timedelta(days=1), 30 * 24 * 60, {}, "INVALID"),  # 30 days
    (NOW + dt.timedelta(days=1), 30, {"services": ["x" * 201]}, "TOO_LONG"),
])
async def test_bad_input_is_refused_and_nothing_is_written(gql, start, minutes, extra,
                                                           code) -> None:
    who = await create_customer(gql, firstName="Bad", lastName="Input")
    answer = await book(gql, who, start, minutes, **extra)
    assert [e["code"] for e in answer["userErrors"]] == [code], answer
    assert answer["appointment"] is None
    assert await count_appointments(who) == 0


@pytest.mark.parametrize("year", [1, 9999])
async def test_dates_out_of_range_are_refused_before_anything_runs(gql, year) -> None:
    who = await create_customer(gql, firstName="Far", lastName="Away")
    start = dt.datetime(year, 6, 1, 10, tzinfo=dt.UTC)
    result = await gql.execute(
        "mutation($i: AppointmentCreateInput!) { appointmentCreate(input: $i) "
        "{ userErrors { code } } }",
        i={"customerId": who, "startsAt": iso(start),
           "endsAt": iso(start + dt.timedelta(minutes=30))})
    assert {e.extensions["code"] for e in result.errors} == {"INVALID_DATE"}
    assert await count_appointments(who) == 0


async def test_unknown_and_other_accounts_customer_are_not_found(gql, other_account) -> None:
    stranger = await create_customer(Client(other_account), firstName="Other", lastName="Acc")
    for customer in (stranger, ids.encode("Customer", uuid.uuid4())):
        answer = await book(gql, customer, NOW + dt.timedelta(days=1))
        assert [e["code"] for e in answer["userErrors"]] == ["NOT_FOUND"]
    assert await count_appointments(stranger) == 0
    foreign = (await book(Client(other_account), stranger,
                          NOW + dt.timedelta(days=1)))["appointment"]["id"]
    answer = await act(gql, "appointmentCancel", foreign)
    assert [e["code"] for e in answer["userErrors"]] == ["NOT_FOUND"]


async def test_a_synced_appointment_belongs_to_its_calendar(gql) -> None:
    who = await create_customer(gql, firstName="Syn", lastName="Ced")
    account_id = gql.account.id
    source = uuid.uuid4()
    await db.fetch("""INSERT INTO calendar_source (id, account, name, kind, created_at)
                      VALUES ($1, $2, 'Praxis calendar', 'UPLOAD', now())""", source,
                   account_id)
    start = NOW - dt.timedelta(hours=2)
    [row] = await writes.upsert_many(account_id, source, [writes.Upsert(
        customer=ids.decode_as(who, "Customer"), uid="evt-1", recurrence_id="",
        title="Checkup", starts_at=start, ends_at=start + dt.timedelta(hours=1),
        all_day=False, location=None, cancelled=False, sequence=0, digest="d1")])
    synced = ids.encode("Appointment", row["id"])
    moved = await act(gql, "appointmentReschedule", synced,
                      startsAt=("DateTime!", iso(NOW)),
                      endsAt=("DateTime!", iso(NOW + dt.timedelta(hours=1))))
    assert [e["code"] for e in moved["userErrors"]] == ["CALENDAR_OWNED"]
    assert "Praxis calendar" in moved["userErrors"][0]["message"]
    cancelled = await act(gql, "appointmentCancel", synced)
    assert [e["code"] for e in cancelled["userErrors"]] == ["CALENDAR_OWNED"]
    done = await act(gql, "appointmentComplete", synced)  # attendance is staff's
    assert done["appointment"]["status"] == "COMPLETED"
    assert done["appointment"]["source"] == "Praxis calendar"
    assert "Praxis calendar" in done["appointment"]["readOnlyReason"]
    # a re-sync of the changed event keeps the attendance mark
    await writes.upsert_many(account_id, source, [writes.Upsert(
        customer=None, uid="evt-1", recurrence_id="", title="Checkup (moved room)",
        starts_at=start, ends_at=start + dt.timedelta(hours=1), all_day=False,
        location="Room 2", cancelled=False, sequence=1, digest="d2")])
    rows = await db.fetch("SELECT status FROM appointment WHERE id = $1", row["id"])
    assert rows[0]["status"] == "COMPLETED"


async def test_online_requests_are_confirmed_or_declined(gql) -> None:
    booking = """mutation($i: BookingCreateInput!) { bookingCreate(input: $i) {
        appointment { id status } userErrors { code } } }"""
    anonymous = Client(gql.account, anonymous=True)
    made = []
    for n in range(2):
        start = NOW + dt.timedelta(days=3, hours=n)
        data = await anonymous.data(booking, i={
            "accountSlug": gql.account.slug, "firstName": "Online", "lastName": f"Req{n}",
            "email": f"req{n}-{uuid.uuid4().hex[:6]}@online.example",
            "startsAt": iso(start), "endsAt": iso(start + dt.timedelta(minutes=30)),
            "consentToMessages": False})
        assert data["bookingCreate"]["appointment"]["status"] == "REQUESTED"
        made.append(data["bookingCreate"]["appointment"]["id"])
    confirmed = await act(gql, "appointmentConfirm", made[0])
    assert confirmed["appointment"]["status"] == "SCHEDULED"
    declined = await act(gql, "appointmentDecline", made[1],
                         reason=("String", "Fully booked that day"))
    assert (declined["appointment"]["status"],
            declined["appointment"]["cancellationReason"]) == ("CANCELLED",
                                                               "Fully booked that day")
    again = await act(gql, "appointmentConfirm", made[1])
    assert [e["code"] for e in again["userErrors"]] == ["INVALID_STATE"]
    rows = await db.fetch(
        "SELECT c.email_enabled, c.sms_enabled FROM appointment a "
        "JOIN customer c ON c.id = a.customer WHERE a.id = $1",
        ids.decode_as(made[0], "Appointment"))
    assert (rows[0]["email_enabled"], rows[0]["sms_enabled"]) == (False, False)


async def test_two_hundred_appointments_upcoming_and_both_directions(gql) -> None:
    who = await create_customer(gql, firstName="Many", lastName="Visits",
                                mobilePhone="079 100 00 19")
    customer_id = ids.decode_as(who, "Customer")
    starts = [NOW - dt.timedelta(days=d) for d in range(1, 211)]
    await db.fetch(
        """INSERT INTO appointment (id, account, customer, title, services, starts_at, ends_at,
                                    all_day, status, recurrence_id, created_at, updated_at)
           SELECT gen_random_uuid(), $1, $2, 'Visit', '{}', s, s + interval '30 minutes',
                  false, 'SCHEDULED', '', now(), now() FROM unnest($3::timestamptz[]) AS s""",
        gql.account.id, customer_id, starts)
    upcoming = (await book(gql, who, NOW + dt.timedelta(days=7)))["appointment"]
    page = """query($id: ID!, $when: AppointmentWhen!, $dir: SortDirection!, $after: String) {
      customer(id: $id) { mobilePhoneDisplay visitCount
        appointments(first: 100, when: $when, direction: $dir, after: $after) {
          edges { node { id startsAt } } pageInfo { hasNextPage endCursor } } } }"""
    ahead = (await gql.data(page, id=who, when="UPCOMING", dir="ASC"))["customer"]
    assert [e["node"]["id"] for e in ahead["appointments"]["edges"]] == [upcoming["id"]]
    assert ahead["mobilePhoneDisplay"] == "079 100 00 19"
    assert ahead["visitCount"] == 210
    seen, after = [], None
    while True:  # newest first, every one, page by page
        answer = (await gql.data(page, id=who, when="PAST", dir="DESC", after=after))
        connection = answer["customer"]["appointments"]
        seen += [dt.datetime.fromisoformat(e["node"]["startsAt"]) for e in connection["edges"]]
        if not connection["pageInfo"]["hasNextPage"]:
            break
        after = connection["pageInfo"]["endCursor"]
    assert seen == sorted(starts, reverse=True)
