import { graphql } from "../../../gql";

/** Something to confirm before a customer is saved (a phone another customer has). */
export const CustomerWarningFields = graphql(`
  fragment CustomerWarningFields on CustomerWarning {
    code
    field
    message
    customer {
      id
      displayName
    }
  }
`);
