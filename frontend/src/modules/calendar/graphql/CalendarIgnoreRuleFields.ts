import { graphql } from "../../../gql";

/** A rule: events that name no customer and whose title contains the text are not appointments. */
export const CalendarIgnoreRuleFields = graphql(`
  fragment CalendarIgnoreRuleFields on CalendarIgnoreRule {
    id
    titleContains
    createdAt
  }
`);
