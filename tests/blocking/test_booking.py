"""Online and staff bookings: the identity service, block rules, the attempt log."""

from __future__ import annotations

import dataclasses

import httpx

from clientele.app import create_app
from clientele.core import db
from clientele.settings import Settings
from tests.api.helpers import create_customer
from tests.conftest import Client

BOOK = """
mutation($input: BookingCreateInput!) {
  bookingCreate(input: $input) {
    appointment { id startsAt services }
    customer { id email firstName }
    customerBlocked warnings
    userErrors { field message code }
  }
}
"""


def booking(account, **extra):
    return {"accountSlug": account.slug, "firstName": "Bea", "lastName": "Booker",
            "email": "bea@example.com", "startsAt": "2030-05-01T09:00:00+02:00",
            "endsAt": "2030-05-01T10:00:00+02:00", "services": ["Haircut"], **extra}


async def _count(table: str, account) -> int:
    rows = await db.fetch(f"SELECT count(*) AS n FROM {table} WHERE account = $1", account.id)
    return rows[0]["n"]


async def test_online_booking_creates_then_matches_the_customer(gql) -> None:
    public = Client(gql.account, anonymous=True)
    first = (await public.data(BOOK, input=booking(gql.account)))["bookingCreate"]
    assert first["userErrors"] == [] and first["appointment"]["services"] == ["Haircut"]
    assert first["customer"] is None  # the public form never sees stored customer data
    second = (await public.data(BOOK, input=booking(
        gql.account, firstName="Beatrice", email="BEA@example.com",
        phone="079 765 43 21")))["bookingCreate"]
    assert second["userErrors"] == []
    assert await _count("customer", gql.account) == 1
    assert await _count("appointment", gql.account) == 2
    customers = await gql.data("""{ customers(first: 5) { edges { node {
        firstName mobilePhone source
        history { edges { node { action actorName changes { field from to } } } } } } } }""")
    customer = customers["customers"]["edges"][0]["node"]
    assert customer["firstName"] == "Bea"  # never silently overwritten...
    assert customer["mobilePhone"] == "+41797654321"  # ...but blanks are filled
    assert customer["source"] == "BOOKING"
    actions = [e["node"]["action"] for e in customer["history"]["edges"]]
    assert actions == ["UPDATED", "CONFLICT", "CREATED"]
    conflict = customer["history"]["edges"][1]["node"]
    assert conflict["changes"] == [{"field": "firstName", "from": "Bea", "to": "Beatrice"}]
    assert conflict["actorName"] == "online booking"


async def test_blocked_customer_is_refused_online_with_the_configured_message(gql) -> None:
    await gql.data('mutation { accountSettingsUpdate(bookingBlockedMessage: '
                   '"Please call us to book.") { userErrors { code } } }')
    cid = await create_customer(gql, firstName="Bea", email="bea@example.com")
    blocked = await gql.data('mutation($id: ID!) { customerBlock(id: $id, reason: "3 no-shows")'
                             " { blockRules { kind value reason } userErrors { code } } }",
                             id=cid)
    assert blocked["customerBlock"]["blockRules"] == [
        {"kind": "EMAIL", "value": "bea@example.com", "reason": "3 no-shows"}]
    before = await _count("appointment", gql.account)

    public = Client(gql.account, anonymous=True)
    refused = (await public.data(BOOK, input=booking(gql.account)))["bookingCreate"]
    assert refused["appointment"] is None
    assert refused["userErrors"] == [{"field": None, "message": "Please call us to book.",
                                      "code": "BLOCKED"}]
    assert await _count("appointment", gql.account) == before
    log = await gql.data("{ blockedBookingAttempts { totalCount edges { node { email } } } }")
    assert log["blockedBookingAttempts"]["totalCount"] == 1
    assert log["blockedBookingAttempts"]["edges"][0]["node"]["email"] == "bea@example.com"

    staff = (await gql.data(BOOK, input=booking(gql.account)))["bookingCreate"]
    assert staff["userErrors"] == [] and staff["appointment"] is not None
    assert staff["customerBlocked"] is True
    assert staff["customer"]["id"] == cid
    assert any("blocked" in w for w in staff["warnings"])

    profile = await gql.data("query($id: ID!) { customer(id: $id) { isBlocked "
                             "history(first: 1) { edges { node { action } } } } }", id=cid)
    assert profile["customer"]["isBlocked"] is True
    await gql.data("mutation($id: ID!) { customerUnblock(id: $id) { removedCount } }", id=cid)
    after = (await public.data(BOOK, input=booking(gql.account)))["bookingCreate"]
    assert after["userErrors"] == []


async def test_domain_name_phone_and_ip_rules(gql) -> None:
    for kind, value in (("DOMAIN", "@Spam.example"), ("NAME", "  EVIL   Eve "),
                        ("PHONE", "079 111 11 11"), ("IP", "10.9.0.0/16")):
        data = await gql.data("mutation($k: BlockKind!, $v: String!) { blockRuleCreate(kind: $k,"
                              " value: $v) { blockRules { value } userErrors { code } } }",
                              k=kind, v=value)
        assert data["blockRuleCreate"]["userErrors"] == [], kind
    rules = {r["value"] for r in (await gql.data("{ blockRules { value } }"))["blockRules"]}
    assert rules == {"spam.example", "evil eve", "+41791111111", "10.9.0.0/16"}
    public = Client(gql.account, anonymous=True)
    for overrides in ({"email": "x@spam.example"}, {"firstName": "Evil", "lastName": "Eve"},
                      {"email": None, "phone": "+41791111111"}):
        refused = (await public.data(BOOK, input=booking(gql.account, **overrides)))
        assert refused["bookingCreate"]["userErrors"][0]["code"] == "BLOCKED", overrides
    bad = await gql.data('mutation { blockRuleCreate(kind: IP, value: "not-an-ip") '
                         "{ userErrors { field code } } }")
    assert bad["blockRuleCreate"]["userErrors"] == [{"field": "value", "code": "INVALID"}]


async def test_ip_rule_and_rate_limit_through_http(account) -> None:
    settings = dataclasses.replace(Settings.from_env(), booking_rate_per_minute=2)
    app = create_app(settings)
    app.state.account = account
    transport = httpx.ASGITransport(app=app, client=("10.9.8.7", 5555))
    from clientele.blocking.services import BlockKind, create_rule
    from tests.conftest import actor_of

    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        ok = await client.post("/graphql", json={"query": BOOK, "variables": {
            "input": booking(account)}})
        assert ok.json()["data"]["bookingCreate"]["userErrors"] == []
        await create_rule(actor_of(account), BlockKind.IP, "10.9.0.0/16", "bots")
        refused = await client.post("/graphql", json={"query": BOOK, "variables": {
            "input": booking(account, email="new@example.com")}})
        assert refused.json()["data"]["bookingCreate"]["userErrors"][0]["code"] == "BLOCKED"
        limited = await client.post("/graphql", json={"query": BOOK, "variables": {
            "input": booking(account)}})
        assert limited.status_code == 429 and limited.headers["retry-after"]
        assert limited.json()["data"]["bookingCreate"]["userErrors"][0]["code"] == \
            "RATE_LIMITED"


async def test_bad_booking_input(gql) -> None:
    public = Client(gql.account, anonymous=True)
    cases = [
        (booking(gql.account, accountSlug="nope"), "accountSlug", "NOT_FOUND"),
        (booking(gql.account, email=None), "email", "REQUIRED"),
        (booking(gql.account, email="bad"), "email", "INVALID_EMAIL"),
        (booking(gql.account, phone="12"), "phone", "INVALID_PHONE"),
        (booking(gql.account, endsAt="2030-05-01T08:00:00+02:00"), "endsAt", "INVALID"),
    ]
    for payload, field, code in cases:
        errors = (await public.data(BOOK, input=payload))["bookingCreate"]["userErrors"]
        assert (errors[0]["field"], errors[0]["code"]) == (field, code), payload
    assert await _count("appointment", gql.account) == 0
    assert await _count("customer", gql.account) == 0
