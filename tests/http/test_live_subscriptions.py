"""Subscriptions against the live server: graphql-transport-ws over WebSocket, and SSE."""

import asyncio
import contextlib
import json
import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import websockets

from tests.waiting import eventually

SUBSCRIPTION = "subscription { customerChanged { kind customer { lastName } } }"


async def _create(base: str, last_name: str, token: str) -> None:
    async with httpx.AsyncClient(headers={"authorization": f"Bearer {token}"}) as client:
        response = await client.post(f"{base}/graphql", json={
            "query": "mutation($n: String) { customerCreate(input: {lastName: $n}) "
                     "{ userErrors { code } } }", "variables": {"n": last_name}})
        assert response.json()["data"]["customerCreate"]["userErrors"] == []


async def _named_event(next_event, name: str) -> dict:
    """Events until the one about `name` (earlier warm-up events are skipped)."""
    while True:
        event = await next_event()
        if event is not None and (event.get("customer") or {}).get("lastName") == name:
            return event


async def _once_live(next_event, base: str, token: str, prefix: str) -> dict:
    """The handshake: create customers until one's event arrives (the subscription has reached
    the broker), and return that event."""

    async def arrives() -> dict | None:
        name = f"{prefix}{uuid.uuid4().hex[:6]}"
        await _create(base, name, token)
        try:
            return await asyncio.wait_for(_named_event(next_event, name), 1)
        except TimeoutError:
            return None

    return await eventually(arrives, within=15, what="a live event")


@contextlib.asynccontextmanager
async def _subscription(base: str, token: str) -> AsyncIterator[Any]:
    """A graphql-transport-ws socket, acknowledged, with SUBSCRIPTION sent as operation 1."""
    url = base.replace("http://", "ws://") + "/graphql"
    async with websockets.connect(url, subprotocols=["graphql-transport-ws"]) as ws:
        await ws.send(json.dumps({"type": "connection_init",
                                  "payload": {"authorization": f"Bearer {token}"}}))
        assert json.loads(await ws.recv())["type"] == "connection_ack"
        await ws.send(json.dumps({"id": "1", "type": "subscribe",
                                  "payload": {"query": SUBSCRIPTION}}))
        yield ws


async def test_graphql_transport_ws(live_server: str, admin_token: str) -> None:
    async with _subscription(live_server, admin_token) as ws:

        async def next_event() -> dict | None:
            message = json.loads(await ws.recv())
            assert message["type"] == "next", message
            return message["payload"]["data"]["customerChanged"]

        event = await _once_live(next_event, live_server, admin_token, "Ws")
        assert event["kind"] == "CREATED"


async def test_server_sent_events(live_server: str, admin_token: str) -> None:
    async with httpx.AsyncClient(timeout=10) as client, client.stream(
        "POST", f"{live_server}/graphql", json={"query": SUBSCRIPTION},
        headers={"accept": "text/event-stream", "authorization": f"Bearer {admin_token}"},
    ) as response:
        assert response.headers["content-type"].startswith("text/event-stream")
        lines: asyncio.Queue[str] = asyncio.Queue()

        async def read() -> None:
            async for line in response.aiter_lines():
                await lines.put(line)

        reader = asyncio.create_task(read())

        async def next_event() -> dict | None:
            line = await lines.get()
            if not line.startswith("data:"):
                return None
            return json.loads(line.removeprefix("data:"))["data"]["customerChanged"]

        try:
            event = await _once_live(next_event, live_server, admin_token, "Sse")
            assert event["kind"] == "CREATED"
        finally:
            reader.cancel()


async def test_healthz_says_when_a_subscription_is_live(live_server: str,
                                                        admin_token: str) -> None:
    """Staff's /healthz counts this account's subscribers that have reached the broker, so a
    client can wait for that fact: once counted, the very next event arrives (no retry)."""
    headers = {"authorization": f"Bearer {admin_token}"}

    async def subscribers() -> int:
        async with httpx.AsyncClient(headers=headers) as client:
            return (await client.get(f"{live_server}/healthz")).json()["live"]["subscribers"]

    before = await subscribers()
    async with _subscription(live_server, admin_token) as ws:
        assert await eventually(lambda: _at_least(subscribers, before + 1), within=10,
                                what="the subscription to be counted live")
        name = f"Counted{uuid.uuid4().hex[:6]}"
        await _create(live_server, name, admin_token)

        async def next_event() -> dict | None:
            message = json.loads(await ws.recv())
            return message["payload"]["data"]["customerChanged"]

        event = await asyncio.wait_for(_named_event(next_event, name), 10)
        assert event["kind"] == "CREATED"
    assert await eventually(lambda: _at_most(subscribers, before), within=10,
                            what="the closed subscription to be uncounted")


async def _at_least(count, wanted: int) -> bool:
    return await count() >= wanted


async def _at_most(count, wanted: int) -> bool:
    return await count() <= wanted
