import { graphql } from "../../../gql";

export const CustomerImportCancelMutation = graphql(`
  mutation CustomerImportCancel($jobId: ID!) {
    customerImportCancel(jobId: $jobId) {
      job {
        ...ImportJobFields
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);
