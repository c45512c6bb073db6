"""Another account's customer is "not found" through every path, with real IDs."""

import asyncio

from clientele.api.context import Context
from clientele.api.schema import schema
from tests.api.helpers import create_customer
from tests.conftest import Client
from tests.waiting import subscribed, subscriber_queues


async def test_every_read_path_hides_other_accounts(gql, other_account) -> None:
    theirs_client = Client(other_account)
    theirs = await create_customer(theirs_client, firstName="Their", email="t@example.com")
    mine = await create_customer(gql, firstName="Mine")
    data = await gql.data(
        """query($t: ID!, $m: ID!) {
             customer(id: $t) { id }
             node(id: $t) { id }
             nodes(ids: [$t, $m]) { id }
             alias1: customer(id: $t) { id notes }
             alias2: node(id: $t) { ... on Customer { email } }
             customers(first: 100) { edges { node { id } } }
           }""", t=theirs, m=mine)
    assert data["customer"] is None and data["node"] is None
    assert data["nodes"] == [None, {"id": mine}]
    assert data["alias1"] is None and data["alias2"] is None
    assert [e["node"]["id"] for e in data["customers"]["edges"]] == [mine]


async def test_every_write_path_says_not_found(gql, other_account) -> None:
    theirs_client = Client(other_account)
    theirs = await create_customer(theirs_client, firstName="Their", notes="orig")
    for document in (
        'mutation($id: ID!) { customerUpdate(id: $id, input: {notes: "x"}) '
        "{ userErrors { code } } }",
        "mutation($id: ID!) { customerDelete(id: $id) { userErrors { code } } }",
        "mutation($id: ID!) { customerBlock(id: $id) { userErrors { code } } }",
        "mutation($id: ID!) { customerUnblock(id: $id) { userErrors { code } } }",
    ):
        data = await gql.data(document, id=theirs)
        payload = next(iter(data.values()))
        assert [e["code"] for e in payload["userErrors"]] == ["NOT_FOUND"], document
    still = await theirs_client.data("query($id: ID!) { customer(id: $id) { notes isBlocked } }",
                                     id=theirs)
    assert still["customer"] == {"notes": "orig", "isBlocked": False}


async def test_subscription_filter_does_not_leak(gql, other_account) -> None:
    theirs_client = Client(other_account)
    theirs = await create_customer(theirs_client, firstName="Their")
    before = subscriber_queues()
    filtered = await schema.subscribe(
        "subscription($id: ID) { customerChanged(id: $id) { customerId } }",
        variable_values={"id": theirs}, context_value=Context(principal=gql.principal))
    unfiltered = await schema.subscribe(
        "subscription { customerChanged { customerId } }",
        context_value=Context(principal=gql.principal))
    waits = [asyncio.ensure_future(filtered.__anext__()),
             asyncio.ensure_future(unfiltered.__anext__())]
    await subscribed(before, count=2)
    await theirs_client.data('mutation($id: ID!) { customerUpdate(id: $id, input: {notes: "n"})'
                             " { userErrors { code } } }", id=theirs)
    mine = await create_customer(gql, firstName="Mine")
    done, _ = await asyncio.wait(waits, timeout=2)
    assert waits[1] in done and waits[1].result().data["customerChanged"]["customerId"] == mine
    assert waits[0] not in done  # their change never reached my filtered subscription
    waits[0].cancel()
    await asyncio.gather(waits[0], return_exceptions=True)
    await filtered.aclose()
    await unfiltered.aclose()


async def test_a_batched_http_request_hides_other_accounts(gql, account, other_account) -> None:
    import httpx

    from clientele.accounts.permissions import ALL
    from clientele.app import create_app
    from tests.conftest import token_for

    theirs = await create_customer(Client(other_account), firstName="Their")
    token = await token_for(account.slug, ALL)
    app = create_app()
    app.state.account = account
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t",
                                 headers={"authorization": f"Bearer {token}"}) as client:
        response = await client.post("/graphql", json=[
            {"query": "query($id: ID!) { customer(id: $id) { id } }", "variables": {"id": theirs}},
            {"query": "query($id: ID!) { nodes(ids: [$id]) { id } }", "variables": {"id": theirs}},
        ])
    assert [r["data"] for r in response.json()] == [{"customer": None}, {"nodes": [None]}]
