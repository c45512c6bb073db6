import { graphql } from "../../../gql";

export const MessageTemplateUpdateMutation = graphql(`
  mutation MessageTemplateUpdate($kind: MessageKind!, $language: String!, $subject: String!, $body: String!, $sms: String!) {
    messageTemplateUpdate(kind: $kind, language: $language, subject: $subject, body: $body, sms: $sms) {
      template {
        ...MessageTemplateFields
      }
      userErrors {
        ...MessageErrorFields
      }
    }
  }
`);
