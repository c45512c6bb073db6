import { graphql } from "../../../gql";

/** Make an ignore rule; `removedAppointments` says how many unmatched appointments it removed. */
export const CalendarIgnoreRuleCreateMutation = graphql(`
  mutation CalendarIgnoreRuleCreate($titleContains: String!) {
    calendarIgnoreRuleCreate(titleContains: $titleContains) {
      rule {
        ...CalendarIgnoreRuleFields
      }
      removedAppointments
      userErrors {
        ...CalendarErrorFields
      }
    }
  }
`);
