import { graphql } from "../../../gql";

/** The fields that differ between two customers, with both values and the default choice. */
export const CustomerMergePreviewQuery = graphql(`
  query CustomerMergePreview($keepId: ID!, $mergeId: ID!) {
    customerMergePreview(keepId: $keepId, mergeId: $mergeId) {
      fields {
        field
        keepValue
        mergeValue
        default
      }
      notKept {
        field
        value
      }
    }
  }
`);
