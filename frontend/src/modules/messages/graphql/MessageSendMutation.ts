import { graphql } from "../../../gql";

/** A message staff write to a customer (queued; sent within seconds). */
export const MessageSendMutation = graphql(`
  mutation MessageSend($customerId: ID!, $medium: Medium!, $subject: String, $body: String!, $appointmentId: ID) {
    messageSend(customerId: $customerId, medium: $medium, subject: $subject, body: $body, appointmentId: $appointmentId) {
      communication {
        ...CommunicationFields
      }
      userErrors {
        ...MessageErrorFields
      }
    }
  }
`);
