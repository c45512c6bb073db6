import { graphql } from "../../../gql";

export const MessageSettingsUpdateMutation = graphql(`
  mutation MessageSettingsUpdate($reminderHours: [Int!], $timeZone: String) {
    accountSettingsUpdate(reminderHours: $reminderHours, timeZone: $timeZone) {
      account {
        slug
        reminderHours
        timeZone
      }
      userErrors {
        ...AccountErrorFields
      }
    }
  }
`);
