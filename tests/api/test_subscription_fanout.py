"""Identical subscriptions share one execution (api/subscription_fanout.py): over real
websockets against the live server, every member gets the right message under its own id,
accounts and permission sets are never mixed, a stalled member is dropped while the others go
on, and one member leaving does not end the others."""

from __future__ import annotations

import asyncio
import json
import socket
import uuid
from typing import Any

import httpx
import pytest
import websockets

from clientele.accounts.permissions import ALL, Permission
from clientele.accounts.services import create_account
from tests.conftest import running_server, token_for

SUBSCRIPTION = "subscription { customerChanged { kind customer { lastName } } }"
WAIT = 15  # seconds before a test that would hang fails instead


async def _connect(base: str, token: str, **options: Any) -> Any:
    ws = await websockets.connect(base.replace("http://", "ws://") + "/graphql",
                                  subprotocols=["graphql-transport-ws"], **options)
    await ws.send(json.dumps({"type": "connection_init",
                              "payload": {"authorization": f"Bearer {token}"}}))
    assert json.loads(await ws.recv())["type"] == "connection_ack"
    return ws


async def _subscribe(ws: Any, op_id: str, query: str = SUBSCRIPTION,
                     variables: dict[str, Any] | None = None) -> None:
    await ws.send(json.dumps({"id": op_id, "type": "subscribe",
                              "payload": {"query": query, "variables": variables or {}}}))


async def _create(base: str, token: str, last_name: str, notes: str | None = None) -> str:
    async with httpx.AsyncClient(headers={"authorization": f"Bearer {token}"},
                                 timeout=30) as client:
        response = await client.post(f"{base}/graphql", json={
            "query": "mutation($n: String, $notes: String) { customerCreate(input: "
                     "{lastName: $n, notes: $notes}) { customer { id } userErrors { code } } }",
            "variables": {"n": last_name, "notes": notes}})
    payload = response.json()["data"]["customerCreate"]
    assert payload["userErrors"] == []
    return payload["customer"]["id"]


def _last_name(message: dict[str, Any]) -> str | None:
    if message["type"] != "next" or not message["payload"].get("data"):
        return None
    customer = message["payload"]["data"]["customerChanged"]["customer"]
    return customer["lastName"] if customer else None


async def _until(ws: Any, last_name: str, op_id: str | None = None) -> dict[str, Any]:
    """Read until the event about `last_name` (for `op_id`); earlier events are skipped."""
    while True:
        message = json.loads(await asyncio.wait_for(ws.recv(), WAIT))
        assert message["type"] == "next", message
        if _last_name(message) == last_name and (op_id is None or message["id"] == op_id):
            return message


async def _collect(ws: Any, last_name: str, *op_ids: str) -> dict[str, dict[str, Any]]:
    """The events about `last_name` for each of `op_ids` on one connection."""
    got: dict[str, dict[str, Any]] = {}
    while len(got) < len(op_ids):
        message = json.loads(await asyncio.wait_for(ws.recv(), WAIT))
        assert message["type"] == "next", message
        if _last_name(message) == last_name:
            assert message["id"] in op_ids and message["id"] not in got, message
            got[message["id"]] = message
    return got


async def _live(base: str, token: str, *sockets: Any) -> None:
    """Create customers until every socket has had an event (its subscription has reached
    the broker), then go on; the warm-up events are skipped by `_until` later."""
    waiting = list(sockets)
    for _ in range(int(WAIT / 0.5)):
        name = f"Warm{uuid.uuid4().hex[:6]}"
        await _create(base, token, name)
        still = []
        for ws in waiting:
            try:
                await asyncio.wait_for(_until(ws, name), 0.5)
            except TimeoutError:
                still.append(ws)
        waiting = still
        if not waiting:
            return
    raise AssertionError("subscriptions never became live")


async def test_identical_subscribers_each_get_the_message_under_their_own_id(
        live_server: str, admin_token: str) -> None:
    first, second = await _connect(live_server, admin_token), \
        await _connect(live_server, admin_token)
    try:
        await _subscribe(first, "a")
        await _subscribe(first, "b")  # same connection, same operation: same group
        await _subscribe(second, "x")
        await _live(live_server, admin_token, first, second)
        name = f"Shared{uuid.uuid4().hex[:6]}"
        await _create(live_server, admin_token, name)
        on_first = await _collect(first, name, "a", "b")
        on_second = await _collect(second, name, "x")
        expected = {"data": {"customerChanged": {"kind": "CREATED",
                                                 "customer": {"lastName": name}}}}
        assert on_first == {"a": {"id": "a", "type": "next", "payload": expected},
                            "b": {"id": "b", "type": "next", "payload": expected}}
        assert on_second == {"x": {"id": "x", "type": "next", "payload": expected}}
    finally:
        await first.close()
        await second.close()


async def test_variables_make_a_different_subscription(live_server: str,
                                                       admin_token: str) -> None:
    query = """subscription($id: ID) { customerChanged(id: $id) { customer { lastName } } }"""
    watched = await _create(live_server, admin_token, f"Watched{uuid.uuid4().hex[:6]}")
    ws_all, ws_one = await _connect(live_server, admin_token), \
        await _connect(live_server, admin_token)
    try:
        await _subscribe(ws_all, "1", query)
        await _subscribe(ws_one, "1", query, {"id": watched})
        await _live(live_server, admin_token, ws_all)
        other = f"Other{uuid.uuid4().hex[:6]}"
        await _create(live_server, admin_token, other)
        renamed = f"Renamed{uuid.uuid4().hex[:6]}"
        async with httpx.AsyncClient(headers={"authorization": f"Bearer {admin_token}"}) as c:
            await c.post(f"{live_server}/graphql", json={
                "query": "mutation($id: ID!, $n: String) { customerUpdate(id: $id, input: "
                         "{lastName: $n}) { userErrors { code } } }",
                "variables": {"id": watched, "n": renamed}})
        await _until(ws_all, other)
        await _until(ws_all, renamed)
        # the filtered one's first event is its customer's: nothing of the others came first
        first_message = json.loads(await asyncio.wait_for(ws_one.recv(), WAIT))
        assert _last_name(first_message) == renamed
    finally:
        await ws_all.close()
        await ws_one.close()


async def test_accounts_and_permission_sets_are_not_mixed(live_server: str,
                                                          admin_token: str) -> None:
    suffix = uuid.uuid4().hex[:8]
    await create_account(f"Fanout {suffix}", f"fanout-{suffix}", "CH")
    other_token = await token_for(f"fanout-{suffix}", ALL)
    reader_token = await token_for("default", frozenset({Permission.READ_CUSTOMERS}),
                                   role="read-only")
    no_read_token = await token_for("default", frozenset({Permission.ADD_CUSTOMERS}),
                                    role="staff")
    admin = await _connect(live_server, admin_token)
    reader = await _connect(live_server, reader_token)
    other = await _connect(live_server, other_token)
    try:
        for ws in (admin, reader, other):
            await _subscribe(ws, "1")
        # the same document without read:customers: refused, as a lone subscriber is
        no_read = await _connect(live_server, no_read_token)
        await _subscribe(no_read, "1")
        refused = json.loads(await asyncio.wait_for(no_read.recv(), WAIT))
        assert refused["type"] == "next" and refused["payload"]["data"] is None
        assert refused["payload"]["errors"][0]["extensions"]["code"] == "FORBIDDEN"
        assert json.loads(await asyncio.wait_for(no_read.recv(), WAIT)) == {
            "id": "1", "type": "complete"}
        await no_read.close()

        await _live(live_server, admin_token, admin, reader)
        await _live(live_server, other_token, other)
        mine = f"Mine{uuid.uuid4().hex[:6]}"
        await _create(live_server, admin_token, mine)
        await _until(admin, mine)
        await _until(reader, mine)
        theirs = f"Theirs{uuid.uuid4().hex[:6]}"
        await _create(live_server, other_token, theirs)
        # the other account's next event is its own customer: ours never reached it
        while True:
            message = json.loads(await asyncio.wait_for(other.recv(), WAIT))
            name = _last_name(message)
            assert name != mine
            if name == theirs:
                break
    finally:
        for ws in (admin, reader, other):
            await ws.close()


async def test_one_member_leaving_does_not_end_the_others(live_server: str,
                                                          admin_token: str) -> None:
    starter = await _connect(live_server, admin_token)
    await _subscribe(starter, "1")  # starts the shared execution
    await _live(live_server, admin_token, starter)
    stays = await _connect(live_server, admin_token)
    try:
        await _subscribe(stays, "1")
        await _subscribe(stays, "2")
        await _live(live_server, admin_token, stays)
        await starter.close()  # the first subscriber disconnects
        await stays.send(json.dumps({"id": "1", "type": "complete"}))  # one unsubscribes
        name = f"After{uuid.uuid4().hex[:6]}"
        await _create(live_server, admin_token, name)
        # the events after it arrive for the remaining id only (a later one shows that no
        # message for the completed id was still on its way)
        again = f"Again{uuid.uuid4().hex[:6]}"
        await _create(live_server, admin_token, again)
        seen = []
        while len(seen) < 2:
            message = json.loads(await asyncio.wait_for(stays.recv(), WAIT))
            if _last_name(message) in (name, again):
                assert message["id"] == "2", message
                seen.append(_last_name(message))
        assert seen == [name, again]
    finally:
        await stays.close()


async def test_invalid_shared_documents_are_refused_for_each(live_server: str,
                                                             admin_token: str) -> None:
    sockets = [await _connect(live_server, admin_token) for _ in range(2)]
    try:
        for ws in sockets:
            await _subscribe(ws, "1", "subscription { customerChanged { noSuchField } }")
        for ws in sockets:
            message = json.loads(await asyncio.wait_for(ws.recv(), WAIT))
            assert message["type"] == "error" and message["id"] == "1"
            assert "noSuchField" in message["payload"][0]["message"]
    finally:
        for ws in sockets:
            await ws.close()


MAX_PENDING = 3
BIG = "x" * 10_000
BIG_SUBSCRIPTION = "subscription { customerChanged { customer { lastName " + " ".join(
    f"n{i}: notes" for i in range(25)) + " } } }"  # about 250 KB per event


@pytest.fixture(scope="module")
def small_queue_server(database_url: str):
    with running_server(database_url,
                        CLIENTELE_SUBSCRIBER_MAX_PENDING=str(MAX_PENDING)) as base:
        yield base


async def test_a_stalled_member_is_dropped_while_the_others_keep_receiving(
        small_queue_server: str, admin_token: str) -> None:
    base = small_queue_server
    # no permessage-deflate: the notes must take their size on the wire
    reader = await _connect(base, admin_token, max_size=None, compression=None)
    host, port = base.removeprefix("http://").split(":")
    raw = socket.socket()
    raw.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)  # no kernel buffering to speak of
    raw.connect((host, int(port)))
    raw.setblocking(False)
    stalled = await _connect(base, admin_token, sock=raw, max_size=None, max_queue=1,
                             ping_interval=None, compression=None)
    try:
        await _subscribe(reader, "1", BIG_SUBSCRIPTION)
        await _subscribe(stalled, "1", BIG_SUBSCRIPTION)
        await _live(base, admin_token, reader, stalled)
        stalled.transport.pause_reading()  # the client stops reading its socket
        events = 40  # about 10 MB: more than the kernel and uvicorn buffer for one socket
        names = [f"Flood{n}-{uuid.uuid4().hex[:4]}" for n in range(events)]
        for name in names:
            await _create(base, admin_token, name, notes=BIG)
            await _until(reader, name)  # the reading member gets every event, in order
        stalled.transport.resume_reading()
        received, last = [], None
        while True:
            last = json.loads(await asyncio.wait_for(stalled.recv(), WAIT))
            if last["type"] != "next" or last["payload"].get("errors"):
                break
            if (name := _last_name(last)) in names:
                received.append(name)
        assert last["type"] == "next"
        assert last["payload"]["errors"][0]["extensions"]["code"] == "SUBSCRIBER_TOO_SLOW"
        assert json.loads(await asyncio.wait_for(stalled.recv(), WAIT)) == {
            "id": "1", "type": "complete"}
        assert received == names[:len(received)] and len(received) < events
        # and the reading member is still subscribed
        name = f"Still{uuid.uuid4().hex[:6]}"
        await _create(base, admin_token, name)
        await _until(reader, name)
    finally:
        await reader.close()
        await stalled.close()
