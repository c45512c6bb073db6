import { graphql } from "../../../gql";

/** One API token as its owner sees it (the secret is never sent again). */
export const ApiTokenFields = graphql(`
  fragment ApiTokenFields on ApiToken {
    id
    name
    prefix
    permissions
    createdAt
    lastUsedAt
    revokedAt
  }
`);
