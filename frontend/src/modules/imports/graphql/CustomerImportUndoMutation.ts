import { graphql } from "../../../gql";

export const CustomerImportUndoMutation = graphql(`
  mutation CustomerImportUndo($jobId: ID!) {
    customerImportUndo(jobId: $jobId) {
      ...CustomerImportPayloadFields
    }
  }
`);
