"""Text custom field filters ignore case and accents: `equals`, `in` and the substring operator
`contains`, whose text is taken literally (no LIKE wildcards); the saved (JSON) form reads
`contains` too, and old saved filters still read."""

from __future__ import annotations

import json

import pytest

from clientele.customers import filter_json, listing
from clientele.customers.custom_fields import MAX_TEXT_VALUE, create_definition, definitions
from clientele.customers.enums import CustomFieldType
from clientele.customers.filters import CustomFieldCondition, InvalidFilter, validate
from tests.api.helpers import create_customer

LIST = """query($filter: CustomerFilter) {
  customers(filter: $filter, first: 50) { totalCount edges { node { lastName } } }
}"""

CITIES = {
    "Zuerich1": "Zürich",
    "Zuerich2": "ZÜRICH",
    "Zuerich3": "zurich Nord",
    "Street": "Hauptstraße 5",
    "Geneva": "Genève",
    "Percent": "50% Rabatt",
    "Under": "a_b",
    "Backslash": "back\\slash",
    "Basel": "Basel",
}


async def _people(gql) -> None:
    account = gql.account.id
    await create_definition(account, "city", "City", CustomFieldType.TEXT)
    await create_definition(account, "tier", "Tier", CustomFieldType.DROPDOWN,
                            ["Gold", "Silver"])
    for last, city in CITIES.items():
        await create_customer(gql, firstName="X", lastName=last,
                              customFields=[{"key": "city", "value": city}])
    await create_customer(gql, firstName="X", lastName="Gold",
                          customFields=[{"key": "tier", "value": "Gold"}])
    await create_customer(gql, firstName="X", lastName="Nobody")


async def _names(gql, condition: dict) -> list[str]:
    page = (await gql.data(LIST, filter={"customFields": [condition]}))["customers"]
    names = [e["node"]["lastName"] for e in page["edges"]]
    assert page["totalCount"] == len(names)
    return sorted(names)


@pytest.mark.parametrize(("condition", "expected"), [
    ({"equals": "zurich"}, ["Zuerich1", "Zuerich2"]),
    ({"equals": "ZURICH"}, ["Zuerich1", "Zuerich2"]),
    ({"equals": "Zürich"}, ["Zuerich1", "Zuerich2"]),
    ({"equals": "zürich nord"}, ["Zuerich3"]),
    ({"equals": "HAUPTSTRASSE 5"}, ["Street"]),
    ({"equals": "zur"}, []),
    ({"in": ["GENEVE", "basel"]}, ["Basel", "Geneva"]),
    ({"contains": "rich"}, ["Zuerich1", "Zuerich2", "Zuerich3"]),
    ({"contains": "ÜRI"}, ["Zuerich1", "Zuerich2", "Zuerich3"]),
    ({"contains": "strasse"}, ["Street"]),
    ({"contains": "straße"}, ["Street"]),
    ({"contains": "nèv"}, ["Geneva"]),
    # LIKE's metacharacters are plain characters
    ({"contains": "%"}, ["Percent"]),
    ({"contains": "_"}, ["Under"]),
    ({"contains": "\\"}, ["Backslash"]),
    ({"contains": "a%b"}, []),
    ({"contains": "a_b"}, ["Under"]),
    ({"contains": "k\\s"}, ["Backslash"]),
])
async def test_text_filters_ignore_case_and_accents(gql, condition, expected) -> None:
    await _people(gql)
    assert await _names(gql, {"key": "city", **condition}) == expected


async def test_contains_written_in_the_query_document(gql) -> None:
    await _people(gql)
    data = await gql.data("""{ customers(filter: {customFields: [{key: "city",
        contains: "ZÜR"}]}) { totalCount } }""")
    assert data["customers"]["totalCount"] == 3


async def test_dropdowns_take_their_options(gql) -> None:
    await _people(gql)
    assert await _names(gql, {"key": "tier", "equals": "Gold"}) == ["Gold"]
    assert await _names(gql, {"key": "tier", "in": ["Gold", "Silver"]}) == ["Gold"]


@pytest.mark.parametrize(("condition", "message"), [
    ({"key": "tier", "contains": "Go"}, "contains does not apply"),
    ({"key": "city", "contains": ""}, "contains needs some text"),
    ({"key": "city", "contains": "x" * (MAX_TEXT_VALUE + 1)},
     f"contains is at most {MAX_TEXT_VALUE} characters"),
    ({"key": "city", "equals": "x" * (MAX_TEXT_VALUE + 1)},
     f"equals is at most {MAX_TEXT_VALUE} characters"),
    ({"key": "city", "equals": "a", "contains": "a"}, "give contains or equals, not both"),
    ({"key": "city", "equals": "a", "in": ["a"], "contains": "a"}, "not several"),
])
async def test_bad_text_filters_are_refused(gql, condition, message) -> None:
    await _people(gql)
    result = await gql.execute(LIST, filter={"customFields": [condition]})
    assert result.data is None
    assert result.errors[0].extensions["code"] == "INVALID_FILTER"
    assert message in result.errors[0].message


async def test_the_saved_form_reads_contains_and_old_filters(gql) -> None:
    await _people(gql)
    saved = json.dumps({"customFields": [{"key": "city", "contains": "ZÜR"}]})
    filt, _ = filter_json.parse(saved)
    assert filt.custom_fields == (CustomFieldCondition(key="city", contains="ZÜR"),)
    validate(filt, await definitions(gql.account.id))
    page = await listing.list_customers(gql.account.id, 50, None,
                                        listing.CustomerOrderField.NAME,
                                        listing.SortDirection.ASC, filt, None)
    assert sorted(r["last_name"] for r in page.rows) == ["Zuerich1", "Zuerich2", "Zuerich3"]

    old, _ = filter_json.parse('{"customFields": [{"key": "city", "equals": "Basel"}, '
                               '{"key": "tier", "in": ["Gold"]}]}')
    assert old.custom_fields == (CustomFieldCondition(key="city", equals="Basel"),
                                 CustomFieldCondition(key="tier", any_of=("Gold",)))
    for bad in ({"key": "city", "contains": 5},
                {"key": "city", "contains": "x" * (filter_json.MAX_TEXT + 1)},
                {"key": "city", "contains": "\x00"}):
        with pytest.raises(InvalidFilter):
            filter_json.parse(json.dumps({"customFields": [bad]}))


async def test_the_saved_form_knows_every_graphql_operator(gql) -> None:
    data = await gql.data('{ __type(name: "CustomFieldFilter") { inputFields { name } } }')
    names = {f["name"] for f in data["__type"]["inputFields"]}
    assert "contains" in names
    for name in names - {"key"}:
        value = {"in": ["x"], "checked": True, "numberMin": 1, "numberMax": 1,
                 "dateFrom": "2020-01-01", "dateTo": "2020-01-01"}.get(name, "x")
        filt, _ = filter_json.parse(json.dumps({"customFields": [{"key": "k", name: value}]}))
        assert filt.custom_fields[0].operators() == {name}
