import { graphql } from "../../../gql";

/** A message in a communication history (an appointment's or the customer's), with its full body. */
export const CommunicationFields = graphql(`
  fragment CommunicationFields on Communication {
    id
    kind
    medium
    recipient
    subject
    body
    status
    error
    attempts
    parts
    language
    dueAt
    nextAttemptAt
    sentAt
    createdAt
  }
`);
