"""customerUpdate: leave alone vs clear (strawberry.Maybe), validation, duplicates, bad IDs."""

import uuid

import pytest

from clientele.core import ids
from tests.api.helpers import create_customer

UPDATE = """
mutation($id: ID!, $input: CustomerUpdateInput!) {
  customerUpdate(id: $id, input: $input) {
    customer { id firstName lastName email mobilePhone notes company communicationStatus
               smsEnabled archivedAt address { street city country } }
    userErrors { field message code existingCustomerId }
  }
}
"""
READ = "query($id: ID!) { customer(id: $id) { firstName notes company email } }"


async def test_omitted_fields_are_left_alone_and_null_clears(gql) -> None:
    cid = await create_customer(gql, firstName="Ada", notes="keep me", company="ACME",
                                email="ada@example.com")
    data = await gql.data(UPDATE, id=cid, input={"company": None, "firstName": "Ada L."})
    customer = data["customerUpdate"]["customer"]
    assert customer["firstName"] == "Ada L."
    assert customer["notes"] == "keep me"
    assert customer["company"] is None
    assert customer["email"] == "ada@example.com"


async def test_address_is_replaced_or_cleared_as_a_whole(gql) -> None:
    cid = await create_customer(gql, firstName="A", address={"street": "Seeweg 1",
                                                             "city": "Bern", "country": "CH"})
    data = await gql.data(UPDATE, id=cid, input={"address": {"city": "Basel"}})
    assert data["customerUpdate"]["customer"]["address"] == {"street": None, "city": "Basel",
                                                             "country": None}
    data = await gql.data(UPDATE, id=cid, input={"address": None})
    assert data["customerUpdate"]["customer"]["address"] == {"street": None, "city": None,
                                                             "country": None}


async def test_flags_and_status_change(gql) -> None:
    cid = await create_customer(gql, firstName="A")
    data = await gql.data(UPDATE, id=cid, input={"communicationStatus": "BLOCKED",
                                                 "smsEnabled": False, "archived": True})
    customer = data["customerUpdate"]["customer"]
    assert customer["communicationStatus"] == "BLOCKED"
    assert customer["smsEnabled"] is False
    assert customer["archivedAt"] is not None


async def test_clearing_both_names_is_refused_and_nothing_changes(gql) -> None:
    cid = await create_customer(gql, firstName="Solo", notes="n")
    data = await gql.data(UPDATE, id=cid, input={"firstName": None, "notes": "changed"})
    assert [(e["field"], e["code"]) for e in data["customerUpdate"]["userErrors"]] == [
        ("firstName", "REQUIRED")]
    assert (await gql.data(READ, id=cid))["customer"] == {
        "firstName": "Solo", "notes": "n", "company": None, "email": None}


@pytest.mark.parametrize(
    ("input", "field", "code"),
    [
        ({"email": "nope"}, "email", "INVALID_EMAIL"),
        ({"mobilePhone": "0"}, "mobilePhone", "INVALID_PHONE"),
        ({"company": "x" * 201}, "company", "TOO_LONG"),
        ({"communicationStatus": None}, "communicationStatus", "REQUIRED"),
    ],
)
async def test_bad_updates_are_user_errors(gql, input, field, code) -> None:
    cid = await create_customer(gql, firstName="A", company="Before")
    data = await gql.data(UPDATE, id=cid, input=input)
    assert [(e["field"], e["code"]) for e in data["customerUpdate"]["userErrors"]] == [
        (field, code)]
    assert (await gql.data(READ, id=cid))["customer"]["company"] == "Before"


async def test_taking_another_customers_email_is_a_duplicate(gql) -> None:
    taken = await create_customer(gql, firstName="A", email="taken@example.com")
    cid = await create_customer(gql, firstName="B", email="b@example.com")
    data = await gql.data(UPDATE, id=cid, input={"email": "TAKEN@example.com"})
    assert [(e["field"], e["code"], e["existingCustomerId"])
            for e in data["customerUpdate"]["userErrors"]] == [("email", "DUPLICATE", taken)]
    # re-saving one's own email is not a duplicate
    data = await gql.data(UPDATE, id=cid, input={"email": "b@example.com"})
    assert data["customerUpdate"]["userErrors"] == []


@pytest.mark.parametrize(
    ("make_id", "code"),
    [
        (lambda: ids.encode("Customer", uuid.uuid4()), "NOT_FOUND"),
        (lambda: ids.encode("Appointment", uuid.uuid4()), "INVALID"),
        (lambda: "definitely-not-an-id", "INVALID"),
    ],
)
async def test_unknown_wrong_type_and_malformed_ids(gql, make_id, code) -> None:
    data = await gql.data(UPDATE, id=make_id(), input={"notes": "x"})
    assert [(e["field"], e["code"]) for e in data["customerUpdate"]["userErrors"]] == [
        ("id", code)]


async def test_another_accounts_customer_is_not_found(gql, other_account) -> None:
    from tests.conftest import Client

    theirs = await create_customer(Client(other_account), firstName="Theirs", notes="orig")
    data = await gql.data(UPDATE, id=theirs, input={"notes": "hacked"})
    assert [e["code"] for e in data["customerUpdate"]["userErrors"]] == ["NOT_FOUND"]
    assert (await Client(other_account).data(READ, id=theirs))["customer"]["notes"] == "orig"


async def test_archived_null_is_refused_before_anything_else(gql) -> None:
    """A customer is archived or not: null is REQUIRED (the customers service decides), alone
    even when other fields are wrong too, and nothing changes."""
    cid = await create_customer(gql, firstName="Arch", notes="n")
    data = await gql.data(UPDATE, id=cid, input={"archived": None, "email": "not an email",
                                                 "notes": "changed"})
    assert data["customerUpdate"]["customer"] is None
    assert data["customerUpdate"]["userErrors"] == [
        {"field": "archived", "message": "Give true or false.", "code": "REQUIRED",
         "existingCustomerId": None}]
    assert (await gql.data(READ, id=cid))["customer"]["notes"] == "n"


async def test_archived_false_restores(gql) -> None:
    cid = await create_customer(gql, firstName="Back")
    await gql.data(UPDATE, id=cid, input={"archived": True})
    data = await gql.data(UPDATE, id=cid, input={"archived": False})
    assert data["customerUpdate"]["customer"]["archivedAt"] is None
