import { graphql } from "../../../gql";

/** When reminders go out and the time zone of the dates and times in messages. */
export const MessageSettingsQuery = graphql(`
  query MessageSettings {
    me {
      account {
        slug
        reminderHours
        timeZone
      }
    }
  }
`);
