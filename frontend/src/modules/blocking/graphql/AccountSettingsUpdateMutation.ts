import { graphql } from "../../../gql";

export const AccountSettingsUpdateMutation = graphql(`
  mutation AccountSettingsUpdate($bookingBlockedMessage: String!) {
    accountSettingsUpdate(bookingBlockedMessage: $bookingBlockedMessage) {
      account {
        name
        slug
        bookingBlockedMessage
      }
      userErrors {
        ...AccountErrorFields
      }
    }
  }
`);
