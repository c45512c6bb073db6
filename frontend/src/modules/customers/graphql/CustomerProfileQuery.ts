import { graphql } from "../../../gql";

/**
 * The whole profile in one round trip: details, figures, blocking, history, and the first page of
 * upcoming (soonest first) and of past (newest first) appointments with their messages.
 */
export const CustomerProfileQuery = graphql(`
  query CustomerProfile($id: ID!) {
    customer(id: $id) {
      ...CustomerDetailsFields
      nameFromEmail
      ...CustomerFiguresFields
      ...CustomerBlockingFields
      ...CustomerHistoryFields
      appointments(first: 0) {
        totalCount
      }
      upcomingAppointments: appointments(first: 50, when: UPCOMING, direction: ASC) {
        ...AppointmentPageFields
      }
      pastAppointments: appointments(first: 50, when: PAST, direction: DESC) {
        ...AppointmentPageFields
      }
    }
  }
`);
