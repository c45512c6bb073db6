import { graphql } from "../../../gql";

export const CustomerCreateMutation = graphql(`
  mutation CustomerCreate($input: CustomerCreateInput!) {
    customerCreate(input: $input) {
      customer {
        ...CustomerListItemFields
      }
      userErrors {
        ...CustomerErrorFields
      }
    }
  }
`);
