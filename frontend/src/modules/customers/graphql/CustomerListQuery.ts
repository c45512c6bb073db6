import { graphql } from "../../../gql";

/** One page of the customer list (keyset: pass `pageInfo.endCursor` as `after`). */
export const CustomerListQuery = graphql(`
  query CustomerList(
    $first: Int!
    $after: String
    $orderBy: CustomerOrderBy
    $filter: CustomerFilter
  ) {
    customers(first: $first, after: $after, orderBy: $orderBy, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ...CustomerListItemFields
        }
      }
    }
  }
`);
