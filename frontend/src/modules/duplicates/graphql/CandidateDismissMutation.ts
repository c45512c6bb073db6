import { graphql } from "../../../gql";

export const CandidateDismissMutation = graphql(`
  mutation CandidateDismiss($customerIds: [ID!]!) {
    candidateDismiss(customerIds: $customerIds) {
      customerIds
      userErrors {
        field
        message
        code
      }
    }
  }
`);
