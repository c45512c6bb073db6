import { graphql } from "../../../gql";

export const CustomerMergeMutation = graphql(`
  mutation CustomerMerge($keepId: ID!, $mergeId: ID!, $fieldChoices: [CustomerMergeFieldChoice!]) {
    customerMerge(keepId: $keepId, mergeId: $mergeId, fieldChoices: $fieldChoices) {
      customer {
        id
        displayName
      }
      merge {
        id
        unmergeUntil
      }
      userErrors {
        ...CustomerMergeErrorFields
      }
    }
  }
`);
