import { graphql } from "../../../gql";

/** The first page of a customer's history (newest first), as the profile shows it. */
export const CustomerHistoryFields = graphql(`
  fragment CustomerHistoryFields on Customer {
    id
    history(first: 20) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...AuditEntryFields
        }
      }
    }
  }
`);
