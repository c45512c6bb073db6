"""Each event type is recorded from the place the event is raised, with ids and a small
object only: a merge is `customer.merged` (not a delete and an update), an erasure
`customer.erased` with the id alone, a staff cancellation `appointment.cancelled`, a calendar
sync `appointment.synced` inside its transaction."""

from __future__ import annotations

import datetime as dt
import io
import json
from typing import Any

from clientele.accounts.principal import Principal
from clientele.accounts.services import AccountInfo
from clientele.appointments import writes
from clientele.appointments.enums import AppointmentStatus
from clientele.calendar_sync import sources
from clientele.calendar_sync.sync import Window, run_sync
from clientele.core import db, ids
from clientele.customers import erasure, merge
from clientele.customers import services as customers
from clientele.webhooks import endpoints
from clientele.webhooks.enums import WebhookEventType as W
from tests.conftest import actor_of

START = dt.datetime(2030, 3, 1, 9, tzinfo=dt.UTC)


async def _recorded(account: AccountInfo) -> list[tuple[str, dict[str, Any]]]:
    rows = await db.fetch("SELECT event_type, payload FROM webhook_delivery WHERE account = $1 "
                          "ORDER BY created_at, id", account.id)
    out = []
    for row in rows:
        body = json.loads(row["payload"])
        assert body["type"] == row["event_type"] and body["timestamp"].endswith("Z")
        out.append((row["event_type"], body["data"]))
    return out


async def _subscribe(account: AccountInfo) -> None:
    await endpoints.create(account.id, "https://partner.example.com/hooks", list(W))
    await db.fetch("DELETE FROM webhook_delivery WHERE account = $1", account.id)


def _customer_id(pk: Any) -> str:
    return ids.encode("Customer", pk)


async def test_a_merge_is_one_customer_merged_event(account: AccountInfo) -> None:
    actor = actor_of(account)
    keep = await customers.create(actor, {"first_name": "Ann", "email": "ann@example.com"})
    gone = await customers.create(actor, {"first_name": "Ann", "mobile_phone": "079 111 22 33"})
    await _subscribe(account)
    await merge.merge(actor, keep["id"], gone["id"])
    assert await _recorded(account) == [(W.CUSTOMER_MERGED.value, {
        "id": _customer_id(keep["id"]), "mergedId": _customer_id(gone["id"])})]


async def test_an_erasure_is_customer_erased_with_the_id_alone(account: AccountInfo) -> None:
    actor = actor_of(account)
    person = await customers.create(actor, {"first_name": "Eve", "last_name": "Private",
                                            "email": "eve.private@example.com"})
    await _subscribe(account)
    await erasure.erase(actor, person["id"], force=True)
    recorded = await _recorded(account)
    assert recorded == [(W.CUSTOMER_ERASED.value, {"id": _customer_id(person["id"])})]
    assert "eve" not in json.dumps(recorded).lower()


async def test_appointments_created_changed_and_cancelled(account: AccountInfo) -> None:
    actor = actor_of(account)
    person = await customers.create(actor, {"first_name": "Bo"})
    await _subscribe(account)
    async with db.transaction():
        row = await writes.insert_one(account.id, person["id"], title="Cut", services=["Cut"],
                                      starts_at=START, ends_at=START + dt.timedelta(hours=1),
                                      location=None)
    async with db.transaction():
        await writes.update_one(account.id, row["id"], starts_at=START + dt.timedelta(days=1),
                                ends_at=START + dt.timedelta(days=1, hours=1))
    async with db.transaction():
        await writes.update_one(account.id, row["id"], status=AppointmentStatus.CANCELLED,
                                cancellation_reason="ill")
    recorded = await _recorded(account)
    assert [t for t, _ in recorded] == ["appointment.created", "appointment.changed",
                                        "appointment.cancelled"]
    assert recorded[0][1] == {"id": ids.encode("Appointment", row["id"]),
                              "customerId": _customer_id(person["id"]), "status": "SCHEDULED",
                              "startsAt": START.isoformat(),
                              "endsAt": (START + dt.timedelta(hours=1)).isoformat()}
    assert recorded[2][1]["status"] == "CANCELLED"


FEED = b"""BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//test//EN\r
BEGIN:VEVENT\r
UID:webhook-1@test\r
DTSTAMP:20300101T000000Z\r
DTSTART:20300301T090000Z\r
DTEND:20300301T100000Z\r
SUMMARY:Haircut\r
ATTENDEE;CN=Cleo Client:mailto:cleo@example.com\r
END:VEVENT\r
END:VCALENDAR\r
"""


async def test_a_calendar_sync_records_appointment_synced_with_its_writes(
        account: AccountInfo) -> None:
    actor = Principal.system(account, "calendar sync").actor
    source = await sources.find_or_create(actor, "Feed", "UPLOAD", None)
    await _subscribe(account)
    window = Window(dt.datetime(2030, 1, 1, tzinfo=dt.UTC), dt.datetime(2030, 12, 31,
                                                                         tzinfo=dt.UTC))
    run = await run_sync(actor, source["id"], FEED, window)
    assert run["error"] is None and run["appointments_created"] == 1
    types = [t for t, _ in await _recorded(account)]
    assert types.count("appointment.synced") == 1
    assert types.count("customer.created") == 1


async def test_an_import_records_its_customers_and_import_finished(
        account: AccountInfo) -> None:
    from clientele.customers.imports import jobs
    from clientele.customers.imports.jobs import Duplicates, ErrorPolicy

    actor = actor_of(account)
    await _subscribe(account)
    data = io.BytesIO(b"First name;E-Mail\r\nIda;ida@example.com\r\nJon;jon@example.com\r\n"
                      b"Bad;not-an-email\r\n")
    job_id = await jobs.create(actor, "people.csv", data)
    await jobs.run_pending()
    await jobs.commit(actor, job_id, Duplicates.FILL, ErrorPolicy.IMPORT_VALID)
    await jobs.run_pending()
    recorded = await _recorded(account)
    assert [t for t, _ in recorded].count("customer.created") == 2
    [finished] = [d for t, d in recorded if t == "import.finished"]
    assert finished["id"] == ids.encode("ImportJob", job_id)
    assert finished["status"] == "SUCCEEDED"
    assert (finished["counts"]["created"], finished["counts"]["rejected"]) == (2, 1)
