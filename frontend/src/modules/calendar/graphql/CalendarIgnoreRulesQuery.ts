import { graphql } from "../../../gql";

export const CalendarIgnoreRulesQuery = graphql(`
  query CalendarIgnoreRules {
    calendarIgnoreRules {
      ...CalendarIgnoreRuleFields
    }
  }
`);
