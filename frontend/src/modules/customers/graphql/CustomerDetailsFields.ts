import { graphql } from "../../../gql";

/** Everything the profile shows and the edit form changes, without the history. */
export const CustomerDetailsFields = graphql(`
  fragment CustomerDetailsFields on Customer {
    id
    displayName
    salutation
    firstName
    lastName
    email
    mobilePhone
    mobilePhoneDisplay
    landlinePhone
    landlinePhoneDisplay
    dateOfBirth
    address {
      street
      postcode
      city
      country
    }
    company
    notes
    preferredMedium
    preferredLanguage
    communicationStatus
    emailEnabled
    smsEnabled
    source
    createdAt
    updatedAt
    archivedAt
    customFields {
      key
      label
      type
      value
      archived
    }
  }
`);
