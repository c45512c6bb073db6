import { graphql } from "../../../gql";

/** The account's archive and retention rules, and their recent runs. */
export const LifecycleSettingsQuery = graphql(`
  query LifecycleSettings {
    me {
      account {
        slug
        archiveAfterMonths
        eraseAfterMonths
      }
    }
    lifecycleRuns(first: 20) {
      edges {
        node {
          id
          kind
          months
          startedAt
          finishedAt
          count
          skippedCount
          error
        }
      }
    }
  }
`);
