import { graphql } from "../../../gql";

/** One sync run with its figures or its error. */
export const SyncRunFields = graphql(`
  fragment SyncRunFields on SyncRun {
    id
    sourceId
    startedAt
    finishedAt
    eventsSeen
    appointmentsCreated
    appointmentsUpdated
    appointmentsCancelled
    customersCreated
    customersMatched
    eventsOutside
    eventsIgnored
    windowStart
    windowEnd
    error
    errorDetail
  }
`);
