import { graphql } from "../../../gql";

/** A calendar source as the Calendars page lists it. */
export const CalendarSourceFields = graphql(`
  fragment CalendarSourceFields on CalendarSource {
    id
    name
    kind
    url
    pollMinutes
    windowPastDays
    windowFutureDays
    ownDomains
    allDates
    cancelMissing
    lastSyncedAt
    createdAt
  }
`);
