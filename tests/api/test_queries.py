"""Reading: customer(id), node(s), the keyset-paginated list, filters, bad IDs and cursors."""

import uuid

import pytest

from clientele.core import ids
from tests.api.helpers import create_customer

LIST = """
query($first: Int!, $after: String, $orderBy: CustomerOrderBy, $filter: CustomerFilter) {
  customers(first: $first, after: $after, orderBy: $orderBy, filter: $filter) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage endCursor }
    edges { cursor node { id lastName } }
  }
}
"""


async def _names(gql, **variables) -> list[str]:
    data = await gql.data(LIST, **variables)
    return [e["node"]["lastName"] for e in data["customers"]["edges"]]


async def test_keyset_pages_cover_the_list_once_in_order(gql) -> None:
    names = ["Zeller", "älbi", "Meier", "meier", "Brunner", "Aebi", "Keller"]
    for i, name in enumerate(names):
        await create_customer(gql, firstName=f"P{i}", lastName=name)
    seen: list[str] = []
    after = None
    while True:
        data = await gql.data(LIST, first=3, after=after)
        page = data["customers"]
        assert page["totalCount"] == len(names)
        seen += [e["node"]["lastName"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert sorted(seen) == sorted(names)  # every customer once, none twice
    assert seen == sorted(names, key=lambda n: n.lower())
    desc = await _names(gql, first=100, orderBy={"field": "NAME", "direction": "DESC"})
    assert desc == list(reversed(seen))


async def test_filters(gql) -> None:
    await create_customer(gql, firstName="Anna", lastName="Muster", email="anna@firma.ch",
                          mobilePhone="079 111 22 33", company="Helvetia AG")
    blocked = await create_customer(gql, firstName="Bob", lastName="Blocked")
    await gql.data("""mutation($id: ID!) { customerUpdate(id: $id,
        input: {communicationStatus: BLOCKED}) { userErrors { code } } }""", id=blocked)
    archived = await create_customer(gql, firstName="Old", lastName="Archived")
    await gql.data("""mutation($id: ID!) { customerUpdate(id: $id, input: {archived: true})
        { userErrors { code } } }""", id=archived)

    assert await _names(gql, first=10, filter={"search": "must"}) == ["Muster"]
    assert await _names(gql, first=10, filter={"search": "firma"}) == ["Muster"]
    assert await _names(gql, first=10, filter={"search": "079 111"}) == ["Muster"]
    assert await _names(gql, first=10, filter={"search": "helvetia anna"}) == ["Muster"]
    assert await _names(gql, first=10, filter={"search": "100%_"}) == []
    assert await _names(gql, first=10, filter={"communicationStatus": "BLOCKED"}) == ["Blocked"]
    assert await _names(gql, first=10) == ["Blocked", "Muster"]
    assert await _names(gql, first=10, filter={"archived": True}) == ["Archived"]
    assert await _names(gql, first=10, filter={"archived": None}) == [
        "Archived", "Blocked", "Muster"]


async def test_lists_never_show_another_accounts_customers(gql, other_account) -> None:
    from tests.conftest import Client

    theirs = await create_customer(Client(other_account), firstName="T", lastName="Theirs")
    await create_customer(gql, firstName="M", lastName="Mine")
    assert await _names(gql, first=10) == ["Mine"]
    data = await gql.data("query($id: ID!) { customer(id: $id) { id } node(id: $id) { id } "
                          "nodes(ids: [$id]) { id } }", id=theirs)
    assert data == {"customer": None, "node": None, "nodes": [None]}


async def test_node_resolves_each_type(gql) -> None:
    cid = await create_customer(gql, firstName="Node", lastName="Test")
    data = await gql.data("""query($id: ID!) { node(id: $id) { __typename id
        ... on Customer { lastName } } }""", id=cid)
    assert data["node"] == {"__typename": "Customer", "id": cid, "lastName": "Test"}


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ('{ customer(id: "garbage") { id } }', "INVALID_ID"),
        ('{ node(id: "garbage") { id } }', "INVALID_ID"),
        (f'{{ customer(id: "{ids.encode("Appointment", uuid.uuid4())}") {{ id }} }}',
         "INVALID_ID"),
        (f'{{ node(id: "{ids.encode("Martian", uuid.uuid4())}") {{ id }} }}', "INVALID_ID"),
        ('{ customers(first: 101) { totalCount } }', "BAD_PAGE_SIZE"),
        ('{ customers(first: -1) { totalCount } }', "BAD_PAGE_SIZE"),
        ('{ customers(first: 5, after: "bm9wZQ==") { totalCount } }', "INVALID_CURSOR"),
    ],
)
async def test_bad_ids_sizes_and_cursors_are_coded_errors(gql, query, code) -> None:
    result = await gql.execute(query)
    assert result.errors, result
    assert result.errors[0].extensions == {"code": code}
    assert result.errors[0].message


async def test_unknown_id_is_null(gql) -> None:
    data = await gql.data("query($id: ID!) { customer(id: $id) { id } }",
                          id=ids.encode("Customer", uuid.uuid4()))
    assert data == {"customer": None}
