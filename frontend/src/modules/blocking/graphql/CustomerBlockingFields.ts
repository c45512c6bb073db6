import { graphql } from "../../../gql";

/** Whether a customer may book online, and the rules that say no. */
export const CustomerBlockingFields = graphql(`
  fragment CustomerBlockingFields on Customer {
    id
    isBlocked
    blockRules {
      ...BlockRuleFields
    }
  }
`);
