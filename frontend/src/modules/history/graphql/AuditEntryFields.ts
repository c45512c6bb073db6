import { graphql } from "../../../gql";

export const AuditEntryFields = graphql(`
  fragment AuditEntryFields on AuditEntry {
    id
    at
    actorName
    action
    changes {
      field
      from
      to
    }
  }
`);
