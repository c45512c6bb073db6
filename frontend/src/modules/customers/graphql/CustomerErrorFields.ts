import { graphql } from "../../../gql";

/** A refused input, as every customer mutation reports it. */
export const CustomerErrorFields = graphql(`
  fragment CustomerErrorFields on CustomerError {
    field
    message
    code
    existingCustomerId
  }
`);
