"""customerChanged carries ids over broadcaster; each subscriber loads what it may see."""

import asyncio

import pytest

from clientele.api.context import Context
from clientele.api.schema import schema
from tests.api.helpers import create_customer
from tests.conftest import Client
from tests.waiting import eventually, subscribed, subscriber_queues

SUBSCRIPTION = """
subscription($id: ID) { customerChanged(id: $id) { kind customerId customer { lastName } } }
"""


async def _next(generator, timeout: float = 5.0):
    result = await asyncio.wait_for(generator.__anext__(), timeout)
    assert result.errors is None, result.errors
    return result.data["customerChanged"]


async def test_changes_arrive_and_other_accounts_stay_private(gql, other_account) -> None:
    before = subscriber_queues()
    events = await schema.subscribe(SUBSCRIPTION, context_value=Context(principal=gql.principal))
    first = asyncio.ensure_future(_next(events))
    await subscribed(before)
    await create_customer(Client(other_account), firstName="Not", lastName="Mine")
    cid = await create_customer(gql, firstName="Live", lastName="Created")
    event = await first
    assert event == {"kind": "CREATED", "customerId": cid, "customer": {"lastName": "Created"}}

    await gql.data("""mutation($id: ID!) { customerUpdate(id: $id, input: {lastName: "Renamed"})
        { userErrors { code } } }""", id=cid)
    assert await _next(events) == {"kind": "UPDATED", "customerId": cid,
                                   "customer": {"lastName": "Renamed"}}
    await gql.data("mutation($id: ID!) { customerDelete(id: $id) { deletedId } }", id=cid)
    assert await _next(events) == {"kind": "DELETED", "customerId": cid, "customer": None}
    await events.aclose()


async def test_subscribing_to_one_customer_filters_the_others(gql) -> None:
    watched = await create_customer(gql, firstName="W", lastName="Watched")
    other = await create_customer(gql, firstName="O", lastName="Other")
    before = subscriber_queues()
    events = await schema.subscribe(SUBSCRIPTION, variable_values={"id": watched},
                                    context_value=Context(principal=gql.principal))
    pending = asyncio.ensure_future(_next(events))
    await subscribed(before)
    for cid, name in ((other, "Other2"), (watched, "Watched2")):
        await gql.data("""mutation($id: ID!, $n: String) { customerUpdate(id: $id,
            input: {lastName: $n}) { userErrors { code } } }""", id=cid, n=name)
    assert (await pending)["customer"] == {"lastName": "Watched2"}
    await events.aclose()


async def test_a_lost_broker_connection_ends_subscriptions_with_an_error(gql) -> None:
    from clientele.core import pubsub

    before = subscriber_queues()
    events = await schema.subscribe(SUBSCRIPTION, context_value=Context(principal=gql.principal))
    pending = asyncio.ensure_future(events.__anext__())
    await subscribed(before)
    pubsub.broker()._listener_task.cancel()  # the broker connection dies
    result = await asyncio.wait_for(pending, 5)
    assert result.errors and "event broker was lost" in result.errors[0].message

    def reconnected() -> bool:  # a new connection is made in the background
        broker = pubsub.broker()
        return broker is not None and not broker._listener_task.done()

    await eventually(reconnected, what="the broker to reconnect")
    before = subscriber_queues()
    again = await schema.subscribe(SUBSCRIPTION, context_value=Context(principal=gql.principal))
    first = asyncio.ensure_future(_next(again))
    await subscribed(before)
    cid = await create_customer(gql, firstName="After", lastName="Reconnect")
    assert (await first)["customerId"] == cid
    await again.aclose()


async def test_a_subscriber_that_stops_reading_is_dropped_not_buffered_forever(gql) -> None:
    from clientele.core import pubsub

    async with pubsub.subscribe("slow-test") as messages:
        for i in range(pubsub.MAX_PENDING + 50):
            await pubsub.publish("slow-test", {"n": i})

        def overflowed() -> bool:  # the pump stops once this subscriber is too far behind
            return not any(task.get_name() == "pubsub-pump:slow-test"
                           for task in asyncio.all_tasks())

        await eventually(overflowed, what="the subscriber to fall behind")
        received = 0
        with pytest.raises(ConnectionError, match="dropped"):
            async for _ in messages:
                received += 1
        assert received == pubsub.MAX_PENDING


async def test_a_subscriber_that_falls_behind_gets_a_coded_error_in_production(
        gql, monkeypatch) -> None:
    """Production masks uncoded errors; falling behind is the client's to handle, so it comes
    with the code SUBSCRIBER_TOO_SLOW and its message, as in the shared fan-out."""
    from clientele.api.schema import build_schema
    from clientele.core import pubsub
    from clientele.customers import events as customer_events

    monkeypatch.setattr(pubsub, "MAX_PENDING", 3)
    production = build_schema(production=True)
    cid = await create_customer(gql, firstName="Slow", lastName="Reader")
    rename = """mutation($id: ID!, $n: String) { customerUpdate(id: $id, input: {lastName: $n})
        { userErrors { code } } }"""
    before = subscriber_queues()
    stream = await production.subscribe(SUBSCRIPTION, variable_values={"id": cid},
                                        context_value=Context(principal=gql.principal))
    first = asyncio.ensure_future(stream.__anext__())
    await subscribed(before)
    await gql.data(rename, id=cid, n="Read")
    assert (await first).errors is None
    for i in range(6):  # nobody reads meanwhile
        await gql.data(rename, id=cid, n=f"Unread{i}")
    pump = f"pubsub-pump:{customer_events.CHANNEL}"
    await eventually(lambda: not any(t.get_name() == pump for t in asyncio.all_tasks()),
                     what="the subscriber to fall behind")
    results = [await asyncio.wait_for(stream.__anext__(), 5) for _ in range(4)]
    assert [r.errors for r in results[:3]] == [None, None, None]
    error = results[3].errors[0]
    assert error.extensions == {"code": "SUBSCRIBER_TOO_SLOW"}
    assert "dropped" in error.message
    await stream.aclose()
