import { graphql } from "../../../gql";

export const StaffUserFields = graphql(`
  fragment StaffUserFields on StaffUser {
    id
    email
    name
    role {
      id
      name
    }
    isActive
    createdAt
    lastLoginAt
  }
`);
