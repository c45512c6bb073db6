import { graphql } from "../../../gql";

export const CalendarSourcesQuery = graphql(`
  query CalendarSources {
    calendarSources {
      ...CalendarSourceFields
    }
  }
`);
