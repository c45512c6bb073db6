import { graphql } from "../../../gql";

export const ApiTokenRevokeMutation = graphql(`
  mutation ApiTokenRevoke($id: ID!) {
    apiTokenRevoke(id: $id) {
      apiToken {
        ...ApiTokenFields
      }
      userErrors {
        ...AccountErrorFields
      }
    }
  }
`);
