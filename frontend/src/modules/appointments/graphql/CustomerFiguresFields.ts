import { graphql } from "../../../gql";

/** The profile's figures: visits, no-shows, cancellations, last visit, next appointment. */
export const CustomerFiguresFields = graphql(`
  fragment CustomerFiguresFields on Customer {
    visitCount
    noShowCount
    cancellationCount
    lastVisitAt
    nextAppointment {
      id
      startsAt
      endsAt
      allDay
      status
    }
  }
`);
