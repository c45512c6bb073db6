import { graphql } from "../../../gql";

export const CustomerImportCommitMutation = graphql(`
  mutation CustomerImportCommit($input: CustomerImportCommitInput!) {
    customerImportCommit(input: $input) {
      ...CustomerImportPayloadFields
    }
  }
`);
