import { graphql } from "../../../gql";

/** What the duplicates page shows of each customer of a group. */
export const DuplicateCustomerFields = graphql(`
  fragment DuplicateCustomerFields on Customer {
    id
    displayName
    email
    mobilePhoneDisplay
    landlinePhoneDisplay
    dateOfBirth
    company
    createdAt
    appointments(first: 0) {
      totalCount
    }
  }
`);
