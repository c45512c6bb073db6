"""Trusted documents over the WebSocket (issue 18): a subscription sent as `documentId` runs;
on a trusted-only server a first-party caller's text, an unknown id, or an id with text are
refused with the protocol's `error` message and the code HTTP gives, and the socket stays open;
an API token (a partner) may still send text. Against the real server, on both protocols."""

from __future__ import annotations

import asyncio
import hashlib
import json
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
import websockets

from clientele.accounts.permissions import ALL
from tests.calendar_sync.test_live import SUBSCRIPTION, _feed, _next_title, _subscribe, _upload
from tests.conftest import running_server, token_for

WAIT = 10


def _id(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode()).hexdigest()


@pytest.fixture(scope="module")
def trusted_only_server(database_url: str, tmp_path_factory: pytest.TempPathFactory
                        ) -> Iterator[str]:
    manifest = tmp_path_factory.mktemp("trusted") / "mobile.json"
    manifest.write_text(json.dumps({_id(SUBSCRIPTION): SUBSCRIPTION}))
    with running_server(database_url, TRUSTED_DOCUMENTS=str(manifest),
                        TRUSTED_DOCUMENTS_ONLY="1", CALENDAR_POLLING="0", MESSAGES="0",
                        WEBHOOKS="0", DUPLICATES_REFRESH_SECONDS="0") as base:
        yield base


async def _socket(base: str, protocol: str) -> Any:
    """An anonymous (first-party page's) socket past its handshake."""
    ws = await websockets.connect(base.replace("http://", "ws://") + "/graphql",
                                  subprotocols=[protocol])
    await ws.send(json.dumps({"type": "connection_init"}))
    assert json.loads(await asyncio.wait_for(ws.recv(), WAIT))["type"] == "connection_ack"
    return ws


async def _answer(ws: Any, operation: str) -> dict:
    """The first message for `operation` (keep-alives of the legacy protocol skipped)."""
    while True:
        message = json.loads(await asyncio.wait_for(ws.recv(), WAIT))
        if message.get("id") == operation:
            return message


def _codes(message: dict) -> list[str]:
    payload = message.get("payload")
    errors = payload if isinstance(payload, list) else \
        (payload.get("errors") or [payload]) if isinstance(payload, dict) else []
    return [e.get("extensions", {}).get("code") for e in errors]


async def test_a_subscription_sent_by_id_delivers_events(trusted_only_server: str,
                                                          database: str) -> None:
    token = await token_for("default", ALL)
    # graphql-ws clients must send a `query` string: beside an id it is empty
    ws = await _subscribe(trusted_only_server, token,
                          payload={"query": "", "documentId": _id(SUBSCRIPTION)})
    try:
        title = f"By id {uuid.uuid4().hex[:6]}"
        await _upload(trusted_only_server, token, _feed(uuid.uuid4().hex, title))
        assert (await _next_title(ws, title))["title"] == title
    finally:
        await ws.close()


async def test_a_partners_token_may_still_subscribe_with_text(trusted_only_server: str,
                                                               database: str) -> None:
    token = await token_for("default", ALL)
    ws = await _subscribe(trusted_only_server, token)  # the text, from an API token
    await ws.close()


@pytest.mark.parametrize("protocol,kind", [("graphql-transport-ws", "subscribe"),
                                           ("graphql-ws", "start")])
async def test_first_party_text_and_bad_ids_are_refused_with_codes(
        trusted_only_server: str, protocol: str, kind: str) -> None:
    ws = await _socket(trusted_only_server, protocol)
    try:
        refused = {
            "text": ({"query": SUBSCRIPTION}, "TRUSTED_DOCUMENTS_ONLY"),
            "unknown": ({"query": "", "documentId": _id("subscription { x }")},
                        "PERSISTED_QUERY_NOT_FOUND"),
            "both": ({"query": SUBSCRIPTION, "documentId": _id(SUBSCRIPTION)}, "BAD_REQUEST"),
            "not-a-string": ({"query": "", "documentId": 7}, "BAD_REQUEST"),
        }
        for operation, (payload, code) in refused.items():
            await ws.send(json.dumps({"id": operation, "type": kind, "payload": payload}))
            message = await _answer(ws, operation)
            assert message["type"] == "error" and _codes(message) == [code], message
        # the socket is still open, and a known id gets past the gate to the resolvers (which
        # want a signed-in caller: not a trusted-documents code)
        await ws.send(json.dumps({"id": "known", "type": kind, "payload": {
            "query": "", "documentId": _id(SUBSCRIPTION)}}))
        message = await _answer(ws, "known")
        assert message["type"] in ("error", "next", "data"), message
        assert not {"TRUSTED_DOCUMENTS_ONLY", "PERSISTED_QUERY_NOT_FOUND", "BAD_REQUEST"} \
            & set(_codes(message)), message
    finally:
        await ws.close()
