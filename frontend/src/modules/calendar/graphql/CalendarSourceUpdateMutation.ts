import { graphql } from "../../../gql";

export const CalendarSourceUpdateMutation = graphql(`
  mutation CalendarSourceUpdate($id: ID!, $input: CalendarSourceUpdateInput!) {
    calendarSourceUpdate(id: $id, input: $input) {
      calendarSource {
        ...CalendarSourceFields
      }
      userErrors {
        ...CalendarErrorFields
      }
    }
  }
`);
