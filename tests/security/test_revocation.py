"""Revocation reaches open connections (issue 10, class 4).

Two real servers share events through Redis. A staff member subscribes on instance B; the
credential is revoked (or the user changed) through instance A; B must close the WebSocket with
4403 (or end the SSE stream with a REVOKED error) within the deadline, and no event published
after the revocation may reach the subscriber. The periodic re-check is switched off on these
two servers (LIVE_RECHECK_SECONDS=0), so only the revocation event can close anything; a
separate server shows that the re-check ends a connection whose revocation nobody announced.
"""

from __future__ import annotations

import asyncio
import json
import secrets
import time
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import websockets
from websockets.exceptions import ConnectionClosed

from clientele.accounts import events, sessions
from clientele.accounts.bootstrap import create_user_with_role
from clientele.accounts.permissions import ALL, Permission
from clientele.accounts.principal import Principal
from clientele.accounts.services import get_account_by_slug
from clientele.api import live
from clientele.core import db, ids
from tests.conftest import redis_or_skip, running_server
from tests.waiting import eventually

SUBSCRIPTION = "subscription { customerChanged { kind customer { lastName } } }"
DEADLINE = 5  # seconds a revocation may take to close the connection before the test fails
PASSWORD = "test-password-123"


@pytest.fixture(scope="module")
def instances(database_url: str) -> Iterator[tuple[str, str]]:
    broker = redis_or_skip("revocation reaching another instance")
    env = {"BROADCAST_URL": broker, "LIVE_RECHECK_SECONDS": "0", "CALENDAR_POLLING": "0"}
    with running_server(database_url, **env) as a, running_server(database_url, **env) as b:
        yield a, b


class Staff:
    """A staff user of the live servers' default account with an API token."""

    def __init__(self, user: Any, token: str, token_row: Any) -> None:
        self.user_id = user["id"]
        self.global_id = ids.encode("StaffUser", user["id"])
        self.token = token
        self.token_id = token_row["id"]


async def _staff(role: str = "admin", permissions: frozenset[Permission] = ALL) -> Staff:
    account = await get_account_by_slug("default")
    assert account is not None
    user = await create_user_with_role(account, f"{role}-{secrets.token_hex(4)}@example.com",
                                       f"Revocable {role}", PASSWORD, role)
    owner = Principal(account=account, permissions=ALL, user_id=user["id"], via="session")
    token, row = await sessions.create_api_token(owner, "revocation test", permissions)
    return Staff(user, token, row)


async def _graphql(base: str, query: str, token: str | None = None,
                   headers: dict[str, str] | None = None, **variables: Any) -> dict[str, Any]:
    all_headers = {**({"authorization": f"Bearer {token}"} if token else {}), **(headers or {})}
    async with httpx.AsyncClient(timeout=30, headers=all_headers) as client:
        response = await client.post(f"{base}/graphql",
                                     json={"query": query, "variables": variables})
    body = response.json()
    assert response.status_code == 200 and "errors" not in body, body
    return body["data"]


async def _create(base: str, token: str, last_name: str) -> None:
    data = await _graphql(base, "mutation($n: String) { customerCreate(input: {lastName: $n}) "
                                "{ userErrors { code } } }", token, n=last_name)
    assert data["customerCreate"]["userErrors"] == []


async def _connect(base: str, token: str | None = None, cookie: str | None = None) -> Any:
    headers = {"cookie": f"clientele_session={cookie}"} if cookie else None
    ws = await websockets.connect(base.replace("http://", "ws://") + "/graphql",
                                  subprotocols=["graphql-transport-ws"],
                                  additional_headers=headers)
    payload = {"authorization": f"Bearer {token}"} if token else {}
    await ws.send(json.dumps({"type": "connection_init", "payload": payload}))
    assert json.loads(await asyncio.wait_for(ws.recv(), DEADLINE)) == {"type": "connection_ack"}
    await ws.send(json.dumps({"id": "1", "type": "subscribe",
                              "payload": {"query": SUBSCRIPTION}}))
    return ws


def _last_name(message: dict[str, Any]) -> str | None:
    assert message["type"] == "next", message
    customer = message["payload"]["data"]["customerChanged"]["customer"]
    return customer["lastName"] if customer else None


async def _until(ws: Any, name: str) -> None:
    """Read until the event about `name` (earlier ones are skipped)."""
    async with asyncio.timeout(DEADLINE):
        while _last_name(json.loads(await ws.recv())) != name:
            pass


async def _live(a: str, token: str, *sockets: Any) -> None:
    """The handshake: create customers through A until every socket on B has had an event
    (its subscription has reached the broker); later reads skip these warm-up events."""
    waiting = list(sockets)

    async def all_arrived() -> bool:
        name = f"Warm{uuid.uuid4().hex[:6]}"
        await _create(a, token, name)
        for ws in list(waiting):
            try:
                await asyncio.wait_for(_until(ws, name), 1)
                waiting.remove(ws)
            except TimeoutError:
                pass
        return not waiting

    await eventually(all_arrived, within=20, what="the subscriptions to become live")


async def _closed_without(ws: Any, name: str) -> tuple[int, str]:
    """Wait (at most DEADLINE) for the server to close `ws`; no event about `name`, created
    after the revocation, may arrive first."""
    try:
        async with asyncio.timeout(DEADLINE):
            while True:
                assert _last_name(json.loads(await ws.recv())) != name, \
                    "an event published after the revocation was delivered"
    except ConnectionClosed as closed:
        assert closed.rcvd is not None, "the socket dropped without a close frame"
        return closed.rcvd.code, closed.rcvd.reason
    except TimeoutError:
        raise AssertionError(f"still open {DEADLINE} s after the revocation") from None


FORBIDDEN = (live.CLOSE_CODE, live.CLOSE_REASON)


async def test_revoking_a_token_closes_its_websocket_on_the_other_instance(
        instances: tuple[str, str]) -> None:
    a, b = instances
    staff, neighbour = await _staff(), await _staff()
    revoked = await _connect(b, staff.token)  # first: the shared execution runs as this one
    stays = await _connect(b, neighbour.token)  # same account, permissions, document
    try:
        await _live(a, neighbour.token, revoked, stays)
        data = await _graphql(a, "mutation($id: ID!) { apiTokenRevoke(id: $id) "
                                 "{ apiToken { revokedAt } userErrors { code } } }",
                              staff.token, id=ids.encode("ApiToken", staff.token_id))
        assert data["apiTokenRevoke"]["userErrors"] == []
        after = f"After{uuid.uuid4().hex[:6]}"
        await _create(a, neighbour.token, after)
        assert await _closed_without(revoked, after) == FORBIDDEN
        await _until(stays, after)  # the other member of the shared execution goes on
        with pytest.raises(ConnectionClosed) as refused:  # and the token opens nothing more
            await _connect(b, staff.token)
        assert refused.value.rcvd is not None and refused.value.rcvd.code == 4403
    finally:
        await revoked.close()
        await stays.close()


async def test_logging_out_closes_the_sessions_websocket_on_the_other_instance(
        instances: tuple[str, str]) -> None:
    a, b = instances
    staff = await _staff()
    cookie, csrf = await sessions.create_session(staff.user_id)
    ws = await _connect(b, cookie=cookie)
    try:
        await _live(a, staff.token, ws)
        data = await _graphql(a, "mutation { logout { ok } }",
                              headers={"cookie": f"clientele_session={cookie}",
                                       "x-csrf-token": csrf})
        assert data["logout"]["ok"] is True
        after = f"After{uuid.uuid4().hex[:6]}"
        await _create(a, staff.token, after)
        assert await _closed_without(ws, after) == FORBIDDEN
    finally:
        await ws.close()


async def _update_user(a: str, admin: Staff, user: Staff, **changes: Any) -> None:
    data = await _graphql(a, "mutation($id: ID!, $input: UserUpdateInput!) { userUpdate(id: $id, "
                             "input: $input) { userErrors { code message } } }",
                          admin.token, id=user.global_id, input=changes)
    assert data["userUpdate"]["userErrors"] == []


async def test_deactivating_a_user_closes_all_their_connections(
        instances: tuple[str, str]) -> None:
    a, b = instances
    admin, staff = await _staff(), await _staff()
    cookie, _ = await sessions.create_session(staff.user_id)
    by_token, by_session = await _connect(b, staff.token), await _connect(b, cookie=cookie)
    try:
        await _live(a, admin.token, by_token, by_session)
        await _update_user(a, admin, staff, isActive=False)
        after = f"After{uuid.uuid4().hex[:6]}"
        await _create(a, admin.token, after)
        assert await _closed_without(by_token, after) == FORBIDDEN
        assert await _closed_without(by_session, after) == FORBIDDEN
    finally:
        await by_token.close()
        await by_session.close()


async def test_a_role_change_closes_the_connection_and_a_new_one_gets_the_new_rights(
        instances: tuple[str, str]) -> None:
    a, b = instances
    admin, staff = await _staff(), await _staff()
    roles = await _graphql(a, "{ roles { id name } }", admin.token)
    staff_role = next(r["id"] for r in roles["roles"] if r["name"] == "read-only")
    ws = await _connect(b, staff.token)
    try:
        await _live(a, admin.token, ws)
        await _update_user(a, admin, staff, roleId=staff_role)
        after = f"After{uuid.uuid4().hex[:6]}"
        await _create(a, admin.token, after)
        assert await _closed_without(ws, after) == FORBIDDEN
    finally:
        await ws.close()
    again = await _connect(b, staff.token)  # reconnects as read-only: still reads customers …
    try:
        await _live(a, admin.token, again)
        await again.send(json.dumps({"id": "write", "type": "subscribe", "payload": {
            "query": 'mutation { customerCreate(input: {lastName: "No"}) { userErrors '
                     "{ code } } }"}}))
        async with asyncio.timeout(DEADLINE):  # … but no longer writes: rights read anew
            while (message := json.loads(await again.recv()))["id"] != "write":
                pass
        assert message["payload"]["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    finally:
        await again.close()


async def test_a_password_change_ends_session_connections_and_keeps_token_ones(
        instances: tuple[str, str]) -> None:
    """Decision: a password change ends the user's sessions (anyone who knew the old password
    may hold one) and their connections; API tokens are separate credentials and stay."""
    a, b = instances
    admin, staff = await _staff(), await _staff()
    cookie, _ = await sessions.create_session(staff.user_id)
    by_session, by_token = await _connect(b, cookie=cookie), await _connect(b, staff.token)
    try:
        await _live(a, admin.token, by_session, by_token)
        await _update_user(a, admin, staff, password="a-brand-new-password")
        after = f"After{uuid.uuid4().hex[:6]}"
        await _create(a, admin.token, after)
        assert await _closed_without(by_session, after) == FORBIDDEN
        await _until(by_token, after)
    finally:
        await by_session.close()
        await by_token.close()


async def test_changing_a_roles_permissions_closes_its_holders_connections(
        instances: tuple[str, str]) -> None:
    a, b = instances
    admin = await _staff()
    created = await _graphql(a, "mutation($n: String!) { roleCreate(name: $n, permissions: "
                                "[READ_CUSTOMERS, EDIT_CUSTOMERS]) { role { id } "
                                "userErrors { code } } }", admin.token,
                             n=f"Desk {uuid.uuid4().hex[:6]}")
    role_id = created["roleCreate"]["role"]["id"]
    staff = await _staff()
    await _update_user(a, admin, staff, roleId=role_id)
    token, _ = await sessions.create_api_token(
        Principal(account=(await get_account_by_slug("default")),  # type: ignore[arg-type]
                  permissions=ALL, user_id=staff.user_id, via="session"), "desk",
        frozenset({Permission.READ_CUSTOMERS}))
    ws = await _connect(b, token)
    try:
        await _live(a, admin.token, ws)
        data = await _graphql(a, "mutation($id: ID!) { roleUpdate(id: $id, permissions: "
                                 "[READ_CUSTOMERS]) { userErrors { code } } }",
                              admin.token, id=role_id)
        assert data["roleUpdate"]["userErrors"] == []
        after = f"After{uuid.uuid4().hex[:6]}"
        await _create(a, admin.token, after)
        assert await _closed_without(ws, after) == FORBIDDEN
    finally:
        await ws.close()


async def test_revoking_a_token_ends_its_sse_stream_on_the_other_instance(
        instances: tuple[str, str]) -> None:
    a, b = instances
    admin, staff = await _staff(), await _staff()
    events_seen: asyncio.Queue[tuple[str, str]] = asyncio.Queue()
    async with httpx.AsyncClient(timeout=30) as client, client.stream(
            "POST", f"{b}/graphql", json={"query": SUBSCRIPTION},
            headers={"accept": "text/event-stream",
                     "authorization": f"Bearer {staff.token}"}) as response:
        assert response.status_code == 200

        async def read() -> None:
            kind = ""
            async for line in response.aiter_lines():
                if line.startswith("event: "):
                    kind = line.removeprefix("event: ")
                elif line.startswith("data: "):
                    await events_seen.put((kind, line.removeprefix("data: ")))
            await events_seen.put(("end", ""))

        reader = asyncio.create_task(read())
        try:
            async def arrived(name: str) -> bool:
                while True:
                    kind, data = await events_seen.get()
                    assert kind == "next"
                    if json.loads(data)["data"]["customerChanged"]["customer"][
                            "lastName"] == name:
                        return True

            async def live_now() -> bool:
                name = f"Warm{uuid.uuid4().hex[:6]}"
                await _create(a, admin.token, name)
                try:
                    return await asyncio.wait_for(arrived(name), 1)
                except TimeoutError:
                    return False

            await eventually(live_now, within=20, what="the SSE subscription to become live")
            await _graphql(a, "mutation($id: ID!) { apiTokenRevoke(id: $id) { userErrors "
                              "{ code } } }", staff.token,
                           id=ids.encode("ApiToken", staff.token_id))
            after = f"After{uuid.uuid4().hex[:6]}"
            await _create(a, admin.token, after)
            rest = []
            async with asyncio.timeout(DEADLINE):
                while not rest or rest[-1][0] != "end":
                    rest.append(await events_seen.get())
        finally:
            reader.cancel()
    # what came after the revocation: at most warm-up leftovers, then REVOKED, complete, end
    tail = [(kind, json.loads(data) if data else None) for kind, data in rest]
    assert all(after not in json.dumps(payload) for _, payload in tail)
    assert tail[-3][0] == "next"
    assert tail[-3][1]["errors"][0]["extensions"]["code"] == live.REVOKED
    assert [kind for kind, _ in tail[-2:]] == ["complete", "end"]


@pytest.fixture(scope="module")
def rechecking_server(database_url: str) -> Iterator[str]:
    with running_server(database_url, LIVE_RECHECK_SECONDS="0.5",
                        CALENDAR_POLLING="0") as base:
        yield base


async def test_a_revocation_nobody_announced_is_found_by_the_recheck(
        rechecking_server: str) -> None:
    """A write that published nothing (another tool, a lost broker message): the periodic
    re-check reads the token's state and closes the socket."""
    staff = await _staff()
    ws = await _connect(rechecking_server, staff.token)
    try:
        await _live(rechecking_server, staff.token, ws)
        await db.fetch("UPDATE api_token SET revoked_at = now() WHERE id = $1", staff.token_id)
        after = f"After{uuid.uuid4().hex[:6]}"
        assert await _closed_without(ws, after) == FORBIDDEN
    finally:
        await ws.close()


# The registry itself, in process: the gap between reading a principal and registering it.

def _principal(account: Any, **ids_: Any) -> Principal:
    return Principal(account=account, permissions=frozenset({Permission.READ_CUSTOMERS}),
                     user_id=ids_.get("user_id", uuid.uuid4()), via="token",
                     token_id=ids_.get("token_id", uuid.uuid4()),
                     resolved_at=ids_.get("resolved_at", time.monotonic()))


async def test_a_revocation_seen_while_a_connection_registers_still_ends_it(account) -> None:
    registry = live.Registry()
    token_id = uuid.uuid4()
    read_before = _principal(account, token_id=token_id)  # read from the database, then …
    registry.apply(events.Revocation("token", token_id))  # … the revocation arrives, then …
    ended: list[bool] = []
    connection = registry.open(read_before, lambda: ended.append(True))  # … it registers
    assert connection.revoked and ended == [True]
    assert connection not in registry.connections


async def test_a_principal_read_after_the_revocation_is_not_ended(account) -> None:
    registry = live.Registry()
    user_id = uuid.uuid4()
    registry.apply(events.Revocation("user", user_id))  # e.g. a role change …
    fresh = _principal(account, user_id=user_id, resolved_at=time.monotonic())  # … read after
    connection = registry.open(fresh, lambda: None)
    assert not connection.revoked
    other = registry.open(_principal(account), lambda: None)
    assert registry.apply(events.Revocation("user", user_id)) == 1
    assert connection.revoked and not other.revoked


async def test_each_kind_names_exactly_its_connections(account) -> None:
    token_id, session_id, user_id, role_id = (uuid.uuid4() for _ in range(4))
    by_token = Principal(account=account, permissions=ALL, user_id=user_id, via="token",
                         token_id=token_id, role_id=role_id)
    by_session = Principal(account=account, permissions=ALL, user_id=user_id, via="session",
                           session_id=session_id, role_id=role_id)
    names = {
        ("token", token_id): {"token"},
        ("session", session_id): {"session"},
        ("user", user_id): {"token", "session"},
        ("user_sessions", user_id): {"session"},
        ("role", role_id): {"token", "session"},
        ("user", uuid.uuid4()): set(),
    }
    for (kind, id_), expected in names.items():
        revocation = events.from_message({"account": str(account.id), "kind": kind,
                                          "id": str(id_)})
        assert revocation is not None
        hit = {p.via for p in (by_token, by_session) if revocation.affects(p)}
        assert hit == expected, (kind, hit)
    assert events.from_message({"kind": "token", "id": "not-a-uuid"}) is None
    assert events.from_message({"kind": "everything", "id": str(uuid.uuid4())}) is None
    assert events.from_message(["token"]) is None
