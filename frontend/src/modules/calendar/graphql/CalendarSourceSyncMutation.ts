import { graphql } from "../../../gql";

export const CalendarSourceSyncMutation = graphql(`
  mutation CalendarSourceSync($id: ID!) {
    calendarSourceSync(id: $id) {
      syncRun {
        ...SyncRunFields
      }
      userErrors {
        ...CalendarErrorFields
      }
    }
  }
`);
