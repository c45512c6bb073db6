import { graphql } from "../../../gql";

export const BlockRuleDeleteMutation = graphql(`
  mutation BlockRuleDelete($id: ID!) {
    blockRuleDelete(id: $id) {
      removedCount
      userErrors {
        ...BlockErrorFields
      }
    }
  }
`);
