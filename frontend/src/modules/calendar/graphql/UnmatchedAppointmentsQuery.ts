import { graphql } from "../../../gql";

/** One page of the standing synced appointments without a customer, newest first (keyset: `after`). */
export const UnmatchedAppointmentsQuery = graphql(`
  query UnmatchedAppointments($first: Int!, $after: String) {
    unmatchedAppointments(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...AppointmentFields
        }
      }
    }
  }
`);
