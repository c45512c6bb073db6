import { graphql } from "../../../gql";

/** Why a message, template or preferences change was refused. */
export const MessageErrorFields = graphql(`
  fragment MessageErrorFields on MessageError {
    field
    message
    code
  }
`);
