import { graphql } from "../../../gql";

export const BlockRuleCreateMutation = graphql(`
  mutation BlockRuleCreate($kind: BlockKind!, $value: String!, $reason: String!) {
    blockRuleCreate(kind: $kind, value: $value, reason: $reason) {
      blockRules {
        ...BlockRuleFields
      }
      userErrors {
        ...BlockErrorFields
      }
    }
  }
`);
