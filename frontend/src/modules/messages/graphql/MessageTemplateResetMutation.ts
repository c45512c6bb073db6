import { graphql } from "../../../gql";

export const MessageTemplateResetMutation = graphql(`
  mutation MessageTemplateReset($kind: MessageKind!, $language: String!) {
    messageTemplateReset(kind: $kind, language: $language) {
      template {
        ...MessageTemplateFields
      }
      userErrors {
        ...MessageErrorFields
      }
    }
  }
`);
