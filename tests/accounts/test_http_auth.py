"""Sessions, CSRF, API tokens and rate limits through the real ASGI app (in-process)."""

from __future__ import annotations

import dataclasses

import httpx
import pytest

from clientele.accounts.bootstrap import create_user_with_role
from clientele.accounts.permissions import ALL, Permission
from clientele.app import create_app
from clientele.settings import Settings
from tests.conftest import token_for

ME = "{ me { name permissions csrfToken } }"
CREATE = 'mutation { customerCreate(input: {firstName: "Via"}) { userErrors { code } } }'


def _app(account, **settings):
    app = create_app(dataclasses.replace(Settings.from_env(), **settings))
    app.state.account = account
    return app


def _client(app, **kwargs) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test",
                             **kwargs)


async def _login(client: httpx.AsyncClient, email: str, password: str) -> httpx.Response:
    return await client.post("/graphql", json={
        "query": "mutation($e: String!, $p: String!) { login(email: $e, password: $p) "
                 "{ me { name csrfToken permissions } userErrors { code } } }",
        "variables": {"e": email, "p": password}})


@pytest.fixture
async def staff_user(account):
    await create_user_with_role(account, f"staff-{account.slug}@example.com", "Stella Staff",
                                "correct-horse-battery", "staff")
    return f"staff-{account.slug}@example.com"


async def test_login_sets_an_http_only_cookie_and_csrf_protects_writes(account,
                                                                       staff_user) -> None:
    async with _client(_app(account)) as client:
        anonymous = await client.post("/graphql", json={"query": CREATE})
        assert anonymous.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"

        response = await _login(client, staff_user, "correct-horse-battery")
        payload = response.json()["data"]["login"]
        assert payload["userErrors"] == []
        cookie = response.headers["set-cookie"].lower()
        assert "httponly" in cookie and "samesite=lax" in cookie
        csrf = payload["me"]["csrfToken"]
        assert set(payload["me"]["permissions"]) == {"READ_CUSTOMERS", "ADD_CUSTOMERS",
                                                     "EDIT_CUSTOMERS"}

        no_csrf = await client.post("/graphql", json={"query": CREATE})
        assert no_csrf.status_code == 403
        assert no_csrf.json()["errors"][0]["extensions"]["code"] == "CSRF"
        wrong = await client.post("/graphql", json={"query": CREATE},
                                  headers={"x-csrf-token": "nope"})
        assert wrong.status_code == 403
        ok = await client.post("/graphql", json={"query": CREATE},
                               headers={"x-csrf-token": csrf})
        assert ok.json()["data"]["customerCreate"]["userErrors"] == []
        read = await client.get("/graphql", params={"query": ME})  # GET needs no CSRF
        assert read.json()["data"]["me"]["name"] == "Stella Staff"

        out = await client.post("/graphql", json={"query": "mutation { logout { ok } }"},
                                headers={"x-csrf-token": csrf})
        assert out.json()["data"]["logout"]["ok"] is True
        after = await client.get("/graphql", params={"query": ME})
        assert after.json()["data"]["me"] is None


async def test_wrong_password_and_unknown_email_look_the_same(account, staff_user) -> None:
    async with _client(_app(account)) as client:
        for email, password in ((staff_user, "wrong-password"), ("nobody@example.com", "x")):
            response = await _login(client, email, password)
            assert response.json()["data"]["login"]["userErrors"][0]["code"] == \
                "INVALID_CREDENTIALS"
            assert "set-cookie" not in response.headers


async def test_login_is_rate_limited_per_ip(account, staff_user) -> None:
    async with _client(_app(account, login_rate_per_minute=3)) as client:
        for _ in range(3):
            await _login(client, staff_user, "wrong-password")
        limited = await _login(client, staff_user, "correct-horse-battery")
        assert limited.status_code == 429 and int(limited.headers["retry-after"]) >= 1
        assert limited.json()["data"]["login"]["userErrors"][0]["code"] == "RATE_LIMITED"


async def test_tokens_are_scoped_revocable_and_rate_limited(account) -> None:
    token = await token_for(account.slug, frozenset({Permission.READ_CUSTOMERS}), "admin")
    app = _app(account, token_rate_per_minute=5)
    async with _client(app, headers={"authorization": f"Bearer {token}"}) as client:
        me = (await client.post("/graphql", json={"query": ME})).json()["data"]["me"]
        assert me["permissions"] == ["READ_CUSTOMERS"]  # the admin's token holds only its scope
        refused = await client.post("/graphql", json={"query": CREATE})
        assert refused.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN"
        for _ in range(3):
            await client.post("/graphql", json={"query": ME})
        limited = await client.post("/graphql", json={"query": ME})
        assert limited.status_code == 429 and limited.headers["retry-after"]
    async with _client(_app(account), headers={"authorization": "Bearer clt_unknown"}) as c:
        unknown = await c.post("/graphql", json={"query": ME})
        assert unknown.status_code == 401


async def test_a_token_cannot_exceed_its_user_and_dies_when_revoked(account) -> None:
    from clientele.accounts import sessions

    staff_token = await token_for(account.slug, ALL - {Permission.MANAGE_USERS}, "staff")
    principal = await sessions.principal_for_token(staff_token)
    assert principal is not None
    assert principal.permissions == {Permission.READ_CUSTOMERS, Permission.ADD_CUSTOMERS,
                                     Permission.EDIT_CUSTOMERS}
    async with _client(_app(account),
                       headers={"authorization": f"Bearer {staff_token}"}) as client:
        created = await client.post("/graphql", json={"query": """mutation {
            apiTokenCreate(name: "too much", permissions: [DELETE_CUSTOMERS]) {
              token userErrors { field code } } }"""})
        assert created.json()["data"]["apiTokenCreate"] == {
            "token": None,
            "userErrors": [{"field": "permissions", "code": "PERMISSION_NOT_HELD"}]}
        made = await client.post("/graphql", json={"query": """mutation {
            apiTokenCreate(name: "mobile", permissions: [READ_CUSTOMERS]) {
              token apiToken { id prefix } userErrors { code } } }"""})
        new = made.json()["data"]["apiTokenCreate"]
        assert new["token"].startswith(new["apiToken"]["prefix"])
    headers = {"authorization": f"Bearer {new['token']}"}
    async with _client(_app(account), headers=headers) as client:
        assert (await client.post("/graphql", json={"query": ME})).status_code == 200
        revoked = await client.post("/graphql", json={
            "query": "mutation($id: ID!) { apiTokenRevoke(id: $id) { apiToken { revokedAt } } }",
            "variables": {"id": new["apiToken"]["id"]}})
        assert revoked.json()["data"]["apiTokenRevoke"]["apiToken"]["revokedAt"]
        assert (await client.post("/graphql", json={"query": ME})).status_code == 401


async def test_graphiql_carries_the_sessions_csrf_token(account, staff_user) -> None:
    async with _client(_app(account)) as client:
        anonymous_page = await client.get("/graphql", headers={"accept": "text/html"})
        assert '<meta name="csrf-token" content="" />' in anonymous_page.text
        response = await _login(client, staff_user, "correct-horse-battery")
        csrf = response.json()["data"]["login"]["me"]["csrfToken"]
        page = await client.get("/graphql", headers={"accept": "text/html"})
        assert f'<meta name="csrf-token" content="{csrf}" />' in page.text
        assert page.headers["cache-control"] == "no-store"
