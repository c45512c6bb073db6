import { graphql } from "../../../gql";

/** Every kind of message in every language: the account's own texts or the built-in ones. */
export const MessageTemplatesQuery = graphql(`
  query MessageTemplates {
    messageTemplates {
      ...MessageTemplateFields
    }
  }
`);
