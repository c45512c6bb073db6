"""GraphQL over HTTP against the live server: GET and POST per the spec, and graphql-http's
server audit with no error-level result."""

import json
import shutil
import subprocess
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
QUERY = "{ customers(first: 1) { totalCount } }"


def auth(token: str) -> dict[str, str]:
    return {"authorization": f"Bearer {token}"}


def test_post_json(live_server: str, admin_token: str) -> None:
    response = httpx.post(f"{live_server}/graphql", json={"query": QUERY},
                          headers=auth(admin_token))
    assert response.status_code == 200
    assert response.json()["data"]["customers"]["totalCount"] >= 1


def test_get_query(live_server: str, admin_token: str) -> None:
    response = httpx.get(f"{live_server}/graphql", params={"query": QUERY},
                         headers={"accept": "application/graphql-response+json",
                                  **auth(admin_token)})
    assert response.status_code == 200
    assert response.json()["data"]["customers"]["totalCount"] >= 1


def test_get_refuses_mutations(live_server: str, admin_token: str) -> None:
    mutation = 'mutation { customerCreate(input: {firstName: "Get"}) { customer { id } } }'
    response = httpx.get(f"{live_server}/graphql", params={"query": mutation},
                         headers={"accept": "application/json", **auth(admin_token)})
    assert response.status_code == 405
    check = httpx.post(f"{live_server}/graphql", json={
        "query": '{ customers(first: 100, search: "Get") { edges { node { firstName } } } }'},
        headers=auth(admin_token))
    names = [e["node"]["firstName"] for e in check.json()["data"]["customers"]["edges"]]
    assert "Get" not in names


def test_malformed_json_is_400(live_server: str) -> None:
    response = httpx.post(f"{live_server}/graphql", content=b"{not json",
                          headers={"content-type": "application/json"})
    assert response.status_code == 400


def test_graphiql_is_served_to_browsers(live_server: str) -> None:
    response = httpx.get(f"{live_server}/graphql", headers={"accept": "text/html"})
    assert response.status_code == 200 and "graphiql" in response.text.lower()


def test_oversized_body_is_413(live_server: str) -> None:
    response = httpx.post(f"{live_server}/graphql", content=b"x" * 2_100_000,
                          headers={"content-type": "application/json"})
    assert response.status_code == 413


@pytest.mark.e2e
def test_graphql_http_server_audit_has_no_errors(live_server: str, admin_token: str) -> None:
    node = shutil.which("node")
    assert node, "Node.js is required for the graphql-http audit"
    assert (ROOT / "node_modules" / "graphql-http").is_dir(), "run `npm ci` first"
    completed = subprocess.run(
        [node, str(ROOT / "tests" / "http" / "audit.mjs"), f"{live_server}/graphql",
         admin_token],
        capture_output=True, text=True, timeout=120, cwd=ROOT, check=True)
    results = json.loads(completed.stdout)
    assert len(results) > 20
    errors = [r for r in results if r["status"] == "error"]
    assert errors == [], json.dumps(errors, indent=1)
    warnings = [r for r in results if r["status"] == "warn"]
    print(f"graphql-http audit: {len(results)} audits, {len(errors)} errors, "
          f"{len(warnings)} warnings")


def test_graphql_response_media_type_and_400_on_request_errors(live_server: str,
                                                              admin_token: str) -> None:
    headers = {"accept": "application/graphql-response+json", **auth(admin_token)}
    ok = httpx.post(f"{live_server}/graphql", json={"query": QUERY}, headers=headers)
    assert ok.status_code == 200
    assert ok.headers["content-type"].startswith("application/graphql-response+json")
    bad = httpx.post(f"{live_server}/graphql", json={"query": "{ customers(first: 1) {"},
                     headers=headers)
    assert bad.status_code == 400
    assert "data" not in bad.json() and bad.json()["errors"]
    legacy = httpx.post(f"{live_server}/graphql", json={"query": "{ nope }"},
                        headers=auth(admin_token))
    assert legacy.status_code == 200 and legacy.headers["content-type"] == "application/json"
