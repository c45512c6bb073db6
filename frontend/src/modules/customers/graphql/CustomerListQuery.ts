import { graphql } from "../../../gql";

/** One page of the customer list (keyset: pass `pageInfo.endCursor` as `after`); with a search,
 * each edge says what matched and where. */
export const CustomerListQuery = graphql(`
  query CustomerList(
    $first: Int!
    $after: String
    $search: String
    $searchMode: SearchMode! = IDENTITY
    $orderBy: CustomerOrderBy
    $filter: CustomerFilter
  ) {
    customers(first: $first, after: $after, search: $search, searchMode: $searchMode, orderBy: $orderBy, filter: $filter) {
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
        match {
          score
          field
          label
          value
          highlight {
            start
            end
          }
        }
      }
    }
  }
`);
