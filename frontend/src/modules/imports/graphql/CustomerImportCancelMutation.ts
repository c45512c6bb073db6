import { graphql } from "../../../gql";

export const CustomerImportCancelMutation = graphql(`
  mutation CustomerImportCancel($jobId: ID!) {
    customerImportCancel(jobId: $jobId) {
      ...CustomerImportPayloadFields
    }
  }
`);
