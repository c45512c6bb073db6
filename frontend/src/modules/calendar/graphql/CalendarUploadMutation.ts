import { graphql } from "../../../gql";

/**
 * Sync an uploaded .ics file. `file` is a File: urql's fetchExchange then sends the GraphQL
 * multipart request (operations + map + the file) with the usual fetchOptions (X-CSRF-Token).
 * `allDates` and `cancelMissing` are the choices for this file (null: the source's setting); an
 * explicit choice is kept for the source.
 */
export const CalendarUploadMutation = graphql(`
  mutation CalendarUpload($file: Upload!, $name: String, $allDates: Boolean, $cancelMissing: Boolean) {
    calendarUpload(file: $file, name: $name, allDates: $allDates, cancelMissing: $cancelMissing) {
      syncRun {
        ...SyncRunFields
      }
      userErrors {
        ...CalendarErrorFields
      }
    }
  }
`);
