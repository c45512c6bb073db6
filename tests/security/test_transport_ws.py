"""graphql-transport-ws to the letter (issue 10, class 13), against the real server.

The protocol (github.com/enisdenjo/graphql-ws, PROTOCOL.md) says that a message of a type or
format it does not specify closes the socket at once with `4400: <error-message>`; a
`subscribe` before `connection_ack` closes with 4401, a second `connection_init` with 4429, a
second active subscriber for one id with 4409. Each case checks the close code the client
reads (an exception in the handler would instead drop the socket or close it with 1011), and
that the server still answers afterwards. The legacy graphql-ws protocol and the SSE transport
get hostile input too and must answer it with a coded error, never a crash.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx
import pytest
import websockets
from websockets.exceptions import ConnectionClosed

WAIT = 5  # seconds a close frame may take before the test fails
QUERY = "query { __typename }"


def _url(base: str) -> str:
    return base.replace("http://", "ws://") + "/graphql"


async def _closed(ws: Any) -> tuple[int, str]:
    """Read until the server closes the socket; returns (code, reason). Messages that arrive
    before the close are returned in the failure message if the socket never closes."""
    seen = []
    try:
        async with asyncio.timeout(WAIT):
            while True:
                seen.append(await ws.recv())
    except ConnectionClosed as closed:
        assert closed.rcvd is not None, f"no close frame from the server (after {seen})"
        return closed.rcvd.code, closed.rcvd.reason
    except TimeoutError:
        raise AssertionError(f"socket still open after {WAIT} s; received {seen}") from None


async def _acknowledged(base: str) -> Any:
    ws = await websockets.connect(_url(base), subprotocols=["graphql-transport-ws"])
    await ws.send(json.dumps({"type": "connection_init"}))
    assert json.loads(await asyncio.wait_for(ws.recv(), WAIT)) == {"type": "connection_ack"}
    return ws


def _still_serving(base: str) -> None:
    response = httpx.post(f"{base}/graphql", json={"query": QUERY}, timeout=WAIT)
    assert response.status_code == 200 and response.json() == {"data": {"__typename": "Query"}}


BEFORE_INIT = [
    pytest.param("{not json", id="not-json"),
    pytest.param("[]", id="array"),
    pytest.param('[{"type": "connection_init"}]', id="array-of-message"),
    pytest.param("1", id="number"),
    pytest.param('"connection_init"', id="string"),
    pytest.param("true", id="boolean"),
    pytest.param("null", id="null"),
    pytest.param("{}", id="no-type"),
    pytest.param('{"type": null}', id="type-null"),
    pytest.param('{"type": 1}', id="type-number"),
    pytest.param('{"type": ["connection_init"]}', id="type-array"),
    pytest.param('{"type": "hello"}', id="unknown-type"),
    pytest.param('{"type": "connection_ack"}', id="server-type-ack"),
    pytest.param('{"type": "connection_init", "payload": []}', id="init-payload-array"),
    pytest.param('{"type": "connection_init", "payload": "token"}', id="init-payload-string"),
    pytest.param('{"type": "connection_init", "payload": 7}', id="init-payload-number"),
    pytest.param('{"type": "ping", "payload": []}', id="ping-payload-array"),
    pytest.param("[" * 100_000 + "]" * 100_000, id="deeply-nested"),
    pytest.param('{"type": "subscribe", "id": 1, "payload": {"query": "{a}"}}',
                 id="subscribe-malformed-before-ack"),
]


@pytest.mark.parametrize("text", BEFORE_INIT)
async def test_malformed_message_before_init_closes_with_4400(live_server: str,
                                                              text: str) -> None:
    async with websockets.connect(_url(live_server), subprotocols=["graphql-transport-ws"],
                                  max_size=None) as ws:
        await ws.send(text)
        code, reason = await _closed(ws)
    assert code == 4400 and reason
    _still_serving(live_server)


def _subscribe(**fields: Any) -> str:
    return json.dumps({"type": "subscribe", **fields})


AFTER_ACK = [
    pytest.param("[]", id="array"),
    pytest.param("null", id="null"),
    pytest.param("42", id="number"),
    pytest.param(_subscribe(payload={"query": QUERY}), id="subscribe-without-id"),
    pytest.param(_subscribe(id=1, payload={"query": QUERY}), id="id-number"),
    pytest.param(_subscribe(id=None, payload={"query": QUERY}), id="id-null"),
    pytest.param(_subscribe(id=["1"], payload={"query": QUERY}), id="id-array"),
    pytest.param(_subscribe(id={"a": 1}, payload={"query": QUERY}), id="id-object"),
    pytest.param(_subscribe(id="", payload={"query": QUERY}), id="id-empty"),
    pytest.param(_subscribe(id="1"), id="payload-missing"),
    pytest.param(_subscribe(id="1", payload=None), id="payload-null"),
    pytest.param(_subscribe(id="1", payload=[QUERY]), id="payload-array"),
    pytest.param(_subscribe(id="1", payload=QUERY), id="payload-string"),
    pytest.param(_subscribe(id="1", payload={}), id="query-missing"),
    pytest.param(_subscribe(id="1", payload={"query": None}), id="query-null"),
    pytest.param(_subscribe(id="1", payload={"query": 1}), id="query-number"),
    pytest.param(_subscribe(id="1", payload={"query": {"q": QUERY}}), id="query-object"),
    pytest.param(_subscribe(id="1", payload={"query": QUERY, "variables": []}),
                 id="variables-array"),
    pytest.param(_subscribe(id="1", payload={"query": QUERY, "variables": "x"}),
                 id="variables-string"),
    pytest.param(_subscribe(id="1", payload={"query": QUERY, "operationName": 1}),
                 id="operation-name-number"),
    pytest.param(_subscribe(id="1", payload={"query": QUERY, "extensions": []}),
                 id="extensions-array"),
    pytest.param(json.dumps({"type": "complete", "id": 1}), id="complete-id-number"),
    pytest.param(json.dumps({"type": "complete"}), id="complete-without-id"),
    pytest.param(json.dumps({"type": "next", "id": "1", "payload": {}}), id="server-type-next"),
    pytest.param(json.dumps({"type": "pong", "payload": "x"}), id="pong-payload-string"),
]


@pytest.mark.parametrize("text", AFTER_ACK)
async def test_malformed_message_after_ack_closes_with_4400(live_server: str,
                                                            text: str) -> None:
    ws = await _acknowledged(live_server)
    try:
        await ws.send(text)
        code, reason = await _closed(ws)
    finally:
        await ws.close()
    assert code == 4400 and reason
    _still_serving(live_server)


async def test_binary_frame_closes_with_4400(live_server: str) -> None:
    ws = await _acknowledged(live_server)
    try:
        await ws.send(json.dumps({"type": "ping"}).encode())
        assert await _closed(ws) == (4400, "WebSocket message type must be text")
    finally:
        await ws.close()


async def test_init_payload_may_be_null_or_absent(live_server: str) -> None:
    """`payload?: Record<string, unknown> | null`: both forms are acknowledged."""
    for init in ({"type": "connection_init", "payload": None}, {"type": "connection_init"}):
        async with websockets.connect(_url(live_server),
                                      subprotocols=["graphql-transport-ws"]) as ws:
            await ws.send(json.dumps(init))
            assert json.loads(await asyncio.wait_for(ws.recv(), WAIT)) == {
                "type": "connection_ack"}


async def test_well_formed_optional_fields_are_accepted(live_server: str) -> None:
    """null for the optional fields, ping with and without payload, complete of an unknown id:
    all valid, so the operation runs and the socket stays open."""
    ws = await _acknowledged(live_server)
    try:
        await ws.send(json.dumps({"type": "ping", "payload": {"at": 1}}))
        assert json.loads(await asyncio.wait_for(ws.recv(), WAIT)) == {"type": "pong"}
        await ws.send(json.dumps({"type": "pong"}))
        await ws.send(json.dumps({"type": "complete", "id": "never-started"}))
        await ws.send(_subscribe(id="q", payload={"query": QUERY, "variables": None,
                                                  "operationName": None,
                                                  "extensions": None}))
        assert json.loads(await asyncio.wait_for(ws.recv(), WAIT)) == {
            "id": "q", "type": "next", "payload": {"data": {"__typename": "Query"}}}
        assert json.loads(await asyncio.wait_for(ws.recv(), WAIT)) == {
            "id": "q", "type": "complete"}
    finally:
        await ws.close()


async def test_subscribe_before_ack_closes_with_4401(live_server: str) -> None:
    async with websockets.connect(_url(live_server), subprotocols=["graphql-transport-ws"]) as ws:
        await ws.send(_subscribe(id="1", payload={"query": QUERY}))
        assert await _closed(ws) == (4401, "Unauthorized")


async def test_second_init_closes_with_4429(live_server: str) -> None:
    ws = await _acknowledged(live_server)
    try:
        await ws.send(json.dumps({"type": "connection_init"}))
        assert await _closed(ws) == (4429, "Too many initialisation requests")
    finally:
        await ws.close()


async def test_duplicate_subscriber_id_closes_with_4409(live_server: str,
                                                        admin_token: str) -> None:
    ws = await websockets.connect(_url(live_server), subprotocols=["graphql-transport-ws"])
    try:
        await ws.send(json.dumps({"type": "connection_init",
                                  "payload": {"authorization": f"Bearer {admin_token}"}}))
        assert json.loads(await asyncio.wait_for(ws.recv(), WAIT))["type"] == "connection_ack"
        subscription = "subscription { customerChanged { kind } }"
        await ws.send(_subscribe(id="dup", payload={"query": subscription}))
        await ws.send(_subscribe(id="dup", payload={"query": subscription}))
        assert await _closed(ws) == (4409, "Subscriber for dup already exists")
    finally:
        await ws.close()


LEGACY = [
    pytest.param("[]", id="array"),
    pytest.param("null", id="null"),
    pytest.param('"start"', id="string"),
    pytest.param('{"type": 5}', id="type-number"),
    pytest.param('{"type": "start", "id": "1"}', id="start-without-payload"),
    pytest.param('{"type": "start", "id": "1", "payload": []}', id="start-payload-array"),
    pytest.param('{"type": "start", "id": ["1"], "payload": {"query": "{a}"}}',
                 id="start-id-array"),
    pytest.param('{"type": "start", "id": "1", "payload": {"query": 3}}', id="start-query-num"),
    pytest.param('{"type": "stop", "id": {}}', id="stop-id-object"),
]


@pytest.mark.parametrize("text", LEGACY)
async def test_legacy_graphql_ws_malformed_message_closes_with_4400(live_server: str,
                                                                    text: str) -> None:
    async with websockets.connect(_url(live_server), subprotocols=["graphql-ws"],
                                  max_size=None) as ws:
        await ws.send(json.dumps({"type": "connection_init"}))
        assert json.loads(await asyncio.wait_for(ws.recv(), WAIT)) == {"type": "connection_ack"}
        await ws.send(text)
        code, reason = await _closed(ws)
    assert code == 4400 and reason
    _still_serving(live_server)


async def test_legacy_graphql_ws_ignores_text_that_is_not_json(live_server: str) -> None:
    """The legacy protocol skips what does not parse (Strawberry's behaviour, kept), however
    deeply nested; the connection goes on serving."""
    async with websockets.connect(_url(live_server), subprotocols=["graphql-ws"],
                                  max_size=None) as ws:
        await ws.send(json.dumps({"type": "connection_init"}))
        assert json.loads(await asyncio.wait_for(ws.recv(), WAIT)) == {"type": "connection_ack"}
        await ws.send("{not json")
        await ws.send("[" * 100_000 + "]" * 100_000)
        await ws.send(json.dumps({"type": "start", "id": "1", "payload": {
            "query": "subscription { customerChanged { kind } }"}}))
        answer = json.loads(await asyncio.wait_for(ws.recv(), WAIT))  # anonymous: refused
        assert answer["id"] == "1" and answer["type"] == "data"
        assert answer["payload"]["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_close_reasons_echoing_client_values_fit_a_close_frame(live_server: str,
                                                                     admin_token: str) -> None:
    """A close reason has at most 123 bytes; one that echoes a long type or id is shortened
    (a longer one cannot be sent, and the socket dropped instead)."""
    ws = await _acknowledged(live_server)
    try:
        await ws.send(json.dumps({"type": "ü" * 200}))
        code, reason = await _closed(ws)
        assert code == 4400 and reason.startswith("Unknown message type: üü")
        assert len(reason.encode()) <= 123
    finally:
        await ws.close()
    ws = await websockets.connect(_url(live_server), subprotocols=["graphql-transport-ws"])
    try:
        await ws.send(json.dumps({"type": "connection_init",
                                  "payload": {"authorization": f"Bearer {admin_token}"}}))
        assert json.loads(await asyncio.wait_for(ws.recv(), WAIT))["type"] == "connection_ack"
        long_id = "x" * 500
        subscription = "subscription { customerChanged { kind } }"
        await ws.send(_subscribe(id=long_id, payload={"query": subscription}))
        await ws.send(_subscribe(id=long_id, payload={"query": subscription}))
        code, reason = await _closed(ws)
        assert code == 4409 and reason.startswith("Subscriber for xxx")
        assert len(reason.encode()) <= 123
    finally:
        await ws.close()


SSE_BODIES = [
    pytest.param({"query": "subscription {"}, id="syntax-error"),
    pytest.param({"query": "subscription { " + "a " * 6000 + "}"}, id="over-token-limit"),
    pytest.param({"query": "subscription { customerChanged { noSuchField } }"},
                 id="unknown-field"),
    pytest.param({"query": "subscription { customerChanged { kind } }"}, id="anonymous"),
]


@pytest.mark.parametrize("body", SSE_BODIES)
async def test_sse_stream_that_cannot_run_ends_with_a_message(live_server: str,
                                                              body: Any) -> None:
    """The body is well formed (the body parser's cases are in test_hostile_input) but the
    operation cannot run: the stream carries the error and completes; it is not cut off."""
    async with httpx.AsyncClient(timeout=WAIT) as client:
        response = await client.post(f"{live_server}/graphql", json=body,
                                     headers={"accept": "text/event-stream"})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/event-stream")
    events = [e for e in response.text.split("\r\n\r\n") if e]
    assert events[0].startswith("event: next\r\ndata: ")
    assert json.loads(events[0].split("data: ", 1)[1])["errors"][0]["message"]
    assert events[1:] == ["event: complete\r\ndata: "]
