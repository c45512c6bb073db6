import { graphql } from "../../../gql";

export const CalendarIgnoreRuleDeleteMutation = graphql(`
  mutation CalendarIgnoreRuleDelete($id: ID!) {
    calendarIgnoreRuleDelete(id: $id) {
      userErrors {
        ...CalendarErrorFields
      }
    }
  }
`);
