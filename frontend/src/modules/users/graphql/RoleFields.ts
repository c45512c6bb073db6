import { graphql } from "../../../gql";

export const RoleFields = graphql(`
  fragment RoleFields on Role {
    id
    name
    permissions
    builtin
  }
`);
