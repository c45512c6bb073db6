import { graphql } from "../../../gql";

/** One job: opening /customers/import?job=… again, and the fallback poll while it runs. */
export const ImportJobQuery = graphql(`
  query ImportJob($id: ID!) {
    importJob(id: $id) {
      ...ImportJobFields
    }
  }
`);
