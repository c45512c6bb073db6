import { graphql } from "../../../gql";

export const CustomerMergeErrorFields = graphql(`
  fragment CustomerMergeErrorFields on CustomerMergeError {
    field
    message
    code
  }
`);
