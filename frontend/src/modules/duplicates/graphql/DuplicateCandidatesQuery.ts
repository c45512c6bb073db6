import { graphql } from "../../../gql";

/** A page of duplicate candidate groups, best score first. */
export const DuplicateCandidatesQuery = graphql(`
  query DuplicateCandidates($first: Int!, $after: String) {
    duplicateCandidates(first: $first, after: $after) {
      totalCount
      refreshedAt
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          score
          reasons
          customers {
            ...DuplicateCustomerFields
          }
        }
      }
    }
  }
`);
