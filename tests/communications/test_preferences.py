"""The customers' preferences page, with the signed link of a message and no login: read,
change (through the identity rules, into the history), refuse changed, expired and oversized
tokens, and count requests per IP."""

from __future__ import annotations

import dataclasses
import datetime as dt
import time
import uuid

import httpx
import pytest
from itsdangerous import TimestampSigner

from clientele.accounts.services import link_secret
from clientele.app import create_app
from clientele.communications import links
from clientele.core import db, ids
from clientele.settings import Settings
from tests.api.helpers import create_customer
from tests.conftest import Client

READ = """
query($t: String!) { preferences(token: $t) {
  businessName firstName email mobilePhone emailEnabled smsEnabled preferredMedium
  preferredLanguage languages } }
"""
UPDATE = """
mutation($t: String!, $i: PreferencesInput!) { preferencesUpdate(token: $t, input: $i) {
  preferences { firstName email mobilePhone emailEnabled smsEnabled preferredMedium
                preferredLanguage }
  userErrors { field code message } } }
"""
HISTORY = """
query($id: ID!) { customer(id: $id) {
  history(first: 5) { edges { node { action actorName changes { field from to } } } } } }
"""


def _email() -> str:
    return f"p-{uuid.uuid4().hex[:10]}@example.com"


async def _token(account, customer: str) -> str:
    return links.make_token(await link_secret(account.id), account.id,
                            ids.decode_as(customer, "Customer"))


async def _customer_row(customer: str):
    rows = await db.fetch("SELECT * FROM customer WHERE id = $1",
                          ids.decode_as(customer, "Customer"))
    return rows[0]


def _code(result) -> str:
    assert result.errors, result
    return result.errors[0].extensions["code"]


async def test_the_link_holder_reads_and_changes_their_preferences(gql) -> None:
    email = _email()
    customer = await create_customer(gql, firstName="Lena", lastName="Keller", email=email,
                                     mobilePhone="079 555 12 34", notes="private")
    public = Client(gql.account, anonymous=True)
    token = await _token(gql.account, customer)

    page = (await public.data(READ, t=token))["preferences"]
    assert page == {"businessName": gql.account.name, "firstName": "Lena", "email": email,
                    "mobilePhone": "+41795551234", "emailEnabled": True, "smsEnabled": True,
                    "preferredMedium": None, "preferredLanguage": None,
                    "languages": ["en", "de", "fr", "it"]}

    changed = (await public.data(UPDATE, t=token, i={
        "preferredLanguage": "de-CH", "emailEnabled": False, "preferredMedium": "SMS"}))[
        "preferencesUpdate"]
    assert changed["userErrors"] == []
    assert changed["preferences"]["preferredLanguage"] == "de-CH"
    assert changed["preferences"]["emailEnabled"] is False
    row = await _customer_row(customer)
    assert (row["preferred_language"], row["email_enabled"], row["sms_enabled"],
            row["preferred_medium"], row["notes"]) == ("de-CH", False, True, "SMS", "private")

    history = (await gql.data(HISTORY, id=customer))["customer"]["history"]["edges"]
    latest = history[0]["node"]
    assert (latest["action"], latest["actorName"]) == ("UPDATED",
                                                        "Customer (preferences page)")
    assert {c["field"]: (c["from"], c["to"]) for c in latest["changes"]} == {
        "preferredLanguage": (None, "de-CH"), "emailEnabled": (True, False),
        "preferredMedium": (None, "SMS")}

    # a corrected address goes through the identity rules: cleaned and stored
    corrected = (await public.data(UPDATE, t=token, i={
        "email": "  Lena.K@Example.com ", "mobilePhone": "078 111 22 33"}))["preferencesUpdate"]
    assert corrected["userErrors"] == []
    assert (corrected["preferences"]["email"], corrected["preferences"]["mobilePhone"]) == (
        "lena.k@example.com", "+41781112233")


async def test_an_address_another_customer_holds_is_refused(gql) -> None:
    taken = _email()
    holder = await create_customer(gql, firstName="Holder", email=taken)
    customer = await create_customer(gql, firstName="Mo", email=_email())
    public = Client(gql.account, anonymous=True)
    token = await _token(gql.account, customer)
    before = await _customer_row(customer)

    refused = (await public.data(UPDATE, t=token, i={"email": taken.upper(),
                                                     "smsEnabled": False}))["preferencesUpdate"]
    assert refused["preferences"] is None
    [error] = refused["userErrors"]
    assert (error["field"], error["code"]) == ("email", "DUPLICATE")
    assert gql.account.name in error["message"]  # whom to ask; nothing about the other one
    assert holder not in error["message"] and taken not in error["message"]
    assert await _customer_row(customer) == before  # nothing of it was written

    bad = (await public.data(UPDATE, t=token, i={"email": "not an address",
                                                 "preferredLanguage": "!!"}))[
        "preferencesUpdate"]
    assert {(e["field"], e["code"]) for e in bad["userErrors"]} == {
        ("email", "INVALID_EMAIL"), ("preferredLanguage", "INVALID")}
    empty = (await public.data(UPDATE, t=token, i={"email": "  "}))["preferencesUpdate"]
    assert [(e["field"], e["code"]) for e in empty["userErrors"]] == [("email", "REQUIRED")]


def _changed(token: str) -> str:
    at = len(token) - 5  # inside the signature
    return token[:at] + ("A" if token[at] != "A" else "B") + token[at + 1:]


async def test_changed_foreign_expired_and_oversized_tokens_are_refused(
        gql, other_account, monkeypatch: pytest.MonkeyPatch) -> None:
    customer = await create_customer(gql, firstName="Ti", email=_email())
    public = Client(gql.account, anonymous=True)
    customer_id = ids.decode_as(customer, "Customer")
    genuine = await _token(gql.account, customer)
    foreign = links.make_token(await link_secret(other_account.id), gql.account.id,
                               customer_id)  # signed with another account's secret
    nobody = links.make_token(links.new_secret(), uuid.uuid4(), customer_id)
    with monkeypatch.context() as patch:
        patch.setattr(TimestampSigner, "get_timestamp",
                      lambda self: int(time.time() - dt.timedelta(days=181).total_seconds()))
        expired = await _token(gql.account, customer)
    gone = await create_customer(gql, firstName="Gone", email=_email())
    gone_token = await _token(gql.account, gone)
    await db.fetch("DELETE FROM customer WHERE id = $1", ids.decode_as(gone, "Customer"))

    cases = [(_changed(genuine), "INVALID_LINK"), (foreign, "INVALID_LINK"),
             (nobody, "INVALID_LINK"), ("not-a-token", "INVALID_LINK"), ("", "INVALID_LINK"),
             (genuine + "x" * 500, "INVALID_LINK"), (gone_token, "INVALID_LINK"),
             (expired, "LINK_EXPIRED")]
    before = await _customer_row(customer)
    for token, code in cases:
        assert _code(await public.execute(READ, t=token)) == code, token
        result = (await public.data(UPDATE, t=token, i={"smsEnabled": False}))[
            "preferencesUpdate"]
        assert result["preferences"] is None
        assert [(e["field"], e["code"]) for e in result["userErrors"]] == [("token", code)]
    assert await _customer_row(customer) == before
    assert (await public.data(READ, t=genuine))["preferences"]["firstName"] == "Ti"


async def test_the_page_is_rate_limited_per_ip_through_http(account) -> None:
    settings = dataclasses.replace(Settings.from_env(), booking_rate_per_minute=2)
    app = create_app(settings)
    app.state.account = account
    transport = httpx.ASGITransport(app=app, client=("10.9.8.6", 5555))
    customer = await create_customer(Client(account), firstName="Ra", email=_email())
    token = await _token(account, customer)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        for _ in range(2):
            ok = await client.post("/graphql", json={"query": READ, "variables": {"t": token}})
            assert ok.json()["data"]["preferences"]["firstName"] == "Ra"
        limited = await client.post("/graphql", json={"query": UPDATE, "variables": {
            "t": token, "i": {"smsEnabled": False}}})
        assert limited.status_code == 429 and limited.headers["retry-after"]
        assert limited.json()["data"]["preferencesUpdate"]["userErrors"][0]["code"] == \
            "RATE_LIMITED"
        read = await client.post("/graphql", json={"query": READ, "variables": {"t": token}})
        assert read.status_code == 429
        assert read.json()["errors"][0]["extensions"]["code"] == "RATE_LIMITED"
    assert (await _customer_row(customer))["sms_enabled"] is True
