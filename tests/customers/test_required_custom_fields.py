"""Required custom fields bind staff entering customers and the booking form's own fields;
calendar events and imports are never refused for them. Bookings set the booking form's
custom fields, validated by type, and never overwrite a known customer's values."""

from __future__ import annotations

import pytest

from clientele.accounts.principal import Principal
from clientele.core import db
from clientele.customers import services
from clientele.customers.custom_fields import define
from clientele.customers.enums import CustomerSource, CustomFieldType
from tests.api.helpers import CREATE
from tests.conftest import Client

BOOK = """mutation($input: BookingCreateInput!) { bookingCreate(input: $input) {
  customer { id customFields { key value } } warnings userErrors { field code message } } }"""


@pytest.fixture
async def fields(gql) -> None:
    await define(gql.account.id, "tier", "Tier", CustomFieldType.DROPDOWN, ["gold", "silver"],
                 required=True, in_booking_form=False)
    await define(gql.account.id, "consent", "Consent to reminders", CustomFieldType.CHECKBOX,
                 [], required=True, in_booking_form=True)
    await define(gql.account.id, "allergies", "Allergies", CustomFieldType.TEXT, [],
                 required=False, in_booking_form=True)


def _booking(account, **extra) -> dict:
    return {"accountSlug": account.slug, "firstName": "Bea", "lastName": "Booker",
            "email": "bea@example.com", "startsAt": "2030-05-01T09:00:00+02:00",
            "endsAt": "2030-05-01T10:00:00+02:00", **extra}


async def _customers(gql) -> int:
    rows = await db.fetch("SELECT count(*) AS n FROM customer WHERE account = $1",
                          gql.account.id)
    return int(rows[0]["n"])


async def test_staff_must_fill_every_required_field(gql, fields) -> None:
    data = await gql.data(CREATE, input={"firstName": "Sam"})
    assert {(e["field"], e["code"]) for e in data["customerCreate"]["userErrors"]} == {
        ("customFields.tier", "REQUIRED"), ("customFields.consent", "REQUIRED")}
    assert await _customers(gql) == 0


async def test_calendar_and_import_customers_are_never_refused(gql, fields) -> None:
    actor = Principal.system(gql.account, "test").actor
    for source, email in ((CustomerSource.CALENDAR, "cal@example.com"),
                          (CustomerSource.IMPORT, "imp@example.com")):
        row, created, _ = await services.match_or_create(
            actor, {"first_name": "Ext", "email": email}, source)
        assert created and row["email"] == email
    assert await _customers(gql) == 2


async def test_booking_form_fields_are_public_and_validated(gql, fields) -> None:
    public = Client(gql.account, anonymous=True)
    form = await public.data('query($s: String!) { bookingFormFields(accountSlug: $s) '
                             '{ key required type } }', s=gql.account.slug)
    assert form["bookingFormFields"] == [
        {"key": "allergies", "required": False, "type": "TEXT"},
        {"key": "consent", "required": True, "type": "CHECKBOX"}]
    for custom, expected in (
        ([], ("customFields.consent", "REQUIRED")),
        ([{"key": "consent", "value": "yes-ish"}], ("customFields.consent", "INVALID")),
        ([{"key": "consent", "value": True}, {"key": "tier", "value": "gold"}],
         ("customFields.tier", "INVALID")),
        ([{"key": "consent", "value": True}, {"key": "shoe", "value": "42"}],
         ("customFields.shoe", "INVALID")),
    ):
        result = (await public.data(BOOK, input=_booking(gql.account, customFields=custom)))
        errors = result["bookingCreate"]["userErrors"]
        assert [(e["field"], e["code"]) for e in errors] == [expected], custom
    assert await _customers(gql) == 0

    good = await public.data(BOOK, input=_booking(gql.account, customFields=[
        {"key": "consent", "value": True}, {"key": "allergies", "value": "Latex"}]))
    assert good["bookingCreate"]["userErrors"] == []
    rows = await db.fetch("SELECT custom, source FROM customer WHERE account = $1",
                          gql.account.id)
    assert rows[0]["source"] == "BOOKING"
    stored = rows[0]["custom"]
    assert (stored if isinstance(stored, dict) else __import__("json").loads(stored)) == {
        "consent": True, "allergies": "Latex"}


async def test_a_known_customer_keeps_stored_values(gql, fields) -> None:
    first = await gql.data(BOOK, input=_booking(gql.account, customFields=[
        {"key": "consent", "value": True}]))
    assert first["bookingCreate"]["userErrors"] == []
    again = await gql.data(BOOK, input=_booking(gql.account, customFields=[
        {"key": "consent", "value": False}, {"key": "allergies", "value": "Pollen"}]))
    payload = again["bookingCreate"]
    assert payload["userErrors"] == []
    values = {v["key"]: v["value"] for v in payload["customer"]["customFields"]}
    assert values == {"consent": True, "allergies": "Pollen"}  # kept; a blank filled
    assert any("consent" in w for w in payload["warnings"])
    history = await gql.data('query($id: ID!) { customer(id: $id) { history { edges { node '
                             '{ action changes { field from to } } } } } }',
                             id=payload["customer"]["id"])
    conflicts = [c for e in history["customer"]["history"]["edges"]
                 if e["node"]["action"] == "CONFLICT" for c in e["node"]["changes"]]
    assert {"field": "customFields.consent", "from": True, "to": False} in conflicts
