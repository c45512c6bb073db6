import { graphql } from "../../../gql";

/** A FAILED or SKIPPED message sent again, as a new message (the old one stays). */
export const CommunicationResendMutation = graphql(`
  mutation CommunicationResend($id: ID!) {
    communicationResend(id: $id) {
      communication {
        ...CommunicationFields
      }
      userErrors {
        ...MessageErrorFields
      }
    }
  }
`);
