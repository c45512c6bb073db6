import { graphql } from "../../../gql";

export const CalendarSourceCreateMutation = graphql(`
  mutation CalendarSourceCreate($input: CalendarSourceInput!) {
    calendarSourceCreate(input: $input) {
      calendarSource {
        ...CalendarSourceFields
      }
      userErrors {
        ...CalendarErrorFields
      }
    }
  }
`);
