"""Sign-in only from JSON (issue 10, class 11): a POST to /graphql is `application/json`; a
multipart upload also needs `Authorization` or `X-CSRF-Token`, headers that a page on another
site cannot send. So no cross-site HTML form (url-encoded, multipart or text/plain) can sign a
browser in, or run any other operation."""

from __future__ import annotations

import json

import pytest

from tests.security.in_process import in_process

LOGIN = {"query": 'mutation { login(email: "nobody@example.com", password: "x-password-1") '
                  "{ userErrors { code } } }"}


def _refused(response) -> None:
    assert response.status_code == 415, response.text
    error = response.json()["errors"][0]
    assert error["extensions"]["code"] == "UNSUPPORTED_MEDIA_TYPE"
    assert "application/json" in error["message"]
    assert "set-cookie" not in response.headers


@pytest.mark.parametrize("content_type", [
    "application/x-www-form-urlencoded", "text/plain", "text/plain; charset=utf-8", None])
async def test_a_login_that_is_not_json_is_refused(content_type: str | None) -> None:
    headers = {"content-type": content_type} if content_type else {}
    body = json.dumps(LOGIN) if content_type != "application/x-www-form-urlencoded" else \
        "query=" + LOGIN["query"]
    async with in_process() as client:
        response = await client.post("/graphql", content=body, headers=headers)
    _refused(response)


def _multipart() -> dict:
    return {"data": {"operations": json.dumps(LOGIN), "map": "{}"},
            "files": {"unused": ("a.txt", b"x", "text/plain")}}


async def test_a_multipart_login_without_a_header_a_form_cannot_send_is_refused() -> None:
    async with in_process() as client:
        response = await client.post("/graphql", **_multipart())
    _refused(response)


async def test_a_multipart_request_with_a_token_header_reaches_graphql() -> None:
    """An API client's upload (Authorization) is let through; the token then decides."""
    async with in_process() as client:
        response = await client.post("/graphql", **_multipart(),
                                     headers={"authorization": "Bearer clt_unknown"})
    assert response.status_code == 401
    assert response.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_json_sign_in_still_works_and_get_cannot_sign_in() -> None:
    async with in_process() as client:
        response = await client.post("/graphql", json=LOGIN)
        assert response.status_code == 200
        assert response.json()["data"]["login"]["userErrors"][0]["code"] in (
            "INVALID_CREDENTIALS", "RATE_LIMITED")
        get = await client.get("/graphql", params=LOGIN,
                               headers={"accept": "application/json"})
    assert get.status_code == 405
    assert "set-cookie" not in get.headers
