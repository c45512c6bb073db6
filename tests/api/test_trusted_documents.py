"""Trusted documents (issue 18): `documentId` instead of the text, over GET and POST; unknown
ids, both at once and, in trusted-only mode, text from first-party callers refused with codes;
the SPA's manifest covers every operation it sends."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from pathlib import Path

import httpx
import pytest
from graphql import OperationDefinitionNode, parse

from clientele.accounts.bootstrap import create_user_with_role
from clientele.accounts.permissions import ALL
from clientele.api.trusted_documents import MANIFEST, read_manifest
from clientele.app import create_app
from clientele.settings import PROJECT_ROOT, Settings
from tests.conftest import token_for

FRONTEND = PROJECT_ROOT / "frontend"
ME = "query Me { me { name } }"
FORM = ("query BookingFormFields($accountSlug: String!) { bookingFormFields(accountSlug: "
        "$accountSlug) { __typename key } }")
ACCOUNT = "mutation TrustedOnly($on: Boolean!) { accountSettingsUpdate(trustedDocumentsOnly: $on)"\
          " { account { trustedDocumentsOnly } userErrors { code } } }"
LOGIN = ("mutation Login($e: String!, $p: String!) { login(email: $e, password: $p) "
         "{ me { csrfToken } } }")
PASSWORD = "correct-horse-battery"


def _id(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode()).hexdigest()


@pytest.fixture
def manifest(tmp_path: Path) -> Path:
    path = tmp_path / "mobile.json"
    path.write_text(json.dumps({_id(text): text for text in (ME, FORM, LOGIN)}))
    return path


def _client(account, manifest: Path, **settings) -> httpx.AsyncClient:
    """The app with `manifest` as its only trusted documents (no build output)."""
    app = create_app(dataclasses.replace(
        Settings.from_env(), frontend_dist=manifest.parent / "no-build",
        trusted_documents=(manifest,), **settings))
    app.state.account = account
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test")


async def _signed_in(client: httpx.AsyncClient, email: str) -> str:
    """Logs the client in (session cookie) as the SPA does, by id; its CSRF token."""
    response = await client.post("/graphql", json={
        "documentId": _id(LOGIN), "variables": {"e": email, "p": PASSWORD}})
    return response.json()["data"]["login"]["me"]["csrfToken"]


def _code(response: httpx.Response) -> str:
    return response.json()["errors"][0]["extensions"]["code"]


@pytest.fixture
async def staff_email(account) -> str:
    email = f"staff-{account.slug}@example.com"
    await create_user_with_role(account, email, "Trusted Staff", PASSWORD, "staff")
    return email


async def test_a_known_id_runs_over_post_get_and_in_a_batch(account, manifest) -> None:
    token = await token_for(account.slug, ALL)
    bearer = {"authorization": f"Bearer {token}"}
    async with _client(account, manifest) as client:
        posted = await client.post("/graphql", json={"documentId": _id(ME)}, headers=bearer)
        bare_hex = await client.post("/graphql", json={"documentId": _id(ME)[7:]},
                                     headers=bearer)
        got = await client.get("/graphql", params={"documentId": _id(ME)}, headers=bearer)
        # a CDN or curl asks with */*: still the query, not GraphiQL
        star = await client.get("/graphql", params={"documentId": _id(ME)},
                                headers={**bearer, "accept": "*/*"})
        batch = await client.post("/graphql", json=[{"documentId": _id(ME)},
                                                    {"query": "{ me { name } }"}], headers=bearer)
    for response in (posted, bare_hex, got, star):
        assert response.status_code == 200, response.text
        assert response.json() == {"data": {"me": {"name": "Test admin"}}}
    assert [item["data"]["me"]["name"] for item in batch.json()] == ["Test admin"] * 2
    assert got.headers["cache-control"] == "private, no-store"


async def test_public_reads_over_get_may_be_cached_by_anyone(account, manifest) -> None:
    params = {"documentId": _id(FORM), "variables": json.dumps({"accountSlug": account.slug})}
    token = await token_for(account.slug, ALL)
    async with _client(account, manifest) as client:
        anonymous = await client.get("/graphql", params=params)
        signed_in = await client.get("/graphql", params=params,
                                     headers={"authorization": f"Bearer {token}"})
        posted = await client.post("/graphql", json={"documentId": _id(FORM),
                                                     "variables": {"accountSlug": account.slug}})
        text = await client.get("/graphql", params={
            "query": FORM, "variables": json.dumps({"accountSlug": account.slug})})
    assert anonymous.json() == {"data": {"bookingFormFields": []}}
    assert anonymous.headers["cache-control"] == "public, max-age=60"
    assert signed_in.headers["cache-control"] == "private, no-store"
    assert "cache-control" not in posted.headers
    assert text.headers["cache-control"] == "private, no-store"  # only trusted documents


async def test_unknown_ids_and_id_with_text_are_refused_with_codes(account, manifest) -> None:
    unknown = _id("query Other { __typename }")
    async with _client(account, manifest) as client:
        responses = {
            "post": await client.post("/graphql", json={"documentId": unknown}),
            "get": await client.get("/graphql", params={"documentId": unknown}),
            "malformed": await client.post("/graphql", json={"documentId": "sha256:xyz"}),
            "in a batch": await client.post("/graphql", json=[{"documentId": _id(ME)},
                                                               {"documentId": unknown}]),
            "both": await client.post("/graphql", json={"documentId": _id(ME), "query": ME}),
            "not a string": await client.post("/graphql", json={"documentId": 12}),
        }
    assert {name: (r.status_code, _code(r)) for name, r in responses.items()} == {
        "post": (400, "PERSISTED_QUERY_NOT_FOUND"),
        "get": (400, "PERSISTED_QUERY_NOT_FOUND"),
        "malformed": (400, "PERSISTED_QUERY_NOT_FOUND"),
        "in a batch": (400, "PERSISTED_QUERY_NOT_FOUND"),
        "both": (400, "BAD_REQUEST"),
        "not a string": (400, "BAD_REQUEST"),
    }


async def test_trusted_only_server_refuses_first_party_text_not_partners(
        account, manifest, staff_email) -> None:
    token = await token_for(account.slug, ALL)
    async with _client(account, manifest, trusted_documents_only=True) as client:
        anonymous = await client.post("/graphql", json={"query": ME})
        csrf = await _signed_in(client, staff_email)
        session_text = await client.post("/graphql", json={"query": ME},
                                         headers={"x-csrf-token": csrf})
        session_id = await client.post("/graphql", json={"documentId": _id(ME)},
                                       headers={"x-csrf-token": csrf})
        partner = await client.post("/graphql", json={"query": ME},
                                    headers={"authorization": f"Bearer {token}"})
    assert (anonymous.status_code, _code(anonymous)) == (403, "TRUSTED_DOCUMENTS_ONLY")
    assert (session_text.status_code, _code(session_text)) == (403, "TRUSTED_DOCUMENTS_ONLY")
    assert session_id.json() == {"data": {"me": {"name": "Trusted Staff"}}}
    assert partner.json() == {"data": {"me": {"name": "Test admin"}}}


async def test_an_account_may_accept_only_trusted_documents_from_sessions(
        account, other_account, manifest, staff_email) -> None:
    token = await token_for(account.slug, ALL)
    bearer = {"authorization": f"Bearer {token}"}
    async with _client(account, manifest) as client:
        csrf = await _signed_in(client, staff_email)
        before = await client.post("/graphql", json={"query": ME},
                                   headers={"x-csrf-token": csrf})
        on = await client.post("/graphql", json={"query": ACCOUNT, "variables": {"on": True}},
                               headers=bearer)
        refused = await client.post("/graphql", json={"query": ME},
                                    headers={"x-csrf-token": csrf})
        by_id = await client.post("/graphql", json={"documentId": _id(ME)},
                                  headers={"x-csrf-token": csrf})
        partner = await client.post("/graphql", json={"query": ME}, headers=bearer)
        async with _client(account, manifest) as stranger:
            anonymous = await stranger.post("/graphql", json={"query": "{ __typename }"})
        off = await client.post("/graphql", json={"query": ACCOUNT, "variables": {"on": False}},
                                headers=bearer)
        after = await client.post("/graphql", json={"query": ME},
                                  headers={"x-csrf-token": csrf})
    assert before.json() == {"data": {"me": {"name": "Trusted Staff"}}}
    assert on.json()["data"]["accountSettingsUpdate"] == {
        "account": {"trustedDocumentsOnly": True}, "userErrors": []}
    assert (refused.status_code, _code(refused)) == (403, "TRUSTED_DOCUMENTS_ONLY")
    assert by_id.json() == {"data": {"me": {"name": "Trusted Staff"}}}
    assert partner.json() == {"data": {"me": {"name": "Test admin"}}}
    assert anonymous.status_code == 200  # the server-wide setting governs anonymous callers
    assert off.json()["data"]["accountSettingsUpdate"]["account"] == {
        "trustedDocumentsOnly": False}
    assert after.json() == {"data": {"me": {"name": "Trusted Staff"}}}


async def test_only_admins_may_change_it(account, manifest, staff_email) -> None:
    async with _client(account, manifest) as client:
        csrf = await _signed_in(client, staff_email)
        response = await client.post("/graphql", json={"query": ACCOUNT,
                                                       "variables": {"on": True}},
                                     headers={"x-csrf-token": csrf})
    assert response.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN"


def test_a_manifest_whose_ids_are_not_its_texts_is_refused(tmp_path: Path) -> None:
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps({_id(ME): FORM}))
    with pytest.raises(ValueError, match="not the SHA-256"):
        read_manifest(wrong)
    not_an_id = tmp_path / "not-an-id.json"
    not_an_id.write_text(json.dumps({"Me": ME}))
    with pytest.raises(ValueError, match="is not sha256"):
        read_manifest(not_an_id)


async def test_a_refused_manifest_trusts_none_of_its_documents(account, tmp_path) -> None:
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps({_id(ME): ME, _id(FORM): ME}))
    async with _client(account, wrong) as client:
        response = await client.post("/graphql", json={"documentId": _id(ME)})
    assert _code(response) == "PERSISTED_QUERY_NOT_FOUND"


OPERATION = re.compile(r"graphql\(`\s*(query|mutation|subscription)\s+(\w+)")


def _spa_operations() -> set[str]:
    """Every operation written in the SPA's sources (graphql(`…`) in src/, tests excluded)."""
    names = set()
    for path in (FRONTEND / "src").rglob("*.ts*"):
        if "gql" in path.relative_to(FRONTEND / "src").parts or ".test." in path.name:
            continue
        names |= {name for _, name in OPERATION.findall(path.read_text())}
    return names


def _operations(manifest: dict[str, str]) -> set[str]:
    return {d.name.value for text in manifest.values() for d in parse(text).definitions
            if isinstance(d, OperationDefinitionNode) and d.name is not None}


def test_the_spa_manifest_covers_every_operation_of_the_spa() -> None:
    spa = _spa_operations()
    committed = json.loads((FRONTEND / "src" / "gql" / "persisted-documents.json").read_text())
    assert len(spa) > 50 and {"Me", "Login", "BookingFormFields"} <= spa
    assert _operations(committed) == spa
    # the build ships them, each id the SHA-256 of the text the server runs
    built = read_manifest(FRONTEND / "dist" / MANIFEST)
    assert {f"sha256:{key}" for key in built} == set(committed)
    assert _operations(built) == spa
