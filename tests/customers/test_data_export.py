"""The GDPR access file: customerDataExport(id) and GET /export/customers/{id}.json."""

from __future__ import annotations

import dataclasses
import json

import httpx
import pytest

from clientele.accounts.permissions import ALL, BUILTIN_ROLES, Permission
from clientele.app import create_app
from clientele.blocking.services import log_attempt
from clientele.core import db, ids
from clientele.customers import custom_fields
from clientele.customers.enums import CustomFieldType
from clientele.settings import Settings
from tests.api.helpers import create_customer
from tests.conftest import Client, token_for

QUERY = "query($id: ID!) { customerDataExport(id: $id) }"
BOOK = """mutation($input: BookingCreateInput!) { bookingCreate(input: $input) {
  userErrors { code } } }"""


async def _person(gql) -> str:
    """A customer with one of each kind of data."""
    await custom_fields.create_definition(gql.account.id, "allergy", "Allergy",
                                          CustomFieldType.TEXT)
    customer = await create_customer(
        gql, firstName="Erika", lastName="Muster", email="erika@example.ch",
        mobilePhone="+41 79 555 66 77", notes="Prefers mornings",
        customFields=[{"key": "allergy", "value": "Latex"}])
    booked = await gql.data(BOOK, input={"email": "erika@example.ch",
                                         "startsAt": "2030-03-01T09:00:00Z",
                                         "endsAt": "2030-03-01T10:00:00Z",
                                         "services": ["Massage"]})
    assert booked["bookingCreate"]["userErrors"] == []
    pk = ids.decode_as(customer, "Customer")
    await db.fetch(
        """INSERT INTO communication (id, account, appointment, customer, medium, recipient,
                                      subject, body, status, attempts, created_at)
           SELECT gen_random_uuid(), $1, a.id, $2, 'EMAIL', 'erika@example.ch', 'Reminder',
                  'See you tomorrow', 'SENT', 1, now()
           FROM appointment a WHERE a.customer = $2""", gql.account.id, pk)
    await gql.data('mutation($id: ID!) { customerUpdate(id: $id, input: {notes: "Mornings '
                   'only"}) { userErrors { code } } }', id=customer)
    blocked = await gql.data('mutation($id: ID!) { customerBlock(id: $id, reason: "No-shows") '
                             "{ userErrors { code } } }", id=customer)
    assert blocked["customerBlock"]["userErrors"] == []
    await log_attempt(gql.account.id, None, email="erika@example.ch", name="Erika M",
                      phone=None, ip="203.0.113.9")
    return customer


async def test_the_document_holds_every_kind_of_data(gql, other_account) -> None:
    customer = await _person(gql)
    bystander = await create_customer(gql, firstName="Other", email="other@example.ch")
    doc = (await gql.data(QUERY, id=customer))["customerDataExport"]
    assert doc["formatVersion"] == 1 and doc["business"] == gql.account.name
    person = doc["customer"]
    assert person["id"] == customer
    assert (person["firstName"], person["lastName"], person["email"], person["mobilePhone"],
            person["notes"]) == ("Erika", "Muster", "erika@example.ch", "+41795556677",
                                 "Mornings only")
    assert set(person["address"]) == {"street", "postcode", "city", "country"}
    assert doc["customFields"] == [{"key": "allergy", "label": "Allergy", "type": "TEXT",
                                    "value": "Latex", "archived": False}]
    [appointment] = doc["appointments"]
    assert appointment["services"] == ["Massage"]
    assert appointment["startsAt"] == "2030-03-01T09:00:00Z"
    # the booking's own message (queued with it) and the reminder written here
    assert len(doc["communications"]) == 2
    [message] = [m for m in doc["communications"] if m["subject"] == "Reminder"]
    assert (message["subject"], message["body"], message["appointmentId"]) == \
        ("Reminder", "See you tomorrow", appointment["id"])
    assert {(r["kind"], r["value"]) for r in doc["blockRules"]} == \
        {("EMAIL", "erika@example.ch"), ("PHONE", "+41795556677")}
    assert all(r["reason"] == "No-shows" for r in doc["blockRules"])
    assert [(b["email"], b["ip"]) for b in doc["blockedBookings"]] == \
        [("erika@example.ch", "203.0.113.9")]
    actions = [h["action"] for h in doc["history"]]
    assert actions[0] == "CREATED" and "UPDATED" in actions and "BLOCKED" in actions
    update = next(h for h in doc["history"] if h["action"] == "UPDATED")
    assert {"field": "notes", "from": "Prefers mornings", "to": "Mornings only"} in \
        update["changes"]
    assert bystander not in json.dumps(doc) and "other@example.ch" not in json.dumps(doc)
    json.dumps(doc)  # plain JSON throughout


async def test_unknown_and_other_accounts_customers_are_null(gql, other_account) -> None:
    theirs = await create_customer(Client(other_account), firstName="Their")
    assert (await gql.data(QUERY, id=theirs))["customerDataExport"] is None
    made_up = ids.encode("Customer", "00000000-0000-4000-8000-000000000000")
    assert (await gql.data(QUERY, id=made_up))["customerDataExport"] is None
    wrong = await gql.execute(QUERY, id=ids.encode("Appointment",
                                                   "00000000-0000-4000-8000-000000000000"))
    assert wrong.errors[0].extensions["code"] == "INVALID_ID"


@pytest.mark.parametrize("role", ["staff", "read-only"])
async def test_needs_export_customers(gql, role) -> None:
    customer = await create_customer(gql, firstName="Guarded")
    result = await Client(gql.account, BUILTIN_ROLES[role]).execute(QUERY, id=customer)
    assert result.errors[0].extensions["code"] == "FORBIDDEN"
    anonymous = await Client(gql.account, anonymous=True).execute(QUERY, id=customer)
    assert anonymous.errors[0].extensions["code"] == "UNAUTHENTICATED"


def _client(account, token: str | None) -> httpx.AsyncClient:
    app = create_app(dataclasses.replace(Settings.from_env(), calendar_polling=False))
    app.state.account = account
    headers = {"authorization": f"Bearer {token}"} if token else {}
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test",
                             headers=headers)


async def test_download_from_the_profile(gql, other_account) -> None:
    customer = await _person(gql)
    theirs = await create_customer(Client(other_account), firstName="Their")
    token = await token_for(gql.account.slug, ALL, "admin")
    async with _client(gql.account, token) as client:
        response = await client.get(f"/export/customers/{customer}.json")
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/json"
        disposition = response.headers["content-disposition"]
        assert disposition.startswith('attachment; filename="customer-Erika-Muster-')
        document = response.json()
        graphql = (await gql.data(QUERY, id=customer))["customerDataExport"]
        assert {k: v for k, v in document.items() if k != "generatedAt"} == \
            {k: v for k, v in graphql.items() if k != "generatedAt"}
        other = await client.get(f"/export/customers/{theirs}.json")
        assert other.status_code == 404
        assert other.json()["errors"][0]["extensions"]["code"] == "NOT_FOUND"
        malformed = await client.get("/export/customers/%3Cscript%3E.json")
        assert malformed.status_code == 400
        assert malformed.json()["errors"][0]["extensions"]["code"] == "INVALID_ID"
        assert (await client.get(f"/export/customers/{customer}.xml")).status_code == 404
    staff = await token_for(gql.account.slug, frozenset({Permission.READ_CUSTOMERS}), "staff")
    async with _client(gql.account, staff) as client:
        assert (await client.get(f"/export/customers/{customer}.json")).status_code == 403
    async with _client(gql.account, None) as client:
        assert (await client.get(f"/export/customers/{customer}.json")).status_code == 401
