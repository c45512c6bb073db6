import { graphql } from "../../../gql";

export const UserUpdateMutation = graphql(`
  mutation UserUpdate($id: ID!, $input: UserUpdateInput!) {
    userUpdate(id: $id, input: $input) {
      user {
        ...StaffUserFields
      }
      userErrors {
        ...AccountErrorFields
      }
    }
  }
`);
