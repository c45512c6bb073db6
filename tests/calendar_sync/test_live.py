"""Synced appointments reach subscribers over real websockets: on the same instance, and from
instance A to instance B through Redis and through PostgreSQL LISTEN/NOTIFY."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import uuid
from pathlib import Path

import httpx
import pytest
import websockets

from tests.conftest import REDIS_ADDRESS, redis_or_skip, running_server
from tests.waiting import eventually

FEEDS = Path(__file__).parent / "feeds"
SUBSCRIPTION = "subscription { appointmentSynced { title customer { email } } }"


def _feed(uid: str, title: str) -> bytes:
    """One event tomorrow (inside every default sync window)."""
    start = dt.datetime.now(dt.UTC).replace(microsecond=0) + dt.timedelta(days=1)
    stamp = "%Y%m%dT%H%M%SZ"
    return (f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:{uid}\r\n"
            f"DTSTART:{start.strftime(stamp)}\r\n"
            f"DTEND:{(start + dt.timedelta(hours=1)).strftime(stamp)}\r\nSUMMARY:{title}\r\n"
            "DESCRIPTION:Name: Live Person\\nEmail: live.person@example.com\r\n"
            "END:VEVENT\r\nEND:VCALENDAR\r\n").encode()


async def _upload(base: str, token: str, data: bytes) -> dict:
    operations = json.dumps({"query": "mutation($f: Upload!) { calendarUpload(file: $f, "
                             'name: "live") { syncRun { appointmentsCreated error } } }',
                             "variables": {"f": None}})
    async with httpx.AsyncClient(headers={"authorization": f"Bearer {token}"}) as client:
        response = await client.post(f"{base}/graphql", data={
            "operations": operations, "map": '{"0": ["variables.f"]}'},
            files={"0": ("live.ics", data, "text/calendar")})
    return response.json()["data"]["calendarUpload"]


async def _subscribe(base: str, token: str, query: str = SUBSCRIPTION, via: str | None = None,
                     payload: dict | None = None):
    """A subscription (`payload`, by default SUBSCRIPTION's text) that is live: the handshake
    uploads warm-up events (through `via`, the instance that publishes) until one arrives,
    reconnecting while the broker is not back."""

    async def attempt():
        ws = await websockets.connect(base.replace("http://", "ws://") + "/graphql",
                                      subprotocols=["graphql-transport-ws"])
        await ws.send(json.dumps({"type": "connection_init",
                                  "payload": {"authorization": f"Bearer {token}"}}))
        assert json.loads(await ws.recv())["type"] == "connection_ack"
        await ws.send(json.dumps({"id": "1", "type": "subscribe",
                                  "payload": payload or {"query": query}}))
        title = f"Warm-up {uuid.uuid4().hex[:6]}"
        await _upload(via or base, token, _feed(uuid.uuid4().hex, title))
        try:
            await asyncio.wait_for(_next_title(ws, title), 1)
            return ws
        except (TimeoutError, AssertionError):  # not live yet, or the broker is not back
            await ws.close()
            return None

    return await eventually(attempt, within=20, what="a live subscription")


async def _next_title(ws, title: str) -> dict:
    while True:
        message = json.loads(await asyncio.wait_for(ws.recv(), 10))
        assert message["type"] == "next", message
        assert message["payload"].get("data"), message
        event = message["payload"]["data"]["appointmentSynced"]
        if event["title"] == title:
            return event


async def test_a_sync_reaches_a_websocket_subscriber(live_server: str, admin_token: str) -> None:
    title = f"Live {uuid.uuid4().hex[:6]}"
    ws = await _subscribe(live_server, admin_token)
    try:
        run = await _upload(live_server, admin_token, _feed(uuid.uuid4().hex, title))
        assert run["syncRun"]["appointmentsCreated"] == 1
        event = await _next_title(ws, title)
        assert event["customer"]["email"] == "live.person@example.com"
    finally:
        await ws.close()


@pytest.mark.parametrize("broker", ["redis", "postgres"])
async def test_two_instances_share_events(database: str, broker: str) -> None:
    from clientele.accounts.permissions import ALL
    from tests.conftest import token_for

    if broker == "redis":
        url = redis_or_skip("two instances sharing events through Redis (the postgres:// "
                            "variant still runs)")
    else:
        url = database.replace("postgresql://", "postgres://", 1)
    with running_server(database, BROADCAST_URL=url) as a, \
            running_server(database, BROADCAST_URL=url) as b:
        token = await token_for("default", ALL)
        title = f"Across {broker} {uuid.uuid4().hex[:6]}"
        ws = await _subscribe(b, token, via=a)
        try:
            run = await _upload(a, token, _feed(uuid.uuid4().hex, title))
            assert run["syncRun"]["error"] is None
            event = await _next_title(ws, title)
            assert event["title"] == title
        finally:
            await ws.close()


async def test_a_dropped_redis_connection_is_an_error_the_client_sees(database: str) -> None:
    from clientele.accounts.permissions import ALL
    from tests.conftest import token_for

    url = redis_or_skip("a dropped Redis connection")
    with running_server(database, BROADCAST_URL=url) as server:
        token = await token_for("default", ALL)
        ws = await _subscribe(server, token)
        try:
            reader, writer = await asyncio.open_connection(*REDIS_ADDRESS)
            writer.write(b"CLIENT KILL TYPE pubsub\r\n")
            await writer.drain()
            await reader.readline()
            writer.close()
            async def broker_error() -> dict:  # events still on their way are skipped
                while True:
                    message = json.loads(await ws.recv())
                    if message["type"] != "next" or not message["payload"].get("data"):
                        return message

            message = await asyncio.wait_for(broker_error(), 10)
            assert message["type"] in ("error", "next")
            assert "event broker" in json.dumps(message)
        finally:
            await ws.close()
        # after reconnecting, a new subscription works again (the handshake waits for it)
        ws = await _subscribe(server, token)
        try:
            title = f"After drop {uuid.uuid4().hex[:6]}"
            await _upload(server, token, _feed(uuid.uuid4().hex, title))
            assert (await _next_title(ws, title))["title"] == title
        finally:
            await ws.close()
