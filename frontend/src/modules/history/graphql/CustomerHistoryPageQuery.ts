import { graphql } from "../../../gql";

/** A further page of a customer's history, after the profile's first one. */
export const CustomerHistoryPageQuery = graphql(`
  query CustomerHistoryPage($id: ID!, $after: String) {
    customer(id: $id) {
      id
      history(first: 20, after: $after) {
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
  }
`);
