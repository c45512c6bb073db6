import { graphql } from "../../../gql";

/** The last runs of one source, newest first. */
export const SyncRunsQuery = graphql(`
  query SyncRuns($sourceId: ID!, $first: Int!) {
    syncRuns(sourceId: $sourceId, first: $first) {
      totalCount
      edges {
        node {
          ...SyncRunFields
        }
      }
    }
  }
`);
