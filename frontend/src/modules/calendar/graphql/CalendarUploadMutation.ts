import { graphql } from "../../../gql";

/**
 * Sync an uploaded .ics file. `file` is a File: urql's fetchExchange then sends the GraphQL
 * multipart request (operations + map + the file) with the usual fetchOptions (X-CSRF-Token).
 */
export const CalendarUploadMutation = graphql(`
  mutation CalendarUpload($file: Upload!, $name: String) {
    calendarUpload(file: $file, name: $name) {
      syncRun {
        ...SyncRunFields
      }
      userErrors {
        ...CalendarErrorFields
      }
    }
  }
`);
