import { graphql } from "../../../gql";

/** What every customerImport… mutation answers: the job as it is now, or why not. */
export const CustomerImportPayloadFields = graphql(`
  fragment CustomerImportPayloadFields on CustomerImportPayload {
    job {
      ...ImportJobFields
    }
    userErrors {
      field
      message
      code
    }
  }
`);
