import { graphql } from "../../../gql";

/** What an appointment row and its expanded details show. */
export const AppointmentFields = graphql(`
  fragment AppointmentFields on Appointment {
    id
    title
    services
    startsAt
    endsAt
    allDay
    location
    status
    notes
    cancellationReason
    source
    readOnlyReason
  }
`);
