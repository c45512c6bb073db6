"""Depth, alias, token and cost limits, batches, and production mode."""

from __future__ import annotations

from clientele.api.schema import MAX_ALIASES, MAX_BATCH, MAX_DEPTH, build_schema
from tests.api.helpers import create_customer
from tests.security.in_process import app_client


def _codes(result) -> list[str]:
    return [(e.extensions or {}).get("code", e.message) for e in result.errors or []]


async def test_depth_limit(gql) -> None:
    ok = "{ customers(first: 1) { edges { node { appointments { edges { node { " \
         "communications { edges { node { appointment { customer { id } } } } } } } } } } } }"
    assert (await gql.execute(ok)).errors is None
    nested = "customer { id }"
    for _ in range(MAX_DEPTH):
        nested = (f"appointment {{ customer {{ appointments {{ edges {{ node {{ {nested} "
                  f"}} }} }} }} }}")
    deep = f"{{ node(id: \"x\") {{ ... on Communication {{ {nested} }} }} }}"
    result = await gql.execute(deep)
    assert result.errors and "exceeds maximum operation depth" in result.errors[0].message


async def test_alias_limit(gql) -> None:
    many = " ".join(f"a{i}: me {{ name }}" for i in range(MAX_ALIASES + 1))
    result = await gql.execute(f"{{ {many} }}")
    assert result.errors and "aliases" in result.errors[0].message.lower()
    fine = " ".join(f"a{i}: me {{ name }}" for i in range(MAX_ALIASES))
    assert (await gql.execute(f"{{ {fine} }}")).errors is None


async def test_token_limit(gql) -> None:
    huge = "{ " + " ".join("me { name }" for _ in range(2000)) + " }"
    result = await gql.execute(huge)
    assert result.errors and "token" in result.errors[0].message.lower()


async def test_cost_limit(gql) -> None:
    costly = """{ customers(first: 100) { edges { node { appointments(first: 100) { edges {
        node { communications(first: 100) { edges { node { body } } } } } } } } } }"""
    result = await gql.execute(costly)
    assert _codes(result) == ["QUERY_TOO_COSTLY"]
    variables = """query($n: Int!) { customers(first: $n) { edges { node {
        appointments(first: $n) { edges { node { communications(first: $n) {
        edges { node { body } } } } } } } } } }"""
    assert _codes(await gql.execute(variables, n=1)) == ["QUERY_TOO_COSTLY"]  # worst case
    profile = """query($id: ID!) { customer(id: $id) { appointments(first: 100) { edges {
        node { communications(first: 100) { edges { node { body } } } } } } } }"""
    cid = await create_customer(gql, firstName="Cost")
    assert (await gql.execute(profile, id=cid)).errors is None


async def test_production_hides_introspection_suggestions_graphiql_and_internals(
    account, monkeypatch
) -> None:
    from clientele.accounts.permissions import ALL
    from clientele.customers import listing
    from tests.conftest import token_for

    token = await token_for(account.slug, ALL)
    introspection = {"query": "{ __schema { types { name } } }"}
    typo = {"query": "{ customers(first: 1) { totalCont } }"}

    async def broken(*args, **kwargs):
        raise RuntimeError("connection to 10.0.0.5 refused; password=hunter2")

    async with app_client(account, production=False, token=token) as dev:
        assert "types" in (await dev.post("/graphql", json=introspection)).json()["data"][
            "__schema"]
        assert "Did you mean" in (await dev.post("/graphql", json=typo)).json()["errors"][0][
            "message"]
        assert (await dev.get("/graphql", headers={"accept": "text/html"})).status_code == 200
    async with app_client(account, production=True, token=token) as prod:
        refused = (await prod.post("/graphql", json=introspection)).json()
        assert "introspection" in refused["errors"][0]["message"].lower()
        message = (await prod.post("/graphql", json=typo)).json()["errors"][0]["message"]
        assert "Did you mean" not in message and "totalCont" in message
        page = await prod.get("/graphql", headers={"accept": "text/html"})
        assert "graphiql" not in page.text.lower()
        monkeypatch.setattr(listing, "count_customers", broken)
        masked = (await prod.post("/graphql", json={
            "query": "{ customers(first: 1) { totalCount } }"})).json()
        assert masked["errors"][0]["message"] == "Unexpected error."
        assert "hunter2" not in str(masked)


async def test_batches_are_limited_and_scoped(gql, account) -> None:
    from clientele.accounts.permissions import ALL
    from tests.conftest import token_for

    token = await token_for(account.slug, ALL)
    async with app_client(account, production=False, token=token) as client:
        batch = [{"query": "{ me { name } }"}] * 2
        response = await client.post("/graphql", json=batch)
        assert [r["data"]["me"]["name"] for r in response.json()] == ["Test admin"] * 2
        too_many = await client.post("/graphql", json=[{"query": "{ me { name } }"}] *
                                     (MAX_BATCH + 1))
        assert too_many.status_code == 400


def test_production_schema_still_describes_itself_to_the_team() -> None:
    # the SDL (schema.graphql) is the same in both modes; only runtime introspection is off
    assert build_schema(production=True).as_str() == build_schema().as_str()
