"""How long a revocation takes to close an open WebSocket on another instance.

    .venv/bin/python bench/revocation.py --a http://127.0.0.1:8000 --b http://127.0.0.1:8001 \\
        --database-url postgresql://… [--connections 50] [--bystanders 500]

Both instances must share a broker (BROADCAST_URL=redis://…). For each of --connections API
tokens (users of the default account, created directly in the database), a graphql-transport-ws
socket on B subscribes to customerChanged; --bystanders more sockets (one admin token, all
sharing one execution) stay subscribed throughout, so the revocations are measured while B has
many open connections. Each token is then revoked through A (apiTokenRevoke), one after
another, and the time from A's response to the close frame on B is recorded. The issue's
target is one second.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import secrets
import statistics
import time
from typing import Any

import httpx
import websockets
from websockets.exceptions import ConnectionClosed

from clientele import database
from clientele.accounts import sessions
from clientele.accounts.bootstrap import create_user_with_role
from clientele.accounts.permissions import ALL
from clientele.accounts.principal import Principal
from clientele.accounts.services import get_account_by_slug
from clientele.core import db, ids

SUBSCRIPTION = "subscription { customerChanged { kind } }"


async def _token() -> tuple[str, Any]:
    account = await get_account_by_slug("default")
    assert account is not None
    user = await create_user_with_role(account, f"bench-{secrets.token_hex(4)}@example.com",
                                       "Bench", "bench-password-123", "admin")
    owner = Principal(account=account, permissions=ALL, user_id=user["id"], via="session")
    token, row = await sessions.create_api_token(owner, "bench", ALL)
    return token, row["id"]


async def _subscribed(base: str, token: str) -> Any:
    ws = await websockets.connect(base.replace("http://", "ws://") + "/graphql",
                                  subprotocols=["graphql-transport-ws"])
    await ws.send(json.dumps({"type": "connection_init",
                              "payload": {"authorization": f"Bearer {token}"}}))
    assert json.loads(await ws.recv())["type"] == "connection_ack"
    await ws.send(json.dumps({"id": "1", "type": "subscribe",
                              "payload": {"query": SUBSCRIPTION}}))
    return ws


async def _closed(ws: Any) -> float:
    try:
        while True:
            await ws.recv()
    except ConnectionClosed:
        return time.perf_counter()


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--a", required=True)
    parser.add_argument("--b", required=True)
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--bystanders", type=int, default=500)
    args = parser.parse_args()
    database.configure(args.database_url)
    await db.start_pool()
    bystander_token, _ = await _token()
    bystanders = [await _subscribed(args.b, bystander_token) for _ in range(args.bystanders)]
    tokens = [await _token() for _ in range(args.connections)]
    sockets = [await _subscribed(args.b, token) for token, _ in tokens]
    delays = []
    async with httpx.AsyncClient(timeout=30) as client:
        for (token, token_id), ws in zip(tokens, sockets, strict=True):
            closed = asyncio.create_task(_closed(ws))
            response = await client.post(f"{args.a}/graphql", headers={
                "authorization": f"Bearer {token}"}, json={
                "query": "mutation($id: ID!) { apiTokenRevoke(id: $id) { userErrors { code } } }",
                "variables": {"id": ids.encode("ApiToken", token_id)}})
            answered = time.perf_counter()
            assert response.json()["data"]["apiTokenRevoke"]["userErrors"] == []
            delays.append((await asyncio.wait_for(closed, 10) - answered) * 1000)
    for ws in bystanders:
        await ws.close()
    delays.sort()
    print(f"{len(delays)} revocations, {args.bystanders} other open sockets on B: close after "
          f"A's response median {statistics.median(delays):.1f} ms, "
          f"p95 {delays[int(len(delays) * 0.95) - 1]:.1f} ms, max {delays[-1]:.1f} ms")
    await db.close_pool()


if __name__ == "__main__":
    asyncio.run(main())
