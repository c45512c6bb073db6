import { graphql } from "../../../gql";

/**
 * Upload a spreadsheet (`input.file` is a File: urql's fetchExchange then sends the GraphQL
 * multipart request with the usual fetchOptions, X-CSRF-Token included), or analyse an uploaded
 * one again with another sheet or column mapping (`input.jobId`, no new upload).
 */
export const CustomerImportPreviewMutation = graphql(`
  mutation CustomerImportPreview($input: CustomerImportPreviewInput!) {
    customerImportPreview(input: $input) {
      ...CustomerImportPayloadFields
    }
  }
`);
