import { graphql } from "../../../gql";

export const UserCreateMutation = graphql(`
  mutation UserCreate($input: UserCreateInput!) {
    userCreate(input: $input) {
      user {
        ...StaffUserFields
      }
      userErrors {
        ...AccountErrorFields
      }
    }
  }
`);
