"""The customer list: index-ranked search with matches, full-text mode, every filter, the
sorts, keyset paging through them, and bad filters refused with INVALID_FILTER."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from clientele.core import db, ids
from clientele.customers.custom_fields import create_definition
from clientele.customers.enums import CustomFieldType
from clientele.customers.search.service import service
from tests.api.helpers import create_customer

LIST = """query($search: String, $mode: SearchMode! = IDENTITY, $filter: CustomerFilter,
               $order: CustomerOrderBy, $first: Int! = 20, $after: String) {
  customers(search: $search, searchMode: $mode, filter: $filter, orderBy: $order,
            first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id lastName lastAppointmentAt }
            match { field label value score highlight { start end } } }
  }
}"""

NOW = dt.datetime.now(dt.UTC)


async def _list(gql, **variables) -> dict:
    return (await gql.data(LIST, **variables))["customers"]


def _names(page: dict) -> list[str]:
    return [e["node"]["lastName"] for e in page["edges"]]


async def _all_pages(gql, first: int = 2, **variables) -> list[str]:
    names, after = [], None
    while True:
        page = await _list(gql, first=first, after=after, **variables)
        names += _names(page)
        if not page["pageInfo"]["hasNextPage"]:
            return names
        after = page["pageInfo"]["endCursor"]


async def _appointment(gql, customer: str, starts: dt.datetime, status: str = "SCHEDULED"):
    await db.fetch_records(
        """INSERT INTO appointment (id, account, customer, title, services, starts_at, ends_at,
               all_day, status, recurrence_id, sequence, created_at, updated_at)
           VALUES ($1, $2, $3, 'Visit', '{}', $4, $5, false, $6, '', 0, now(), now())""",
        uuid.uuid4(), gql.account.id, ids.decode_as(customer, "Customer"), starts,
        starts + dt.timedelta(hours=1), status)


async def test_search_ranks_typos_and_pages_by_relevance(gql, index) -> None:
    target = await create_customer(gql, firstName="Anna", lastName="Zwahlen",
                                   email="anna@zwahlen.ch")
    for last in ("Zwahlén", "Zwalen", "Zwahlberg", "Zahlen"):
        await create_customer(gql, firstName="Other", lastName=last)
    await create_customer(gql, firstName="Marco", lastName="Rossi")
    await index()

    page = await _list(gql, search="ana zwalhen")
    first = page["edges"][0]
    assert first["node"]["id"] == target
    assert first["match"]["field"] == "name" and first["match"]["value"] == "Anna Zwahlen"
    assert "Rossi" not in _names(page)
    scores = [e["match"]["score"] for e in page["edges"]]
    assert scores == sorted(scores, reverse=True)
    assert page["totalCount"] == len(page["edges"])
    # pages of two through the ranked list give the same customers, once each
    assert await _all_pages(gql, search="ana zwalhen") == _names(page)
    # another sort keeps the same matches
    by_name = await _list(gql, search="ana zwalhen", order={"field": "NAME"})
    assert sorted(_names(by_name)) == _names(by_name) and set(_names(by_name)) == set(
        _names(page))


async def test_search_answers_from_the_database_until_the_index_is_ready(gql) -> None:
    service.ready = False
    await create_customer(gql, firstName="Lea", lastName="Brandenberger")
    page = await _list(gql, search="brandenb")
    assert _names(page) == ["Brandenberger"]
    assert page["edges"][0]["match"] is None


async def test_full_text_searches_notes_address_and_custom_values(gql, index) -> None:
    await create_definition(gql.account.id, "pet", "Pet", CustomFieldType.TEXT)
    berger = await create_customer(gql, firstName="Paul", lastName="Berger")
    noted = await create_customer(gql, firstName="Nina", lastName="Keller",
                                  notes="Allergic to latex gloves; Berger recommended her")
    moved = await create_customer(gql, firstName="Otto", lastName="Frei",
                                  address={"street": "Bahnhofstrasse 7", "city": "Winterthur"})
    pet = await create_customer(gql, firstName="Ida", lastName="Graf",
                                customFields=[{"key": "pet", "value": "Dachshund"}])
    await index()

    assert (await _list(gql, search="latex"))["edges"] == []
    hit = (await _list(gql, search="latex", mode="FULL_TEXT"))["edges"][0]
    assert hit["node"]["id"] == noted and hit["match"]["field"] == "notes"
    span = hit["match"]["highlight"]
    assert hit["match"]["value"][span["start"]:span["end"]].lower() == "latex"
    town = (await _list(gql, search="winterthur", mode="FULL_TEXT"))["edges"][0]
    assert (town["node"]["id"], town["match"]["field"]) == (moved, "address")
    dog = (await _list(gql, search="dachshund", mode="FULL_TEXT"))["edges"][0]
    assert (dog["node"]["id"], dog["match"]) == (pet, dog["match"])
    assert dog["match"]["field"] == "customFields.pet" and dog["match"]["value"] == "Dachshund"
    assert dog["match"]["label"] == "Pet" and town["match"]["label"] == "Address"
    # a name match ranks above the same word in someone's notes
    both = await _list(gql, search="berger", mode="FULL_TEXT")
    assert [e["node"]["id"] for e in both["edges"][:2]] == [berger, noted]


async def test_filters_status_source_created_and_archived(gql) -> None:
    await create_customer(gql, firstName="Al", lastName="Allowed")
    await create_customer(gql, firstName="Bo", lastName="Blocked", communicationStatus="BLOCKED")
    cutoff = (await db.fetch_records("SELECT now() AS t"))[0]["t"]
    await create_customer(gql, firstName="Cy", lastName="Later")
    assert _names(await _list(gql, filter={"communicationStatus": "BLOCKED"})) == ["Blocked"]
    assert _names(await _list(gql, filter={"createdAfter": cutoff.isoformat()})) == ["Later"]
    assert _names(await _list(gql, filter={"createdBefore": cutoff.isoformat()})) == [
        "Allowed", "Blocked"]
    assert _names(await _list(gql, filter={"source": "MANUAL", "archived": None})) == [
        "Allowed", "Blocked", "Later"]
    assert _names(await _list(gql, filter={"archived": True})) == []


async def test_filter_blocked_follows_block_rules(gql) -> None:
    spam = await create_customer(gql, firstName="Sam", lastName="Spammer",
                                 email="sam@spam.example")
    await create_customer(gql, firstName="Nice", lastName="Person", email="nice@example.com")
    done = await gql.data('mutation($id: ID!) { customerBlock(id: $id, reason: "no-shows") '
                          '{ userErrors { code } } }', id=spam)
    assert done["customerBlock"]["userErrors"] == []
    assert _names(await _list(gql, filter={"blocked": True})) == ["Spammer"]
    assert _names(await _list(gql, filter={"blocked": False})) == ["Person"]


async def test_appointment_filters_and_last_appointment_sort(gql) -> None:
    recent = await create_customer(gql, firstName="R", lastName="Recent")
    old = await create_customer(gql, firstName="O", lastName="Old")
    coming = await create_customer(gql, firstName="C", lastName="Coming")
    await create_customer(gql, firstName="N", lastName="Never")
    await _appointment(gql, recent, NOW - dt.timedelta(days=3))
    await _appointment(gql, recent, NOW - dt.timedelta(days=1), status="CANCELLED")
    await _appointment(gql, old, NOW - dt.timedelta(days=400))
    await _appointment(gql, coming, NOW - dt.timedelta(days=30))
    await _appointment(gql, coming, NOW + dt.timedelta(days=5))
    await _appointment(gql, old, NOW + dt.timedelta(days=9), status="CANCELLED")

    assert _names(await _list(gql, filter={"hasUpcomingAppointment": True})) == ["Coming"]
    assert _names(await _list(gql, filter={"hasUpcomingAppointment": False})) == [
        "Never", "Old", "Recent"]
    year_ago = (NOW - dt.timedelta(days=365)).isoformat()
    assert _names(await _list(gql, filter={"lastAppointmentBefore": year_ago})) == ["Old"]
    week_ago = (NOW - dt.timedelta(days=7)).isoformat()
    assert _names(await _list(gql, filter={"lastAppointmentAfter": week_ago})) == ["Recent"]

    newest_first = {"field": "LAST_APPOINTMENT", "direction": "DESC"}
    page = await _list(gql, order=newest_first)
    assert _names(page) == ["Recent", "Coming", "Old", "Never"]
    started = dt.datetime.fromisoformat(page["edges"][0]["node"]["lastAppointmentAt"])
    assert abs(started - (NOW - dt.timedelta(days=3))) < dt.timedelta(seconds=1)
    assert page["edges"][3]["node"]["lastAppointmentAt"] is None
    assert await _all_pages(gql, first=1, order=newest_first) == _names(page)
    assert await _all_pages(gql, first=3, order={"field": "LAST_APPOINTMENT"}) == [
        "Never", "Old", "Coming", "Recent"]


async def _custom_fields(gql) -> dict[str, str]:
    account = gql.account.id
    await create_definition(account, "tier", "Tier", CustomFieldType.DROPDOWN,
                            ["gold", "silver", "bronze"])
    await create_definition(account, "visits", "Visits", CustomFieldType.NUMBER)
    await create_definition(account, "since", "Since", CustomFieldType.DATE)
    await create_definition(account, "vip", "VIP", CustomFieldType.CHECKBOX)
    await create_definition(account, "referrer", "Referrer", CustomFieldType.TEXT)
    people = {
        "Gold": [("tier", "gold"), ("visits", 12), ("since", "2019-05-01"), ("vip", True),
                 ("referrer", "Dr. Hasler")],
        "Silver": [("tier", "silver"), ("visits", 3.5), ("since", "2024-01-15"),
                   ("vip", False)],
        "Plain": [],
    }
    return {last: await create_customer(
        gql, firstName="X", lastName=last,
        customFields=[{"key": k, "value": v} for k, v in values]) for last, values in
        people.items()}


@pytest.mark.parametrize(("condition", "expected"), [
    ({"key": "tier", "equals": "gold"}, ["Gold"]),
    ({"key": "tier", "in": ["silver", "bronze"]}, ["Silver"]),
    ({"key": "visits", "numberMin": 3.5}, ["Gold", "Silver"]),
    ({"key": "visits", "numberMin": 4, "numberMax": 20}, ["Gold"]),
    ({"key": "since", "dateFrom": "2020-01-01"}, ["Silver"]),
    ({"key": "since", "dateFrom": "2019-05-01", "dateTo": "2019-05-01"}, ["Gold"]),
    ({"key": "vip", "checked": True}, ["Gold"]),
    ({"key": "vip", "checked": False}, ["Plain", "Silver"]),
    ({"key": "referrer", "equals": "Dr. Hasler"}, ["Gold"]),
])
async def test_custom_field_filters(gql, condition, expected) -> None:
    await _custom_fields(gql)
    page = await _list(gql, filter={"customFields": [condition]})
    assert _names(page) == expected
    assert page["totalCount"] == len(expected)


@pytest.mark.parametrize(("condition", "message"), [
    ({"key": "shoe", "equals": "42"}, "No custom field with the key 'shoe'"),
    ({"key": "tier", "equals": "platinum"}, "'platinum' is not one of its options"),
    ({"key": "tier", "in": ["gold", "plastic"]}, "'plastic' is not one of its options"),
    ({"key": "visits", "equals": "12"}, "equals does not apply"),
    ({"key": "since", "numberMin": 1}, "numberMin does not apply"),
    ({"key": "vip"}, "give one of checked"),
    ({"key": "visits", "numberMin": 9, "numberMax": 1}, "is after"),
    ({"key": "tier", "equals": "gold", "in": ["gold"]}, "not both"),
])
async def test_bad_custom_field_filters_are_refused(gql, condition, message) -> None:
    await _custom_fields(gql)
    result = await gql.execute(LIST, filter={"customFields": [condition]})
    assert result.data is None
    assert result.errors[0].extensions["code"] == "INVALID_FILTER"
    assert message in result.errors[0].message


async def test_bad_scalar_values_in_filters_are_graphql_errors(gql) -> None:
    await _custom_fields(gql)
    for filt in ({"customFields": [{"key": "since", "dateFrom": "tomorrow-ish"}]},
                 {"createdAfter": "last tuesday"},
                 {"createdAfter": NOW.isoformat(),
                  "createdBefore": (NOW - dt.timedelta(days=1)).isoformat()}):
        result = await gql.execute(LIST, filter=filt)
        assert result.errors and result.data is None, filt


async def test_search_combines_with_filters(gql, index) -> None:
    ids_ = await _custom_fields(gql)
    await index()
    page = await _list(gql, search="hasler", mode="FULL_TEXT",
                       filter={"customFields": [{"key": "vip", "checked": True}]})
    assert [e["node"]["id"] for e in page["edges"]] == [ids_["Gold"]]
    assert page["edges"][0]["match"]["field"] == "customFields.referrer"
    assert page["totalCount"] == 1


async def test_last_appointment_follows_writes_and_time(gql) -> None:
    """Triggers keep lastAppointmentAt right on every appointment write; starts that pass are
    rolled forward by appointments.last_seen."""
    from clientele.appointments.last_seen import roll_forward

    who = await create_customer(gql, firstName="T", lastName="Timely")

    async def last() -> str | None:
        page = await _list(gql, filter={"lastAppointmentAfter": "2000-01-01T00:00:00Z"})
        return next((e["node"]["lastAppointmentAt"] for e in page["edges"]
                     if e["node"]["id"] == who), None)

    await roll_forward()  # nothing of this customer yet
    soon = NOW + dt.timedelta(hours=2)
    await _appointment(gql, who, soon)
    assert await last() is None  # not begun
    assert await roll_forward(until=NOW + dt.timedelta(hours=3)) >= 1  # as if 3 hours passed
    assert dt.datetime.fromisoformat(await last()) == soon.replace(microsecond=soon.microsecond)
    await db.fetch_records("UPDATE appointment SET status = 'CANCELLED' WHERE customer = $1",
                           ids.decode_as(who, "Customer"))
    assert await last() is None  # cancelled: the trigger recomputed it
    await db.fetch_records("UPDATE appointment_rollover SET last_run = now()")  # as it was
