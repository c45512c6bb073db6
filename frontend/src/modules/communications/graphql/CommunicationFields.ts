import { graphql } from "../../../gql";

/** A message in an appointment's communication history, with its full body. */
export const CommunicationFields = graphql(`
  fragment CommunicationFields on Communication {
    id
    medium
    recipient
    subject
    body
    status
    error
    attempts
    sentAt
    createdAt
  }
`);
