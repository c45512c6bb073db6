"""No "Did you mean …?" anywhere in production: validation, enum values and input fields in
literals and in variables, types, directives. Development keeps the suggestions, which shows
that every case below would suggest something."""

from __future__ import annotations

import dataclasses
from typing import Any

import httpx
import pytest

from clientele.app import create_app
from clientele.settings import Settings

FILTERED = "query($f: CustomerFilter) { customers(filter: $f) { totalCount } }"
BOOKING = ("mutation($i: BookingCreateInput!) { bookingCreate(input: $i) "
           "{ appointment { id } } }")

# (document, variables, what the message still names)
CASES: dict[str, tuple[str, dict[str, Any], str]] = {
    "field": ("{ customers(first: 1) { totalCont } }", {}, "totalCont"),
    "field of an interface (inline fragment hint)": (
        '{ node(id: "x") { firstName } }', {}, "firstName"),
    "argument": ("{ customers(frist: 1) { totalCount } }", {}, "frist"),
    "directive argument": ("{ customers { totalCount @include(iff: true) } }", {}, "iff"),
    "type of a variable": (
        "query($f: CustomerFiltr) { customers(filter: $f) { totalCount } }", {},
        "CustomerFiltr"),
    "type condition": (
        "{ customers { ... on CustomerConection { totalCount } } }", {}, "CustomerConection"),
    "enum value in a literal": (
        "{ customers(searchMode: IDENTITI) { totalCount } }", {}, "IDENTITI"),
    "enum value in an input literal": (
        "{ customers(filter: {communicationStatus: ALOWED}) { totalCount } }", {}, "ALOWED"),
    "input field in a literal": (
        "{ customers(filter: {comunicationStatus: ALLOWED}) { totalCount } }", {},
        "comunicationStatus"),
    "enum value in a variable": (
        "query($m: SearchMode!) { customers(searchMode: $m) { totalCount } }",
        {"m": "IDENTITI"}, "IDENTITI"),
    "input field in a variable": (FILTERED, {"f": {"comunicationStatus": "ALLOWED"}},
                                  "comunicationStatus"),
    "enum value inside a variable's input object": (
        FILTERED, {"f": {"communicationStatus": "ALOWED"}}, "ALOWED"),
    "nested input field in a variable (sort order)": (
        "query($o: CustomerOrderBy) { customers(orderBy: $o) { totalCount } }",
        {"o": {"field": "NAME", "direktion": "ASC"}}, "direktion"),
    "input field of the public booking form": (
        BOOKING, {"i": {"acountSlug": "x", "startsAt": "2030-01-01T10:00:00Z",
                        "endsAt": "2030-01-01T11:00:00Z"}}, "acountSlug"),
}


def _http(account, production: bool) -> httpx.AsyncClient:
    settings = dataclasses.replace(Settings.from_env(),
                                   app_env="production" if production else "development")
    app = create_app(settings)
    app.state.account = account
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test")


async def _messages(client: httpx.AsyncClient, document: str, variables: dict) -> list[str]:
    response = await client.post("/graphql", json={"query": document, "variables": variables})
    assert response.status_code == 200, response.text
    errors = response.json().get("errors")
    assert errors, response.text
    return [e["message"] for e in errors]


@pytest.mark.parametrize("case", list(CASES))
async def test_production_never_suggests_a_name(account, case: str) -> None:
    document, variables, named = CASES[case]
    async with _http(account, production=False) as development:
        suggested = await _messages(development, document, variables)
    assert any("Did you mean" in m for m in suggested), suggested
    async with _http(account, production=True) as production:
        messages = await _messages(production, document, variables)
    assert not any("Did you mean" in m for m in messages), messages
    assert any(named in m for m in messages), messages  # still says what was wrong
