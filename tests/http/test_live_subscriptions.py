"""Subscriptions against the live server: graphql-transport-ws over WebSocket, and SSE."""

import asyncio
import json
import uuid

import httpx
import websockets

SUBSCRIPTION = "subscription { customerChanged { kind customer { lastName } } }"


async def _create(base: str, last_name: str, token: str) -> None:
    async with httpx.AsyncClient(headers={"authorization": f"Bearer {token}"}) as client:
        response = await client.post(f"{base}/graphql", json={
            "query": "mutation($n: String) { customerCreate(input: {lastName: $n}) "
                     "{ userErrors { code } } }", "variables": {"n": last_name}})
        assert response.json()["data"]["customerCreate"]["userErrors"] == []


async def test_graphql_transport_ws(live_server: str, admin_token: str) -> None:
    name = f"Ws{uuid.uuid4().hex[:6]}"
    url = live_server.replace("http://", "ws://") + "/graphql"
    async with websockets.connect(url, subprotocols=["graphql-transport-ws"]) as ws:
        await ws.send(json.dumps({"type": "connection_init",
                                  "payload": {"authorization": f"Bearer {admin_token}"}}))
        assert json.loads(await ws.recv())["type"] == "connection_ack"
        await ws.send(json.dumps({"id": "1", "type": "subscribe",
                                  "payload": {"query": SUBSCRIPTION}}))
        await asyncio.sleep(0.3)
        await _create(live_server, name, admin_token)
        while True:
            message = json.loads(await asyncio.wait_for(ws.recv(), 5))
            if message["type"] == "next":
                event = message["payload"]["data"]["customerChanged"]
                if event["customer"]["lastName"] == name:
                    break
        assert event["kind"] == "CREATED"


async def test_server_sent_events(live_server: str, admin_token: str) -> None:
    name = f"Sse{uuid.uuid4().hex[:6]}"
    async with httpx.AsyncClient(timeout=10) as client, client.stream(
        "POST", f"{live_server}/graphql", json={"query": SUBSCRIPTION},
        headers={"accept": "text/event-stream", "authorization": f"Bearer {admin_token}"},
    ) as response:
        assert response.headers["content-type"].startswith("text/event-stream")
        await asyncio.sleep(0.3)
        await _create(live_server, name, admin_token)
        async for line in response.aiter_lines():
            if line.startswith("data:") and name in line:
                payload = json.loads(line.removeprefix("data:"))
                assert payload["data"]["customerChanged"]["kind"] == "CREATED"
                break


async def test_websocket_messages_are_text_frames(live_server: str, admin_token: str) -> None:
    url = live_server.replace("http://", "ws://") + "/graphql"
    async with websockets.connect(url, subprotocols=["graphql-transport-ws"]) as ws:
        await ws.send(json.dumps({"type": "connection_init",
                                  "payload": {"authorization": f"Bearer {admin_token}"}}))
        ack = await ws.recv()
        assert isinstance(ack, str) and json.loads(ack)["type"] == "connection_ack"


async def test_a_client_accepting_json_gets_json_for_queries(live_server: str,
                                                            admin_token: str) -> None:
    async with httpx.AsyncClient(headers={"authorization": f"Bearer {admin_token}"}) as client:
        response = await client.post(f"{live_server}/graphql", json={"query": "{ me { name } }"},
                                     headers={"accept": "application/graphql-response+json, "
                                              "application/json, text/event-stream"})
    assert response.headers["content-type"].startswith("application/graphql-response+json")
    assert response.json()["data"]["me"]["name"] == "Test admin"
