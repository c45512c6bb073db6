"""Shared GraphQL documents for the API tests."""

CREATE = """
mutation($input: CustomerCreateInput!) {
  customerCreate(input: $input) { customer { id } userErrors { field code } }
}
"""


async def create_customer(gql, **input) -> str:
    data = await gql.data(CREATE, input=input)
    assert data["customerCreate"]["userErrors"] == [], data
    return data["customerCreate"]["customer"]["id"]
