import { graphql } from "../../../gql";

/** What one row of the customer list shows. */
export const CustomerListItemFields = graphql(`
  fragment CustomerListItemFields on Customer {
    id
    displayName
    email
    mobilePhone
    mobilePhoneDisplay
    landlinePhone
    landlinePhoneDisplay
    preferredLanguage
    communicationStatus
    emailEnabled
    smsEnabled
    isBlocked
    lastVisitAt
    nextAppointment {
      id
      startsAt
      endsAt
      allDay
    }
  }
`);
