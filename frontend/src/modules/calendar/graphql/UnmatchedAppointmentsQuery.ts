import { graphql } from "../../../gql";

export const UnmatchedAppointmentsQuery = graphql(`
  query UnmatchedAppointments($first: Int!) {
    unmatchedAppointments(first: $first) {
      totalCount
      edges {
        node {
          ...AppointmentFields
        }
      }
    }
  }
`);
