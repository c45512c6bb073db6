import { graphql } from "../../../gql";

export const CustomerDeleteMutation = graphql(`
  mutation CustomerDelete($id: ID!, $keepHistory: Boolean!) {
    customerDelete(id: $id, keepHistory: $keepHistory) {
      deletedId
      userErrors {
        ...CustomerErrorFields
      }
    }
  }
`);
