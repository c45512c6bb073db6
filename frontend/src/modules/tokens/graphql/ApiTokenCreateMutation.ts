import { graphql } from "../../../gql";

export const ApiTokenCreateMutation = graphql(`
  mutation ApiTokenCreate($name: String!, $permissions: [Permission!]!) {
    apiTokenCreate(name: $name, permissions: $permissions) {
      apiToken {
        ...ApiTokenFields
      }
      token
      userErrors {
        ...AccountErrorFields
      }
    }
  }
`);
