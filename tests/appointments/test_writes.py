"""appointments.writes: the one place that writes appointment rows, single and set-wise."""

from __future__ import annotations

import asyncio
import datetime as dt
import uuid
from typing import Any

from clientele.accounts.services import AccountInfo
from clientele.appointments import events, writes
from clientele.core import db, pubsub
from clientele.customers import services as customers
from clientele.customers.enums import CustomerSource
from tests.conftest import actor_of

START = dt.datetime(2027, 3, 1, 9, tzinfo=dt.UTC)


def _item(uid: str, customer: uuid.UUID | None = None, **changes: Any) -> writes.Upsert:
    values: dict[str, Any] = dict(
        customer=customer, uid=uid, recurrence_id="", title="Cut", starts_at=START,
        ends_at=START + dt.timedelta(hours=1), all_day=False, location=None, cancelled=False,
        sequence=0, digest="d1")
    values.update(changes)
    return writes.Upsert(**values)


async def _counted(call: Any) -> tuple[int, Any]:
    before = db.engine().statements
    result = await call
    return db.engine().statements - before, result


async def test_upsert_many_writes_a_batch_in_one_statement_keyed_by_uid(
        account: AccountInfo) -> None:
    customer, _, _ = await customers.match_or_create(
        actor_of(account), {"first_name": "Uma", "email": "uma@example.com"},
        CustomerSource.CALENDAR)
    source = uuid.uuid4()
    used, rows = await _counted(writes.upsert_many(account.id, source, [
        _item(f"u{i}", customer["id"]) for i in range(30)]))
    assert used == 1 and len(rows) == 30 and all(r["inserted"] for r in rows)

    # again, changed, without a customer: updated in place, the customer kept
    used, rows = await _counted(writes.upsert_many(account.id, source, [
        _item("u1", None, title="x" * 600, cancelled=True, sequence=2, digest="d2")]))
    assert used == 1 and [r["inserted"] for r in rows] == [False]
    stored = (await db.fetch("SELECT * FROM appointment WHERE id = $1", rows[0]["id"]))[0]
    assert (stored["customer"], stored["status"], stored["sequence"], stored["sync_hash"]) == (
        customer["id"], "CANCELLED", 2, "d2")
    assert stored["title"] == "x" * writes.MAX_TEXT  # cut to the column, never refused


async def test_cancel_removed_is_one_statement_for_many(account: AccountInfo) -> None:
    source = uuid.uuid4()
    rows = await writes.upsert_many(account.id, source, [_item(f"r{i}") for i in range(20)])
    used, _ = await _counted(writes.cancel_removed(account.id, [r["id"] for r in rows]))
    assert used == 1
    stored = await db.fetch(
        "SELECT status, removed_from_source_at FROM appointment WHERE calendar_source_id = $1",
        source)
    assert {s["status"] for s in stored} == {"CANCELLED"}
    assert all(s["removed_from_source_at"] is not None for s in stored)
    # upserted again (back in the feed): no longer marked removed
    await writes.upsert_many(account.id, source, [_item("r0")])
    back = await db.fetch("SELECT removed_from_source_at FROM appointment "
                          "WHERE calendar_source_id = $1 AND event_uid = 'r0'", source)
    assert back[0]["removed_from_source_at"] is None


async def test_insert_one_announces_after_the_commit(account: AccountInfo) -> None:
    async with pubsub.subscribe(events.CHANNEL) as messages:
        async with db.transaction():
            row = await writes.insert_one(account.id, None, title="Consultation",
                                          services=["Consultation"], starts_at=START,
                                          ends_at=START + dt.timedelta(minutes=30),
                                          location=None)
        message = await asyncio.wait_for(messages.__anext__(), 5)
    assert message == events.payload(account.id, row["id"], None, "created")
    assert message == {"account": str(account.id), "id": str(row["id"]), "customer": None,
                       "kind": "created"}
