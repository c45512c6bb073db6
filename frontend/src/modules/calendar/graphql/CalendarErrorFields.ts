import { graphql } from "../../../gql";

export const CalendarErrorFields = graphql(`
  fragment CalendarErrorFields on CalendarError {
    field
    message
    code
  }
`);
