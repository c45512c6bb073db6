"""Validation costs at most a walk over the document: fragments are measured once, documents too
large once their spreads are expanded are refused before graphql-core's rules see them, and
graphql-core's own overlap check stops early. Anonymous and signed-in requests alike.

Work is counted, never timed: a hook counts every read of a fragment definition's selection
set, by any code (our limits, graphql-core's rules, the executor)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from graphql import FragmentDefinitionNode, parse, validate
from graphql.validation.rules import overlapping_fields_can_be_merged

from clientele.accounts.permissions import ALL
from clientele.api.document_limits import measure
from clientele.api.schema import LIMITS, MAX_ALIASES, MAX_DEPTH, MAX_FIELDS, build_schema
from clientele.api.validation import OVERLAP_BUDGET
from tests.conftest import token_for
from tests.security.exploding import doubling
from tests.security.in_process import app_client
from tests.security.spa_documents import spa_documents


class CountingSelectionSet:
    """A data descriptor on FragmentDefinitionNode: counts reads of `selection_set`."""

    def __init__(self) -> None:
        self.reads = 0

    def __get__(self, node: Any, owner: type) -> Any:
        if node is None:
            return self
        self.reads += 1
        return node.__dict__["selection_set"]

    def __set__(self, node: Any, value: Any) -> None:
        node.__dict__["selection_set"] = value


@pytest.fixture
def fragment_reads(monkeypatch) -> CountingSelectionSet:
    counter = CountingSelectionSet()
    monkeypatch.setattr(FragmentDefinitionNode, "selection_set", counter, raising=False)
    return counter


def _http(account, token: str | None = None, production: bool = True) -> httpx.AsyncClient:
    return app_client(account, production=production, token=token)


def _codes(body: dict) -> list[str]:
    return [e.get("extensions", {}).get("code") for e in body.get("errors", [])]


EXPLODING = {
    "doubling, 14 levels": (doubling(14), 15),
    "doubling, 25 levels (the issue's document)": (doubling(25), 26),
    "wide: 6 spreads of the next, 6 levels": (doubling(6, spreads=6), 7),
    "wide: 10 spreads of the next, 40 levels": (doubling(40, spreads=10), 41),
    "spreads inside nested inline fragments, 14 levels": (doubling(14, inline=True), 15),
    "spreads inside nested inline fragments, 30 levels": (doubling(30, inline=True), 31),
}


@pytest.mark.parametrize("signed_in", [False, True], ids=["anonymous", "signed in"])
@pytest.mark.parametrize("name", list(EXPLODING))
async def test_exploding_fragments_are_refused_reading_each_fragment_a_few_times(
    account, fragment_reads, name: str, signed_in: bool
) -> None:
    document, fragments = EXPLODING[name]
    token = await token_for(account.slug, ALL) if signed_in else None
    async with _http(account, token) as client:
        response = await client.post("/graphql", json={"query": document})
    body = response.json()
    assert response.status_code == 200, body
    assert body.get("data") is None
    assert _codes(body) == ["DOCUMENT_TOO_LARGE"], body
    assert f"more than {MAX_FIELDS} fields" in body["errors"][0]["message"]
    # each fragment is read a few times: its spreads listed, its selection measured, and the
    # document hashed for the validation cache (AST nodes hash their whole subtree)
    assert fragment_reads.reads <= 3 * fragments


async def test_graphql_response_media_type_gets_400(account) -> None:
    async with _http(account) as client:
        response = await client.post(
            "/graphql", json={"query": doubling(25)},
            headers={"accept": "application/graphql-response+json"})
    assert response.status_code == 400
    assert _codes(response.json()) == ["DOCUMENT_TOO_LARGE"]


def test_expanded_size_is_counted_per_spread_and_bounded_at_the_limit() -> None:
    # 2**levels copies of `me { name }` (2 fields each) plus nothing else
    sizes = {d.name.value if d.name else "": m.fields for d, m in measure(parse(doubling(5)))}
    assert sizes["Exploding"] == 2**5 * 2 and sizes["F0"] == 2**5 * 2 and sizes["F5"] == 2
    fields = "me { name } " * 20
    fits = f"{{ ...F }} fragment F on Query {{ {fields} }}"
    per_copy = 40
    copies = MAX_FIELDS // per_copy
    spreads = " ".join(["...F"] * copies)
    at_limit = f"{{ {spreads} }} fragment F on Query {{ {fields} }}"
    over = f"{{ {spreads} ...G }} fragment F on Query {{ {fields} }} fragment G on Query {{ me }}"
    assert LIMITS.check(parse(fits)) == []
    assert LIMITS.check(parse(at_limit)) == []
    assert [e.extensions["code"] for e in LIMITS.check(parse(over))] == ["DOCUMENT_TOO_LARGE"]


async def test_cycles_and_unknown_fragments_are_request_errors_not_crashes(account) -> None:
    cycle = "{ ...A } fragment A on Query { me { name } ...B } fragment B on Query { ...A }"
    self_spread = "{ ...A } fragment A on Query { ...A ...A }"
    unknown = "{ ...Missing }"
    async with _http(account, production=False) as client:
        for document, message in [(cycle, "Cannot spread fragment 'A' within itself"),
                                  (self_spread, "Cannot spread fragment 'A' within itself"),
                                  (unknown, "Unknown fragment 'Missing'")]:
            response = await client.post("/graphql", json={"query": document})
            body = response.json()
            assert response.status_code == 200 and body.get("data") is None, body
            assert _codes(body) == ["GRAPHQL_VALIDATION_FAILED"] * len(body["errors"]), body
            assert message in body["errors"][0]["message"], body


async def test_a_long_chain_of_fragments_is_no_internal_error(account) -> None:
    # F0 spreads F1 … spreads F600: longer than Python's recursion limit allows to follow
    # recursively, within the token limit
    links = 600
    document = "{ ...F0 }\n" + "\n".join(
        f"fragment F{i} on Query {{ ...F{i + 1} }}" for i in range(links)
    ) + f"\nfragment F{links} on Query {{ me {{ name }} }}"
    assert LIMITS.check(parse(document)) == []
    async with _http(account) as client:
        body = (await client.post("/graphql", json={"query": document})).json()
    assert "Unexpected error." not in str(body)
    assert body.get("data") == {"me": None} or _codes(body) == ["VALIDATION_ABORTED"], body


async def test_many_fields_of_one_name_side_by_side_stop_graphql_cores_overlap_check(
    account, monkeypatch
) -> None:
    spent = []
    original = overlapping_fields_can_be_merged.spend_complexity_budget

    def spend(context: Any, cost: int) -> None:
        spent.append(cost)
        original(context, cost)

    monkeypatch.setattr(overlapping_fields_can_be_merged, "spend_complexity_budget", spend)
    # 300 times `me { name }`: every pair is compared, with its subselections (about 135,000
    # units of graphql-core's budget when it is not stopped)
    document = "{ " + "me { name } " * 300 + "}"
    async with _http(account) as client:
        body = (await client.post("/graphql", json={"query": document})).json()
    assert _codes(body) == ["VALIDATION_ABORTED"], body
    assert "too much work" in body["errors"][0]["message"]
    assert sum(spent) <= OVERLAP_BUDGET + 10


async def test_depth_aliases_and_cost_keep_their_limits_with_codes(account) -> None:
    pairs = MAX_DEPTH // 2 + 1  # node + 14 nested fields: deeper than 12, cheap
    deep = '{ node(id: "x") { ... on Customer { ' + "nextAppointment { customer { " * pairs + \
        "id" + " } }" * pairs + " } } }"
    aliases = "{ " + " ".join(f"a{i}: me {{ name }}" for i in range(MAX_ALIASES + 1)) + " }"
    # the aliases are counted per spread too: 16 spreads of a fragment with 2 aliases
    spread_aliases = "{ " + "...F " * 16 + "} fragment F on Query { a: me { name } b: me { id } }"
    costly = "{ customers(first: 100) { edges { node { appointments(first: 100) { edges { " \
             "node { communications(first: 100) { edges { node { body } } } } } } } } } }"
    async with _http(account) as client:
        for document, code in [(deep, "QUERY_TOO_DEEP"), (aliases, "TOO_MANY_ALIASES"),
                               (spread_aliases, "TOO_MANY_ALIASES"),
                               (costly, "QUERY_TOO_COSTLY")]:
            body = (await client.post("/graphql", json={"query": document})).json()
            assert _codes(body) == [code], (document, body)


def test_the_spa_operations_are_well_within_the_limits() -> None:
    schema = build_schema(production=True)._schema
    documents = spa_documents()
    assert len(documents) > 30
    for name, text in documents.items():
        document = parse(text)
        assert LIMITS.check(document) == [], name
        assert validate(schema, document) == [], name
        for definition, size in measure(document):
            assert size.fields <= MAX_FIELDS // 20, (name, definition.name)


def test_a_shared_subscription_is_not_parsed_past_the_token_limit() -> None:
    """The fan-out asks whether a websocket document is a subscription before Strawberry's
    token limit runs; that look must stop at the same limit (the per-subscriber path then
    refuses the document with its coded error)."""
    from clientele.api.document_limits import MAX_TOKENS
    from clientele.api.subscription_fanout import is_subscription

    small = "subscription { customerChanged { kind } }"
    huge = "subscription { customerChanged { " + "kind " * MAX_TOKENS + "} }"
    assert is_subscription(small, None)
    assert not is_subscription(huge, None)
