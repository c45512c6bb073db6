"""searchCustomers before the search index is ready: the database answers (customers.listing)."""

from clientele.customers.search.service import service
from tests.api.helpers import create_customer

SEARCH = """query($q: String!, $first: Int!) { searchCustomers(query: $q, first: $first) {
  customer { lastName } score field value highlight { start end } } }"""


async def test_until_the_index_is_ready_a_substring_match_answers_sorted_by_name(gql) -> None:
    service.ready = False
    service.indexes.pop(gql.account.id, None)
    await create_customer(gql, firstName="Lea", lastName="Brandenberger")
    await create_customer(gql, firstName="Max", lastName="Abrand")
    await create_customer(gql, firstName="Zoe", lastName="Keller")
    hits = (await gql.data(SEARCH, q="brand", first=5))["searchCustomers"]
    assert hits == [
        {"customer": {"lastName": "Abrand"}, "score": 0.0, "field": "name",
         "value": "Max Abrand", "highlight": None},
        {"customer": {"lastName": "Brandenberger"}, "score": 0.0, "field": "name",
         "value": "Lea Brandenberger", "highlight": None},
    ]
    assert len((await gql.data(SEARCH, q="brand", first=1))["searchCustomers"]) == 1
