import { graphql } from "../../../gql";

/** The Users & roles page: both lists in one request. */
export const UsersAndRolesQuery = graphql(`
  query UsersAndRoles {
    users {
      ...StaffUserFields
    }
    roles {
      ...RoleFields
    }
  }
`);
