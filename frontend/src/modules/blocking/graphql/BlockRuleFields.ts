import { graphql } from "../../../gql";

export const BlockRuleFields = graphql(`
  fragment BlockRuleFields on BlockRule {
    id
    kind
    value
    reason
    authorName
    createdAt
  }
`);
