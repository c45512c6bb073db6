"""Faults are reported, not crashed (issue 10, class 10).

A production server runs with its database behind a TCP relay that the test cuts and restores
(tests/security/tcp_proxy.py) and its event broker on PostgreSQL LISTEN/NOTIFY, whose
connection the test terminates. What the client sees is asserted: /healthz 503 with the reason,
GraphQL errors with `extensions.code = SERVICE_UNAVAILABLE` (readable in production, never
"Unexpected error." nor an `[Errno …]`), and the server serving again once the database is back.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from urllib.parse import parse_qs, urlparse, urlunparse

import asyncpg
import httpx
import pytest
import websockets

from tests.conftest import running_server
from tests.security.tcp_proxy import TcpProxy
from tests.waiting import eventually, eventually_sync

LOGIN = "mutation($e: String!, $p: String!) { login(email: $e, password: $p) " \
        "{ me { name } userErrors { code message } } }"
PUBLIC_QUERY = '{ bookingFormFields(accountSlug: "default") { key } }'


def _upstream(database_url: str) -> tuple[str, int] | str:
    """Where the database listens: host and port, or the Unix socket of the embedded server
    (`postgresql://postgres:@/name?host=/dir`, socket `/dir/.s.PGSQL.<port>`)."""
    target = urlparse(database_url)
    socket_dir = parse_qs(target.query).get("host", [None])[0]
    if not target.hostname and socket_dir:
        return f"{socket_dir}/.s.PGSQL.{target.port or 5432}"
    return (target.hostname or "127.0.0.1", target.port or 5432)


def _through(database_url: str, port: int) -> str:
    """The same database URL, through the relay on 127.0.0.1:`port`."""
    target = urlparse(database_url)
    user = target.netloc.rpartition("@")[0]
    query = "&".join(f"{k}={v}" for k, values in parse_qs(target.query).items()
                     if k != "host" for v in values)
    return urlunparse(target._replace(netloc=f"{user}@127.0.0.1:{port}", query=query))


class Server:
    def __init__(self, base: str, proxy: TcpProxy, database_url: str) -> None:
        self.base, self.proxy, self.database_url = base, proxy, database_url


@pytest.fixture(scope="module")
def server(database_url: str) -> Iterator[Server]:
    proxy = TcpProxy(_upstream(database_url)).start()
    proxied = _through(database_url, proxy.port)
    broker = database_url.replace("postgresql://", "postgres://", 1)
    try:
        with running_server(proxied, APP_ENV="production", BROADCAST_URL=broker,
                            CALENDAR_POLLING="0") as base:
            yield Server(base, proxy, database_url)
    finally:
        proxy.cut()


@pytest.fixture
def database_down(server: Server) -> Iterator[Server]:
    """The database is unreachable for the test; afterwards it is back and the server serves."""
    server.proxy.cut()
    try:
        yield server
    finally:
        server.proxy.start()
        eventually_sync(lambda: httpx.get(f"{server.base}/healthz").status_code == 200,
                        within=20, what="the server to reach its database again")


def _coded(body: dict) -> dict:
    error = body["errors"][0]
    assert error["extensions"]["code"] == "SERVICE_UNAVAILABLE", body
    assert "Errno" not in json.dumps(body) and "Unexpected error" not in error["message"], body
    assert error["message"].strip(), body
    return error


def test_healthz_is_503_with_the_reason(database_down: Server) -> None:
    response = httpx.get(f"{database_down.base}/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "reason": "database unreachable"}


def test_a_query_gets_a_coded_error_not_a_masked_one(database_down: Server) -> None:
    response = httpx.post(f"{database_down.base}/graphql", json={"query": PUBLIC_QUERY})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    _coded(response.json())


def test_graphql_response_media_type_keeps_status_200_for_field_errors(
        database_down: Server) -> None:
    """The operation began executing (the error has a path and `data` is present), so
    GraphQL over HTTP wants a 2xx even with application/graphql-response+json."""
    response = httpx.post(f"{database_down.base}/graphql", json={"query": PUBLIC_QUERY},
                          headers={"accept": "application/graphql-response+json"})
    assert response.status_code == 200
    body = response.json()
    assert "data" in body
    _coded(body)


def test_sign_in_reports_the_fault_in_words(database_down: Server) -> None:
    response = httpx.post(f"{database_down.base}/graphql", json={
        "query": LOGIN, "variables": {"e": "someone@example.com", "p": "a-password-123"}})
    assert response.status_code == 200
    _coded(response.json())


def test_a_token_that_cannot_be_checked_is_503_with_a_code(database_down: Server) -> None:
    """The bearer token is looked up before GraphQL runs: the request never reaches GraphQL,
    so it is a plain HTTP error with the same code (and when to retry)."""
    response = httpx.post(f"{database_down.base}/graphql", json={"query": PUBLIC_QUERY},
                          headers={"authorization": "Bearer clt_whatever"})
    assert response.status_code == 503
    assert response.headers["retry-after"].isdigit()
    _coded(response.json())


def test_the_server_serves_again_when_the_database_is_back(database_down: Server) -> None:
    assert httpx.get(f"{database_down.base}/healthz").status_code == 503
    database_down.proxy.start()
    eventually_sync(lambda: httpx.get(f"{database_down.base}/healthz").status_code == 200,
                    within=20, what="the database to be reachable again")
    response = httpx.post(f"{database_down.base}/graphql", json={"query": PUBLIC_QUERY})
    assert response.status_code == 200 and "errors" not in response.json()
    database_down.proxy.cut()  # the fixture restores it once more


async def _listening(database_url: str, channel: str) -> bool:
    conn = await asyncpg.connect(database_url)
    try:
        return bool(await conn.fetchval(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND query ILIKE $1", f"%LISTEN%{channel}%"))
    finally:
        await conn.close()


async def _terminate_listeners(database_url: str) -> int:
    conn = await asyncpg.connect(database_url)
    try:
        return await conn.fetchval(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = current_database() AND query ILIKE 'LISTEN%'")
    finally:
        await conn.close()


async def test_a_lost_broker_ends_the_subscription_with_a_coded_error(server: Server) -> None:
    from clientele.accounts.permissions import ALL
    from tests.conftest import token_for

    token = await token_for("default", ALL)
    url = server.base.replace("http://", "ws://") + "/graphql"
    async with websockets.connect(url, subprotocols=["graphql-transport-ws"]) as ws:
        await ws.send(json.dumps({"type": "connection_init",
                                  "payload": {"authorization": f"Bearer {token}"}}))
        assert json.loads(await ws.recv())["type"] == "connection_ack"
        await ws.send(json.dumps({"id": "1", "type": "subscribe",
                                  "payload": {"query": "subscription { syncRunFinished { id } }"}}))
        await eventually(lambda: _listening(server.database_url, "sync_run"),
                         what="the subscription to reach the broker")
        assert await _terminate_listeners(server.database_url) >= 1
        message = json.loads(await asyncio.wait_for(ws.recv(), 10))
    assert message["type"] == "next", message
    error = message["payload"]["errors"][0]
    assert error["extensions"]["code"] == "SERVICE_UNAVAILABLE", message
    assert "event broker" in error["message"]


async def test_any_other_escaped_error_is_a_coded_500_with_the_headers() -> None:
    """A bug in a handler: the client reads a coded JSON error, not Starlette's bare text."""
    from starlette.routing import Route

    from clientele.app import create_app
    from clientele.settings import Settings

    async def broken(request: object) -> None:
        raise RuntimeError("a bug")

    app = create_app(Settings(calendar_polling=False))
    app.router.routes.insert(0, Route("/broken", broken))  # before the SPA's catch-all
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        response = await client.get("/broken")
    assert response.status_code == 500
    assert response.json() == {"errors": [{"message": "Internal server error.",
                                           "extensions": {"code": "INTERNAL_ERROR"}}]}
    assert response.headers["x-content-type-options"] == "nosniff"
