import { graphql } from "../../../gql";

export const CustomerUpdateMutation = graphql(`
  mutation CustomerUpdate($id: ID!, $input: CustomerUpdateInput!) {
    customerUpdate(id: $id, input: $input) {
      customer {
        ...CustomerDetailsFields
        ...CustomerListItemFields
      }
      userErrors {
        ...CustomerErrorFields
      }
    }
  }
`);
