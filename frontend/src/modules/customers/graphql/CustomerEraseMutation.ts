import { graphql } from "../../../gql";

export const CustomerEraseMutation = graphql(`
  mutation CustomerErase($id: ID!, $force: Boolean) {
    customerErase(id: $id, force: $force) {
      erased
      userErrors {
        ...CustomerErrorFields
      }
    }
  }
`);
