import { graphql } from "../../../gql";

/** The "Today & upcoming" dashboard: appointments from `from` on, in time order. */
export const UpcomingAppointmentsQuery = graphql(`
  query UpcomingAppointments($from: DateTime!, $first: Int!) {
    upcomingAppointments(from: $from, first: $first) {
      totalCount
      pageInfo {
        hasNextPage
      }
      edges {
        node {
          ...DashboardAppointmentFields
        }
      }
    }
  }
`);
