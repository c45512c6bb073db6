import { graphql } from "../../../gql";

export const CustomerUnmergeMutation = graphql(`
  mutation CustomerUnmerge($mergeId: ID!) {
    customerUnmerge(mergeId: $mergeId) {
      customer {
        id
        displayName
      }
      restoredCustomer {
        id
        displayName
      }
      merge {
        id
        unmergedAt
      }
      userErrors {
        ...CustomerMergeErrorFields
      }
    }
  }
`);
