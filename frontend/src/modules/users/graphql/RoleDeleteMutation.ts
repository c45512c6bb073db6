import { graphql } from "../../../gql";

export const RoleDeleteMutation = graphql(`
  mutation RoleDelete($id: ID!) {
    roleDelete(id: $id) {
      role {
        id
      }
      userErrors {
        ...AccountErrorFields
      }
    }
  }
`);
