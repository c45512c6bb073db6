import { graphql } from "../../../gql";

export const CustomerUnblockMutation = graphql(`
  mutation CustomerUnblock($id: ID!) {
    customerUnblock(id: $id) {
      customer {
        ...CustomerBlockingFields
        ...CustomerHistoryFields
      }
      userErrors {
        ...BlockErrorFields
      }
    }
  }
`);
