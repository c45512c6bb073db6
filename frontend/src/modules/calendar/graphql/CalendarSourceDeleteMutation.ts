import { graphql } from "../../../gql";

export const CalendarSourceDeleteMutation = graphql(`
  mutation CalendarSourceDelete($id: ID!) {
    calendarSourceDelete(id: $id) {
      userErrors {
        ...CalendarErrorFields
      }
    }
  }
`);
