import { graphql } from "../../../gql";

/** Returns the blocking state and the newest history, so the open profile updates in place. */
export const CustomerBlockMutation = graphql(`
  mutation CustomerBlock($id: ID!, $reason: String!) {
    customerBlock(id: $id, reason: $reason) {
      customer {
        ...CustomerBlockingFields
        ...CustomerHistoryFields
      }
      userErrors {
        ...BlockErrorFields
      }
    }
  }
`);
