import { graphql } from "../../../gql";

export const RoleUpdateMutation = graphql(`
  mutation RoleUpdate($id: ID!, $name: String, $permissions: [Permission!]) {
    roleUpdate(id: $id, name: $name, permissions: $permissions) {
      role {
        ...RoleFields
      }
      userErrors {
        ...AccountErrorFields
      }
    }
  }
`);
