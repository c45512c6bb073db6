"""Custom field definitions: create, validate, change, archive; values are never lost."""

from tests.api.helpers import create_customer

CREATE = """mutation($input: CustomFieldDefinitionCreateInput!) {
  customFieldDefinitionCreate(input: $input) {
    customFieldDefinition { id key type options archived } userErrors { field code message } } }"""
UPDATE = """mutation($id: ID!, $input: CustomFieldDefinitionUpdateInput!) {
  customFieldDefinitionUpdate(id: $id, input: $input) {
    customFieldDefinition { label options archived } userErrors { field code message } } }"""
DELETE = """mutation($id: ID!) { customFieldDefinitionDelete(id: $id) {
  archivedInstead userErrors { code } } }"""


async def _define(gql, **input) -> dict:
    return (await gql.data(CREATE, input=input))["customFieldDefinitionCreate"]


async def test_bad_definitions_are_refused(gql) -> None:
    cases = [({"key": "Bad Key", "label": "x", "type": "TEXT"}, "key"),
             ({"key": "ok", "label": "", "type": "TEXT"}, "label"),
             ({"key": "tier", "label": "Tier", "type": "DROPDOWN", "options": []}, "options"),
             ({"key": "tier", "label": "Tier", "type": "DROPDOWN", "options": ["a", "a"]},
              "options")]
    for input, field in cases:
        payload = await _define(gql, **input)
        assert [e["field"] for e in payload["userErrors"]] == [field], input
    ok = await _define(gql, key="size", label="Shoe size", type="NUMBER")
    assert ok["userErrors"] == []
    again = await _define(gql, key="size", label="Again", type="NUMBER")
    assert again["userErrors"][0]["code"] == "DUPLICATE"
    listed = await gql.data("{ customFieldDefinitions { key } }")
    assert listed["customFieldDefinitions"] == [{"key": "size"}]


async def test_values_in_use_are_never_lost(gql) -> None:
    tier = (await _define(gql, key="tier", label="Tier", type="DROPDOWN",
                          options=["gold", "silver"]))["customFieldDefinition"]
    cid = await create_customer(gql, firstName="Vip",
                                customFields=[{"key": "tier", "value": "gold"}])
    refused = (await gql.data(UPDATE, id=tier["id"], input={"options": ["silver"]}))[
        "customFieldDefinitionUpdate"]
    assert refused["userErrors"][0]["field"] == "options" and "gold" in refused[
        "userErrors"][0]["message"]
    widened = (await gql.data(UPDATE, id=tier["id"], input={"options": ["gold", "silver",
                                                                        "bronze"]}))
    assert widened["customFieldDefinitionUpdate"]["customFieldDefinition"]["options"] == [
        "gold", "silver", "bronze"]
    deleted = (await gql.data(DELETE, id=tier["id"]))["customFieldDefinitionDelete"]
    assert deleted == {"archivedInstead": True, "userErrors": []}
    profile = await gql.data("query($id: ID!) { customer(id: $id) { customFields { key value "
                             "archived } } }", id=cid)
    assert profile["customer"]["customFields"] == [{"key": "tier", "value": "gold",
                                                    "archived": True}]
    unused = (await _define(gql, key="unused", label="Unused", type="CHECKBOX"))[
        "customFieldDefinition"]
    gone = (await gql.data(DELETE, id=unused["id"]))["customFieldDefinitionDelete"]
    assert gone == {"archivedInstead": False, "userErrors": []}
