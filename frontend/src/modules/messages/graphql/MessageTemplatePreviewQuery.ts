import { graphql } from "../../../gql";

/** The texts being edited, rendered for a made-up customer and appointment, or their problems. */
export const MessageTemplatePreviewQuery = graphql(`
  query MessageTemplatePreview($kind: MessageKind!, $language: String!, $subject: String, $body: String, $sms: String) {
    messageTemplatePreview(kind: $kind, language: $language, subject: $subject, body: $body, sms: $sms) {
      subject
      text
      sms
      problems {
        field
        message
      }
      variables
    }
  }
`);
