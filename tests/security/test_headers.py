"""Production hygiene (issue 10, class 11): security headers on every response, a GraphiQL
page from the app's own build (no CDN, no inline script), and a /healthz that tells strangers
the status only."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from tests.conftest import token_for
from tests.security.in_process import in_process

ALWAYS = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "cross-origin-opener-policy": "same-origin",
}


def _directives(policy: str) -> dict[str, list[str]]:
    out = {}
    for part in policy.split(";"):
        name, *values = part.split()
        out[name] = values
    return out


def _assert_hardened(response, *, graphiql: bool = False) -> dict[str, list[str]]:
    for name, value in ALWAYS.items():
        assert response.headers.get(name) == value, (response.request.url, name)
    assert "strict-transport-security" not in response.headers
    csp = _directives(response.headers["content-security-policy"])
    assert csp["default-src"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["object-src"] == ["'none'"] and csp["base-uri"] == ["'none'"]
    if not graphiql:
        assert csp["script-src"] == ["'self'"] and csp["style-src"] == ["'self'"]
    return csp


async def _asset_path(client) -> str:
    index = await client.get("/")
    src = [v for tag, attrs in _tags(index.text) if tag == "script" for k, v in attrs
           if k == "src"]
    return src[0] if src else "/assets/missing.js"


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.inline_script = False
        self._open_script_without_src = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        self._open_script_without_src = tag == "script" and "src" not in dict(attrs)

    def handle_data(self, data: str) -> None:
        if self._open_script_without_src and data.strip():
            self.inline_script = True

    def handle_endtag(self, tag: str) -> None:
        self._open_script_without_src = False


def _tags(html: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    parser = _Tags()
    parser.feed(html)
    return parser.tags


async def test_every_kind_of_response_carries_the_headers() -> None:
    async with in_process(max_body_bytes=1000, token_rate_per_minute=1) as client:
        asset = await _asset_path(client)
        responses = [
            await client.get("/"),
            await client.get("/customers/some-deep-link"),
            await client.get(asset),
            await client.get("/assets/does-not-exist.js"),
            await client.get("/healthz"),
            await client.post("/graphql", json={"query": "{ __typename }"}),
            await client.post("/graphql", content=b"x" * 2000,
                              headers={"content-type": "application/json"}),
            await client.post("/graphql", content=b"query=x",
                              headers={"content-type": "text/plain"}),
            await client.post("/graphql", json={"query": "{ __typename }"},
                              headers={"authorization": "Bearer clt_unknown"}),
            await client.post("/graphql", json={"query": "{ __typename }"},
                              headers={"authorization": "Bearer clt_unknown"}),
        ]
    assert [r.status_code for r in responses] == [200, 200, 200, 404, 200, 200, 413, 415,
                                                  401, 429]
    for response in responses:
        _assert_hardened(response)


async def test_the_spa_needs_nothing_inline() -> None:
    """The policy forbids inline script and style; the page we serve has none."""
    async with in_process() as client:
        page = await client.get("/")
    parser = _Tags()
    parser.feed(page.text)
    assert not parser.inline_script
    assert all(tag != "style" and "style" not in dict(attrs) for tag, attrs in parser.tags)


async def test_graphiql_comes_from_the_build_with_nothing_inline_or_outside() -> None:
    """GraphiQL (api/graphiql.py) is the build's graphiql.html: its scripts and styles from
    /assets, no inline script, no CDN; only inline styles (its editor) are allowed extra."""
    async with in_process(app_env="development") as client:
        page = await client.get("/graphql", headers={"accept": "text/html"})
        other = await client.get("/", headers={"accept": "text/html"})
    assert page.status_code == 200 and "graphiql" in page.text.lower()
    csp = _assert_hardened(page, graphiql=True)
    assert csp["script-src"] == ["'self'"] and csp["connect-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'", "'unsafe-inline'"]
    assert "http" not in page.headers["content-security-policy"]
    parser = _Tags()
    parser.feed(page.text)
    assert not parser.inline_script
    sources = [value for tag, attrs in parser.tags if tag in ("script", "link")
               for name, value in attrs if name in ("src", "href")]
    assert any(s.startswith("/assets/graphiql-") for s in sources), sources
    assert all(s.startswith("/assets/") or s == "data:," for s in sources), sources
    assert "unsafe-inline" not in other.headers["content-security-policy"]


async def test_graphiql_in_production_only_when_asked() -> None:
    async with in_process(app_env="production", graphiql=True) as client:
        page = await client.get("/graphql", headers={"accept": "text/html"})
    assert page.status_code == 200 and "graphiql" in page.text.lower()
    async with in_process(app_env="development", graphiql=False) as client:
        off = await client.get("/graphql", headers={"accept": "text/html"})
    assert off.status_code == 404 and off.json()["errors"][0]["extensions"]["code"] == \
        "NOT_FOUND"


async def test_production_serves_no_graphiql_and_the_strict_policy() -> None:
    async with in_process(app_env="production") as client:
        page = await client.get("/graphql", headers={"accept": "text/html"})
    assert "graphiql" not in page.text.lower()
    _assert_hardened(page)


@pytest.mark.parametrize(("seconds", "expected"), [(0, None), (31536000, "max-age=31536000")])
async def test_hsts_only_when_configured(seconds: int, expected: str | None) -> None:
    async with in_process(hsts_seconds=seconds) as client:
        response = await client.get("/healthz")
    assert response.headers.get("strict-transport-security") == expected


async def test_healthz_tells_strangers_the_status_only() -> None:
    from clientele.accounts.permissions import Permission
    from clientele.accounts.services import ensure_default_account

    await ensure_default_account("CH")  # the test may run first in its session
    token = await token_for("default", frozenset({Permission.READ_CUSTOMERS}), "read-only")
    async with in_process() as client:
        anonymous = await client.get("/healthz")
        staff = await client.get("/healthz", headers={"authorization": f"Bearer {token}"})
        wrong = await client.get("/healthz", headers={"authorization": "Bearer clt_unknown"})
    assert anonymous.json() == {"status": "ok"}
    assert wrong.json() == {"status": "ok"}
    assert staff.json()["status"] == "ok"
    assert set(staff.json()["search"]) == {"ready", "customers", "buildSeconds"}
    assert staff.json()["live"] == {"subscribers": 0}
