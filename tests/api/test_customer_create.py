"""customerCreate: valid input, every kind of bad input, duplicates. Bad input writes nothing."""

import pytest

from clientele.core import db

CREATE = """
mutation($input: CustomerCreateInput!) {
  customerCreate(input: $input) {
    customer { id firstName lastName email mobilePhone landlinePhone communicationStatus
               source address { city country } customFields { key value } }
    userErrors { field message code existingCustomerId }
  }
}
"""


async def _customer_count(gql) -> int:
    rows = await db.fetch("SELECT count(*) AS n FROM customer WHERE account = $1",
                          gql.account.id)
    return rows[0]["n"]


async def test_create_normalises_contact_details(gql) -> None:
    data = await gql.data(CREATE, input={
        "firstName": "  Anna ", "lastName": "Muster", "email": "Anna.Muster@Example.COM",
        "mobilePhone": "079 123 45 67", "address": {"city": "Zürich", "country": "ch"}})
    payload = data["customerCreate"]
    assert payload["userErrors"] == []
    customer = payload["customer"]
    assert customer["firstName"] == "Anna"
    assert customer["email"] == "anna.muster@example.com"
    assert customer["mobilePhone"] == "+41791234567"
    assert customer["communicationStatus"] == "ALLOWED"
    assert customer["source"] == "MANUAL"
    assert customer["address"] == {"city": "Zürich", "country": "CH"}


@pytest.mark.parametrize(
    ("input", "field", "code"),
    [
        ({"email": "a@example.com"}, "firstName", "REQUIRED"),
        ({"firstName": "   ", "lastName": ""}, "firstName", "REQUIRED"),
        ({"firstName": "A", "email": "not-an-email"}, "email", "INVALID_EMAIL"),
        ({"firstName": "A", "mobilePhone": "12"}, "mobilePhone", "INVALID_PHONE"),
        ({"firstName": "A", "landlinePhone": "call me"}, "landlinePhone", "INVALID_PHONE"),
        ({"firstName": "A" * 101}, "firstName", "TOO_LONG"),
        ({"firstName": "A", "notes": "n" * 10_001}, "notes", "TOO_LONG"),
        ({"firstName": "A", "address": {"city": "c" * 101}}, "address.city", "TOO_LONG"),
        ({"firstName": "A", "address": {"country": "XX"}}, "address.country", "INVALID"),
        ({"firstName": "A", "preferredLanguage": "english please"}, "preferredLanguage",
         "INVALID"),
        ({"firstName": "A", "dateOfBirth": "2999-01-01"}, "dateOfBirth", "INVALID"),
        ({"firstName": "A", "customFields": [{"key": "nope", "value": 1}]},
         "customFields.nope", "UNKNOWN_CUSTOM_FIELD"),
    ],
)
async def test_bad_input_is_a_user_error_and_writes_nothing(gql, input, field, code) -> None:
    data = await gql.data(CREATE, input=input)
    payload = data["customerCreate"]
    assert payload["customer"] is None
    assert [(e["field"], e["code"]) for e in payload["userErrors"]] == [(field, code)]
    assert payload["userErrors"][0]["message"]
    assert await _customer_count(gql) == 0


async def test_all_errors_are_reported_at_once(gql) -> None:
    data = await gql.data(CREATE, input={"email": "x", "mobilePhone": "1"})
    fields = {e["field"] for e in data["customerCreate"]["userErrors"]}
    assert fields == {"email", "mobilePhone", "firstName"}


async def test_a_wrong_scalar_type_is_a_graphql_error(gql) -> None:
    result = await gql.execute(CREATE, input={"firstName": "A", "dateOfBirth": "tomorrow"})
    assert result.errors and "dateOfBirth" in result.errors[0].message
    assert await _customer_count(gql) == 0


async def test_duplicate_email_names_the_existing_customer(gql) -> None:
    first = await gql.data(CREATE, input={"firstName": "A", "email": "dup@example.com",
                                          "mobilePhone": "0791234567"})
    existing_id = first["customerCreate"]["customer"]["id"]
    data = await gql.data(CREATE, input={"firstName": "B", "email": "DUP@example.com",
                                         "mobilePhone": "0791234567"})
    errors = data["customerCreate"]["userErrors"]
    assert [(e["field"], e["code"], e["existingCustomerId"]) for e in errors] == [
        ("email", "DUPLICATE", existing_id)]
    assert await _customer_count(gql) == 1


@pytest.mark.parametrize(
    ("second", "field"),
    [
        ({"firstName": "B", "mobilePhone": "+41 79 123 45 67"}, "mobilePhone"),
        ({"firstName": "B", "landlinePhone": "079 123 45 67"}, "landlinePhone"),
    ],
)
async def test_a_phone_another_customer_has_is_a_warning_naming_them(gql, second,
                                                                    field) -> None:
    """Phones are shared (tests/customers/test_shared_phones.py has the "create anyway")."""
    first = await gql.data(CREATE, input={"firstName": "A", "email": "dup@example.com",
                                          "mobilePhone": "0791234567"})
    existing_id = first["customerCreate"]["customer"]["id"]
    data = await gql.data(WARNED, input=second)
    assert data["customerCreate"]["customer"] is None
    assert data["customerCreate"]["userErrors"] == []
    assert [(w["code"], w["field"], w["customer"]["id"])
            for w in data["customerCreate"]["warnings"]] == [
        ("SHARED_PHONE", field, existing_id)]
    assert await _customer_count(gql) == 1


WARNED = """
mutation($input: CustomerCreateInput!) {
  customerCreate(input: $input) {
    customer { id } userErrors { code } warnings { code field customer { id } }
  }
}
"""


async def test_the_same_email_in_another_account_is_not_a_duplicate(gql, other_account) -> None:
    from tests.conftest import Client

    await gql.data(CREATE, input={"firstName": "A", "email": "same@example.com"})
    data = await Client(other_account).data(CREATE, input={"firstName": "A",
                                                            "email": "same@example.com"})
    assert data["customerCreate"]["userErrors"] == []


async def test_custom_field_values_are_validated_by_type(gql) -> None:
    from clientele.customers.custom_fields import create_definition
    from clientele.customers.enums import CustomFieldType

    await create_definition(gql.account.id, "size", "Shoe size", CustomFieldType.NUMBER)
    await create_definition(gql.account.id, "tier", "Tier", CustomFieldType.DROPDOWN,
                            ["gold", "silver"])
    await create_definition(gql.account.id, "since", "Customer since", CustomFieldType.DATE)
    bad = await gql.data(CREATE, input={"firstName": "A", "customFields": [
        {"key": "size", "value": "big"}, {"key": "tier", "value": "bronze"},
        {"key": "since", "value": "tomorrow-ish"}]})
    assert {(e["field"], e["code"]) for e in bad["customerCreate"]["userErrors"]} == {
        ("customFields.size", "INVALID"), ("customFields.tier", "INVALID"),
        ("customFields.since", "INVALID")}
    assert await _customer_count(gql) == 0
    good = await gql.data(CREATE, input={"firstName": "A", "customFields": [
        {"key": "size", "value": 42.5}, {"key": "tier", "value": "gold"},
        {"key": "since", "value": "2020-02-29"}]})
    values = {v["key"]: v["value"] for v in good["customerCreate"]["customer"]["customFields"]}
    assert values == {"size": 42.5, "tier": "gold", "since": "2020-02-29"}


async def test_definitions_are_listed_for_forms(gql) -> None:
    from clientele.customers.custom_fields import create_definition
    from clientele.customers.enums import CustomFieldType

    await create_definition(gql.account.id, "tier", "Tier", CustomFieldType.DROPDOWN,
                            ["gold", "silver"], required=True)
    data = await gql.data("{ customFieldDefinitions { key label type options required } }")
    assert data["customFieldDefinitions"] == [{"key": "tier", "label": "Tier",
                                               "type": "DROPDOWN",
                                               "options": ["gold", "silver"], "required": True}]
