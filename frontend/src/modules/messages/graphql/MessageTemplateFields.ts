import { graphql } from "../../../gql";

/** One kind of message in one language: the account's own texts or the built-in ones. */
export const MessageTemplateFields = graphql(`
  fragment MessageTemplateFields on MessageTemplate {
    kind
    language
    subject
    body
    sms
    custom
    updatedAt
  }
`);
