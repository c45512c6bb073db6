import { graphql } from "../../../gql";

export const RoleCreateMutation = graphql(`
  mutation RoleCreate($name: String!, $permissions: [Permission!]!) {
    roleCreate(name: $name, permissions: $permissions) {
      role {
        ...RoleFields
      }
      userErrors {
        ...AccountErrorFields
      }
    }
  }
`);
