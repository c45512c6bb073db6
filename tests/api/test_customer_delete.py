"""customerDelete through the API."""

import uuid

from clientele.core import ids
from tests.api.helpers import create_customer

DELETE = """
mutation($id: ID!, $keep: Boolean) {
  customerDelete(id: $id, keepHistory: $keep) { deletedId userErrors { field code } }
}
"""


async def test_delete_then_the_customer_is_gone(gql) -> None:
    cid = await create_customer(gql, firstName="Bye")
    data = await gql.data(DELETE, id=cid, keep=False)
    assert data["customerDelete"] == {"deletedId": cid, "userErrors": []}
    assert (await gql.data("query($id: ID!) { customer(id: $id) { id } }", id=cid)) == {
        "customer": None}
    again = await gql.data(DELETE, id=cid)
    assert again["customerDelete"]["userErrors"] == [{"field": "id", "code": "NOT_FOUND"}]


async def test_delete_with_bad_ids(gql) -> None:
    for bad, code in (("garbage", "INVALID"),
                      (ids.encode("Communication", uuid.uuid4()), "INVALID"),
                      (ids.encode("Customer", uuid.uuid4()), "NOT_FOUND")):
        data = await gql.data(DELETE, id=bad)
        assert data["customerDelete"]["userErrors"] == [{"field": "id", "code": code}]
