import { graphql } from "../../../gql";

export const BlockRulesQuery = graphql(`
  query BlockRules {
    blockRules {
      ...BlockRuleFields
    }
  }
`);
