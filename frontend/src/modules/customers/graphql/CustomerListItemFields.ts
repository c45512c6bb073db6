import { graphql } from "../../../gql";

/** What one row of the customer list shows. */
export const CustomerListItemFields = graphql(`
  fragment CustomerListItemFields on Customer {
    id
    displayName
    email
    mobilePhone
    landlinePhone
    communicationStatus
    nextAppointment {
      id
      startsAt
      endsAt
      allDay
    }
  }
`);
