import { graphql } from "../../../gql";

export const CustomerUpdateMutation = graphql(`
  mutation CustomerUpdate($id: ID!, $input: CustomerUpdateInput!, $allowSharedPhone: Boolean! = false) {
    customerUpdate(id: $id, input: $input, allowSharedPhone: $allowSharedPhone) {
      customer {
        ...CustomerDetailsFields
        ...CustomerListItemFields
      }
      userErrors {
        ...CustomerErrorFields
      }
      warnings {
        ...CustomerWarningFields
      }
    }
  }
`);
