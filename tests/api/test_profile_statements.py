"""The expandable profile is one HTTP request whose SQL statement count does not grow with
the number of appointments and communications."""

import datetime as dt

import httpx
import pytest

from clientele.accounts.permissions import Permission
from clientele.accounts.services import AccountInfo
from clientele.app import create_app
from clientele.core import db, ids
from clientele.customers import services
from tests.conftest import actor_of

PROFILE = """
query Profile($id: ID!) {
  customer(id: $id) {
    id displayName email mobilePhone communicationStatus notes
    address { city } customFields { key value }
    appointments(first: 100) {
      totalCount
      edges { node {
        id title startsAt endsAt allDay location status services
        communications(first: 100) {
          totalCount
          edges { node { id medium recipient subject status error body sentAt } }
        }
      } }
    }
  }
}
"""


async def _customer_with(account: AccountInfo, appointments: int, per_appointment: int) -> str:
    row = await services.create(actor_of(account), {"first_name": "Prof",
                                                  "last_name": f"Ile{appointments}"})
    start = dt.datetime(2026, 1, 1, 9, tzinfo=dt.UTC)
    await db.fetch(
        """
        INSERT INTO appointment (id, account, customer, title, services, starts_at, ends_at,
                                 all_day, status, recurrence_id, created_at, updated_at)
        SELECT gen_random_uuid(), $1, $2, 'Visit ' || i, ARRAY['Consultation'],
               $3::timestamptz + i * interval '1 day',
               $3::timestamptz + i * interval '1 day' + interval '1 hour',
               false, 'COMPLETED', '', now(), now()
        FROM generate_series(1, $4) AS i
        """,
        account.id, row["id"], start, appointments)
    await db.fetch(
        """
        INSERT INTO communication (id, account, appointment, customer, medium, recipient,
                                   subject, body, status, attempts, created_at)
        SELECT gen_random_uuid(), $1, a.id, $2, 'EMAIL', 'p@example.com', 'Reminder',
               'Body ' || n, 'SENT', 1, now() + n * interval '1 second'
        FROM appointment a, generate_series(1, $3) AS n WHERE a.customer = $2
        """,
        account.id, row["id"], per_appointment)
    return ids.encode("Customer", row["id"])


@pytest.fixture
async def http(account: AccountInfo) -> httpx.AsyncClient:
    """The real app (middleware, auth, GraphQL) in-process, with a read-only token."""
    from tests.conftest import token_for

    app = create_app()
    app.state.account = account
    token = await token_for(account.slug, frozenset({Permission.READ_CUSTOMERS}), "read-only")
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test",
                             headers={"authorization": f"Bearer {token}"})


async def _statements_for_profile(http: httpx.AsyncClient, customer_id: str) -> tuple[int, dict]:
    before = db.engine().statements
    response = await http.post("/graphql", json={"query": PROFILE,
                                                 "variables": {"id": customer_id}})
    used = db.engine().statements - before
    assert response.status_code == 200
    body = response.json()
    assert "errors" not in body, body
    return used, body["data"]["customer"]


async def test_profile_statement_count_is_constant(http, account, monkeypatch) -> None:
    # as served: compiled (api/compiled), not also checked against the resolvers
    monkeypatch.setenv("CLIENTELE_COMPILED_CHECK", "0")
    small = await _customer_with(account, appointments=2, per_appointment=1)
    large = await _customer_with(account, appointments=50, per_appointment=4)

    first_count, _ = await _statements_for_profile(http, small)  # the resolvers; then a plan
    small_count, small_profile = await _statements_for_profile(http, small)
    large_count, large_profile = await _statements_for_profile(http, large)
    assert first_count <= 4  # token lookup, customer, appointments, communications

    assert large_profile["appointments"]["totalCount"] == 50
    edges = large_profile["appointments"]["edges"]
    assert len(edges) == 50
    assert sum(len(e["node"]["communications"]["edges"]) for e in edges) == 200
    starts = [e["node"]["startsAt"] for e in edges]
    assert starts == sorted(starts)
    assert small_profile["appointments"]["totalCount"] == 2
    assert large_count == small_count
    # token lookup, the compiled statement, and customFields from the resolvers (the customer
    # by ID and the account's field definitions)
    assert large_count <= 4


async def test_a_page_of_customers_with_their_appointments_is_batched(http, account) -> None:
    for n in (1, 3, 5):
        await _customer_with(account, appointments=n, per_appointment=2)
    query = """{ customers(first: 10) { edges { node { id nextAppointment { id }
        appointments(first: 5) { edges { node { communications { totalCount } } } } } } } }"""
    before = db.engine().statements
    response = await http.post("/graphql", json={"query": query})
    used = db.engine().statements - before
    assert "errors" not in response.json()
    # token, customers page, next appointments, appointments, communications: no N+1
    assert used == 5
