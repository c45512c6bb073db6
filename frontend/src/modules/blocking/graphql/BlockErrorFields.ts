import { graphql } from "../../../gql";

export const BlockErrorFields = graphql(`
  fragment BlockErrorFields on BlockError {
    field
    message
    code
  }
`);
