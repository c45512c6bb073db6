import { graphql } from "../../../gql";

export const BlockedBookingAttemptsQuery = graphql(`
  query BlockedBookingAttempts($first: Int!, $after: String) {
    blockedBookingAttempts(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          email
          name
          phone
          ip
          ruleId
          createdAt
        }
      }
    }
  }
`);
