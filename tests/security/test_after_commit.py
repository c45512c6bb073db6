"""Issue 10, class 5: events leave after commit.

A write inside a transaction announces itself only once the outermost transaction commits: a
subscriber that loads the row finds it, the search index finds it, and a transaction that
rolls back announces nothing. "Nothing arrived" is shown by ordering, not by waiting: the
broker delivers in order, so the first event after the rolled-back work must be a marker the
test publishes afterwards."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import asyncpg
import pytest

from clientele.accounts.principal import Principal
from clientele.api.context import Context
from clientele.api.schema import schema
from clientele.calendar_sync import sources
from clientele.calendar_sync.ics import parse
from clientele.calendar_sync.sync import Window, sync_events
from clientele.core import db, ids, pubsub
from clientele.customers import services
from clientele.customers.events import CHANNEL as CUSTOMER_CHANNEL
from clientele.customers.search.service import service
from tests.conftest import actor_of
from tests.waiting import eventually, subscribed, subscriber_queues

FEEDS = Path(__file__).parents[1] / "calendar_sync" / "feeds"
WINDOW = Window(dt.datetime(2026, 10, 1, tzinfo=dt.UTC), dt.datetime(2027, 1, 31, tzinfo=dt.UTC))
DEADLINE = 10.0  # seconds a fact may take to arrive before the test gives up
SUBSCRIPTION = "subscription { customerChanged { kind customerId customer { lastName } } }"


class Boom(Exception):
    """The failure that rolls the test's transaction back."""


async def _next(messages: AsyncIterator[dict]) -> dict:
    return await asyncio.wait_for(messages.__anext__(), DEADLINE)


async def _marker(account) -> uuid.UUID:
    """A committed customer created outside any transaction: its event is published at once."""
    row = await services.create(actor_of(account), {"last_name": f"Marker {uuid.uuid4()}"})
    return row["id"]


async def test_a_rolled_back_create_announces_nothing(account) -> None:
    async with pubsub.subscribe(CUSTOMER_CHANNEL) as messages:
        with pytest.raises(Boom):
            async with db.transaction():
                await services.create(actor_of(account), {"last_name": "Never"})
                raise Boom
        marker = await _marker(account)
        first = await _next(messages)
    assert (first["id"], first["kind"]) == (str(marker), "created")
    rows = await db.fetch("SELECT 1 FROM customer WHERE account = $1 AND last_name = 'Never'",
                          account.id)
    assert rows == []


async def test_a_rolled_back_sync_announces_no_customers(account) -> None:
    actor = Principal.system(account, "calendar sync").actor
    source = await sources.find_or_create(actor, "google", "UPLOAD", None)
    events = parse((FEEDS / "google.ics").read_bytes(), WINDOW.start, WINDOW.end)
    async with pubsub.subscribe(CUSTOMER_CHANNEL) as messages:
        with pytest.raises(Boom):
            async with db.transaction():
                outcome = await sync_events(actor, source["id"], events, WINDOW,
                                            {"praxis-muster.ch"})
                assert outcome.customers_created == 4
                raise Boom
        marker = await _marker(account)
        first = await _next(messages)
    assert first["id"] == str(marker)
    rows = await db.fetch("SELECT count(*) AS n FROM customer WHERE account = $1", account.id)
    assert rows[0]["n"] == 1  # the marker only


async def test_nested_transactions_publish_once_after_the_outermost_commit(account) -> None:
    async with pubsub.subscribe(CUSTOMER_CHANNEL) as messages:
        async with db.transaction():
            inner = await services.create(actor_of(account), {"last_name": "Inner"})
            async with db.transaction():
                await services.update(actor_of(account), inner["id"], {"first_name": "Ina"})
            assert db.in_transaction()
        assert not db.in_transaction()
        created, updated = await _next(messages), await _next(messages)
    assert [(m["id"], m["kind"]) for m in (created, updated)] == [
        (str(inner["id"]), "created"), (str(inner["id"]), "updated")]


async def test_a_failing_callback_does_not_fail_the_committed_write(account, caplog) -> None:
    ran: list[str] = []

    async def broken() -> None:
        raise RuntimeError("broker gone")

    async def fine() -> None:
        ran.append("fine")

    async with db.transaction():
        await db.after_commit(broken)
        await db.after_commit(fine)
    assert ran == ["fine"]
    assert "broker gone" in caplog.text
    await db.after_commit(fine)  # outside a transaction: at once
    assert ran == ["fine", "fine"]


@pytest.fixture
async def following_index() -> AsyncIterator[None]:
    """The search index built and following customer events, as in the app."""
    service.indexes.clear()
    before = subscriber_queues()
    follower = asyncio.create_task(service.follow())
    await subscribed(before)
    await service.build()
    yield
    follower.cancel()
    with pytest.raises(asyncio.CancelledError):
        await follower
    service.indexes.clear()
    service.ready = False


def _found(account, query: str) -> set[uuid.UUID]:
    return {hit.id for hit in service.search(account.id, query, 10) or []}


async def _until_found(account, query: str, customer_id: uuid.UUID) -> None:
    await eventually(lambda: customer_id in _found(account, query),
                     what=f"{query!r} to reach the index")


async def _rename_and_announce(database_url: str, account, customer_id: uuid.UUID,
                               name: str) -> None:
    """Rename a customer on a connection of its own (committed at once) and publish its event
    directly on the broker, past any open transaction: the handshake that shows what
    subscribers had received by the time it arrives."""
    conn = await asyncpg.connect(database_url)
    try:
        await conn.execute("UPDATE customer SET last_name = $2 WHERE id = $1", customer_id,
                           name)
    finally:
        await conn.close()
    broker = pubsub.broker()
    assert broker is not None
    await broker.publish(channel=CUSTOMER_CHANNEL, message=json.dumps(
        {"account": str(account.id), "id": str(customer_id), "kind": "updated"}))


async def _next_change(events) -> dict:
    result = await asyncio.wait_for(events.__anext__(), DEADLINE)
    assert result.errors is None, result.errors
    return result.data["customerChanged"]


async def test_a_committed_create_reaches_subscribers_and_the_index_loadable(
        account, gql, following_index, database_url) -> None:
    marker = await _marker(account)
    before = subscriber_queues()
    events = await schema.subscribe(SUBSCRIPTION, context_value=Context(principal=gql.principal))
    pending = asyncio.ensure_future(_next_change(events))
    await subscribed(before)
    await _rename_and_announce(database_url, account, marker, "Erstehalt")
    assert (await pending)["customer"] == {"lastName": "Erstehalt"}

    async with db.transaction():
        created = await services.create(actor_of(account), {"last_name": "Committed"})
        await _rename_and_announce(database_url, account, marker, "Zweithalt")
        # whatever subscribers received so far arrived before the marker: not the create
        first = await _next_change(events)
        assert first["customerId"] == ids.encode("Customer", marker)
        await _until_found(account, "Zweithalt", marker)  # the index is past it too
    second = await _next_change(events)
    assert second == {"kind": "CREATED", "customerId": ids.encode("Customer", created["id"]),
                      "customer": {"lastName": "Committed"}}
    await _until_found(account, "Committed", created["id"])
    await events.aclose()
