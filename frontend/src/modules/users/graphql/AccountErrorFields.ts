import { graphql } from "../../../gql";

/** Why an account, user, role or token change failed. */
export const AccountErrorFields = graphql(`
  fragment AccountErrorFields on AccountError {
    field
    message
    code
  }
`);
