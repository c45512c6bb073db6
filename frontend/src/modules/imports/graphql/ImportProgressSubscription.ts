import { graphql } from "../../../gql";

/** The job on every progress step or status change (analysis and the import itself). */
export const ImportProgressSubscription = graphql(`
  subscription ImportProgress($jobId: ID!) {
    importProgress(jobId: $jobId) {
      ...ImportJobFields
    }
  }
`);
