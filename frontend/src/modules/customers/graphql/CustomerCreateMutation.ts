import { graphql } from "../../../gql";

export const CustomerCreateMutation = graphql(`
  mutation CustomerCreate($input: CustomerCreateInput!, $allowSharedPhone: Boolean! = false) {
    customerCreate(input: $input, allowSharedPhone: $allowSharedPhone) {
      customer {
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
